// Finds what the citizen asks for in the story ("tolong segera diangkut", "mohon KTP saya dicetak", "kami berharap
// sertipikat diterbitkan"), so the expectation is suggested instead of asked.
import { normalize } from './normalize.js';

/** Words that open a request; "minta" only after a pronoun ("urang KUA minta duit" is not a request). */
const TRIGGER =
  /(?<![\p{L}])(?:mohon|tolong|tlg|harap|berharap|harapan(?:nya)? (?:saya|kami)?|semoga|(?:saya|kami|ulun|sy|aku) (?:minta|meminta|mohon|ingin|mau|handak)|minta tolong)(?![\p{L}])\s*/iu;

/** Requests that ask for nothing of the agency: "mohon izin", "tolong dibantu" alone is still a request. */
const NOT_A_REQUEST =
  /^(izin|maaf|info|lapor|melapor|melaporkan|mengadu|ngadu|mengadukan|menyampaikan|sampaikan|tanya|bertanya|nanya|komplain|complain|bantuan( nya)?$|dibantu$|dicek$)/i;

const MIN_WORDS = 2;
const MAX_WORDS = 25;

/** The request the story ends or goes on with, as written, or null. */
export function findExpectation(story: string): string | null {
  const sentences = story.split(/(?<=[.!?\n])\s+|\n/).filter((s) => s.trim());
  for (const sentence of [...sentences].reverse()) {
    const m = TRIGGER.exec(sentence);
    if (!m) continue;
    const rest = sentence
      .slice((m.index ?? 0) + m[0].length)
      .replace(/(?:[\s,]+(?:ya|pak|bu|min|kak|pian|dong|lah))+[.!?\s]*$/iu, '')
      .replace(/[.!?\s]+$/u, '')
      .trim();
    const words = rest.split(/\s+/).filter(Boolean);
    if (words.length < MIN_WORDS || NOT_A_REQUEST.test(normalize(rest))) continue;
    return words.slice(0, MAX_WORDS).join(' ');
  }
  return null;
}
