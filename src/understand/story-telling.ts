// A story told around the flow's questions: a closing alone, a yes that goes on telling, more story at the guess.
import { normalize } from './normalize.js';
import { isStoryFragment } from './small-talk.js';
import { storyDone } from './story-done.js';
import { leadingYesNo, parseYesNo } from './yes-no.js';

/** "selesai", "itu saja pak": a closing and nothing else. */
export function closesOnly(text: string): boolean {
  const end = storyDone(text);
  return end.done && end.rest === '';
}

/** "ya pak, sampahnya numpuk di gang": the story that follows a yes, if there is one. */
export function yesThenStory(text: string): string | null {
  if (leadingYesNo(text) !== 'yes') return null;
  const rest = text.replace(/^[^,.;!?\n]*?(?:[,.;!?\n]+|$)/u, '').trim();
  const tail = rest || text.split(/\s+/).slice(1).join(' ');
  return isStoryFragment(tail) && tail.split(/\s+/).length >= 3 ? tail : null;
}

/** Words that correct the guess rather than tell more: "bukan", "salah", "yang benar …", "maksud saya …". */
const CORRECTING =
  /\b(bukan|salah|keliru|yg (bnr|benar)|yang benar|harusnya|seharusnya|maksud saya|maksudnya)\b/;
const CONTINUATION_WORDS = 3;
/** A question back ("maksudnya apa?") is never taken as more story: it gets an answer. */
const ASKING_BACK = /\?|\b(apa|gimana|bagaimana|maksud|maksudnya|kenapa|mengapa|kok)\b/;

/** A message that goes on telling: no yes/no, no correction, no question back, a few words of story. */
export function goesOnTelling(text: string): boolean {
  if (parseYesNo(text) !== null || leadingYesNo(text) !== null) return false;
  if (CORRECTING.test(normalize(text)) || ASKING_BACK.test(normalize(text)) || text.includes('?'))
    return false;
  return isStoryFragment(text) && text.trim().split(/\s+/).length >= CONTINUATION_WORDS;
}

/** "ya, tp lokasinya …", "bukan, …": a yes or no up front, or a "but", that may come with a corrected fact. */
export function yesNoOrBut(text: string): boolean {
  return leadingYesNo(text) !== null || /\b(tapi|tp|tetapi|namun)\b/i.test(text);
}

/** "kembali", "sudah benar", "tidak ada" (or a yes) to "which part is wrong?": nothing is. */
export function nothingWrong(text: string): boolean {
  return (
    parseYesNo(text) === 'yes' ||
    /^(kembali|balik|tidak ada|sudah benar|benar semua|semua benar|back)\b/.test(normalize(text))
  );
}
