// Tells "I have finished telling" ("selesai", "udh itu aja pak", "Demikian, terima kasih. Selesai.") at the end of a
// story message, and what story the message still carries before it.
import { tokens } from './normalize.js';

/** Words that must be there for a closing: a bare "terima kasih" or "pak" is not one. */
const DECIDING = new Set([
  'selesai',
  'sudah',
  'cukup',
  'beres',
  'tuntung',
  'done',
  'finish',
  'finished',
  'demikian',
  'sekian',
  'segitu',
  'segini',
]);

/** Words of a closing: "sudah itu saja", "cukup segitu dulu", "demikian terima kasih", "tuntung" (Banjar). */
const CLOSING = new Set([
  ...DECIDING,
  'gitu',
  'begitu',
  'itu',
  'saja',
  'aja',
  'haja',
  'ja',
  'dulu',
  'aku',
  'saya',
  'ulun',
  'anda',
  'pak',
  'bu',
  'min',
  'kak',
  'admin',
  'ya',
  'dah',
  'deh',
  'lah',
  'terima-kasih',
  'terima',
  'kasih',
  'makasih',
  'tks',
  'thanks',
  'wassalam',
  'wassalamualaikum',
  'ceritanya',
  'cerita',
  'laporan',
  'laporannya',
  'nya',
  'semua',
  'semuanya',
  'that',
  's',
  'all',
]);

/** "itu saja", "itu dulu": a closing without a deciding word. */
const CLOSING_PHRASE = /\bitu (saja|dulu)\b/;

function isClosing(text: string): boolean {
  const ws = tokens(text).filter((w) => /\p{L}/u.test(w));
  return (
    ws.length > 0 &&
    ws.length <= 8 &&
    ws.every((w) => CLOSING.has(w)) &&
    (ws.some((w) => DECIDING.has(w)) || CLOSING_PHRASE.test(ws.join(' ')))
  );
}

/**
 * Whether the message ends the story, and the story text before its closing ("… tidak ada kuitansi. Demikian,
 * terima kasih." → done, with the first part kept). A message that is only a closing leaves `rest` empty.
 */
export function storyDone(text: string): { done: boolean; rest: string } {
  const trimmed = text.trim();
  if (isClosing(trimmed)) return { done: true, rest: '' };
  const sentences = trimmed.split(/(?<=[.!?\n])\s+/);
  for (let cut = sentences.length - 1; cut >= 1 && sentences.length - cut <= 3; cut--) {
    const tail = sentences.slice(cut).join(' ');
    if (isClosing(tail)) return { done: true, rest: sentences.slice(0, cut).join(' ').trim() };
  }
  return { done: false, rest: trimmed };
}
