// The words around a name that say how to read it: not a place here, an office's town, a destination or former place.
import type { Token } from './region-tokens.js';
import {
  DESTINATIONS,
  FACILITY_WORDS,
  FORMER,
  FORMER_OF_LAMA,
  LOCATIVES,
  NOT_A_PLACE,
  OFFICE_FILLERS,
  OFFICE_WORDS,
  REFERRALS,
} from './region-words.js';

/** The word right before token `start`, unless punctuation separates them. */
export const wordBefore = (tokens: readonly Token[], start: number): string =>
  tokens[start]?.joined ? (tokens[start - 1]?.word ?? '') : '';
const wordAfter = (tokens: readonly Token[], end: number): string =>
  tokens[end]?.joined ? (tokens[end]?.word ?? '') : '';

export function notAPlace(key: string, tokens: readonly Token[], start: number, end: number): boolean {
  const context = NOT_A_PLACE.get(key);
  if (!context) return false;
  return (
    (context.before?.has(wordBefore(tokens, start)) ?? false) ||
    (context.after?.has(wordAfter(tokens, end)) ?? false)
  );
}

const NUMBER = /^\d{1,2}$/;

/** True when an office word comes right before token `start`, maybe with "negeri 1" and "di" between. */
export function afterOffice(tokens: readonly Token[], start: number): boolean {
  let i = start;
  if (LOCATIVES.has(wordBefore(tokens, i))) i--;
  for (let skipped = 0; skipped < 2; skipped++) {
    const w = wordBefore(tokens, i);
    if (!OFFICE_FILLERS.has(w) && !NUMBER.test(w)) break;
    i--;
  }
  return OFFICE_WORDS.has(wordBefore(tokens, i));
}

/** True when the words before token `start` mark a destination or a former place. */
export function isFallbackPlace(tokens: readonly Token[], start: number): boolean {
  const w1 = wordBefore(tokens, start);
  if (DESTINATIONS.has(w1)) return true;
  const i = LOCATIVES.has(w1) ? start - 1 : start;
  const w = wordBefore(tokens, i);
  return (
    FORMER.has(w) || (w === 'lama' && FORMER_OF_LAMA.has(wordBefore(tokens, i - 1))) || referredTo(tokens, i)
  );
}

/** True when the facility before token `start` is where a patient was sent ("dirujuk ke RSUD di X"). */
function referredTo(tokens: readonly Token[], start: number): boolean {
  let i = start;
  while (i > start - 3 && FACILITY_WORDS.has(wordBefore(tokens, i))) i--;
  return i < start && DESTINATIONS.has(wordBefore(tokens, i)) && REFERRALS.has(wordBefore(tokens, i - 1));
}
