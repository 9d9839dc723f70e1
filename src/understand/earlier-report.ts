// Finds in the story whether the citizen already complained to the office ("sudah 4 kali ke Disdukcapil tapi disuruh
// kembali terus", "sdh lapor ke RT tp gk ada tanggapan", "belum pernah lapor"), and what came of it.
import { normalize } from './normalize.js';

/** "sudah/pernah … lapor/ke kantor/2x ke …": within a few words of each other. */
const DONE =
  /\b(?:sudah|pernah|sempat)\b(?:\s+\S+){0,4}?\s+(?:lapor|melapor|dilaporkan|laporkan|melaporkan|mengadu|diadukan|komplain|mengeluh|menanyakan|tanyakan|tanya|bertanya|ditanyakan|datang ke|ke kantor|ajukan|diajukan|mengajukan|urus|mengurus|diurus|menghubungi|hubungi|menelepon|telepon|telpon|nelpon|menelpon|call center|chat|dm|padahi|bapadah|bolak-balik|bolak balik|(?:\d+|dua|tiga|empat|lima|beberapa|berkali-kali)\s*(?:x|kali)\s+ke)\b/;
const NOT_YET =
  /\b(?:belum|tidak|tak)\s+(?:pernah\s+)?(?:lapor|melapor|mengadu|komplain|diadukan|dilaporkan|melaporkan)\b/;

/** What came of it: the rest of that sentence after "tapi", or the sentence itself. */
const BUT = /\b(?:tapi|tp|tetapi|namun|cuma|hanya)\b[\s,]*/i;

export type EarlierReport = { done: boolean; result: string | null };

export function findEarlierReport(story: string): EarlierReport | null {
  const sentences = story.split(/(?<=[.!?\n])\s+|\n/).filter((s) => s.trim());
  for (const sentence of sentences) {
    const text = normalize(sentence);
    if (NOT_YET.test(text)) return { done: false, result: null };
    if (DONE.test(text)) {
      const but = BUT.exec(sentence);
      const result = (but ? sentence.slice(but.index + but[0].length) : sentence).trim().slice(0, 300);
      return { done: true, result };
    }
  }
  return null;
}
