// The words that make a date a span: "sejak" and "sudah 3 bulan" start a problem that goes on, "sampai" ends one.
import { DIGIT_WORDS, ONE_UNIT } from './date-words.js';

/** Said with a date, these make it the start of a problem that goes on. */
export const SINCE = new Set(['sejak', 'semenjak', 'dari', 'dr', 'mulai']);
/** "sudah 3 bulan": a duration up to now (unlike "3 bulan lalu", a point in time). */
export const ALREADY = new Set(['sudah', 'udah', 'udh', 'sdh', 'dah', 'sudh', 'telah']);
/** Phrases that say the problem still goes on. */
export const STILL = [
  ['sampai', 'sekarang'],
  ['sampai', 'skrg'],
  ['sampai', 'saat', 'ini'],
  ['sampai', 'hari', 'ini'],
  ['hingga', 'kini'],
  ['hingga', 'sekarang'],
  ['sampai', 'wayah', 'ini'],
  ['belum', 'juga'],
  ['blm', 'juga'],
  ['tiap', 'hari'],
  ['setiap', 'hari'],
  ['masih'],
  ['terus'],
  ['kada', 'tuntung'],
] as const;
/** A date after these is an end point ("sampai hari ini belum jadi"), not when it happened. */
export const UNTIL = new Set(['sampai', 'hingga']);

/** A word that says how many: "3", "tiga", "seminggu", "sebulan". */
export function isAmount(word: string): boolean {
  return (
    /^[0-9]+$/.test(word) ||
    DIGIT_WORDS.has(word) ||
    ONE_UNIT.has(word) ||
    word === 'sepuluh' ||
    word === 'sebelas'
  );
}

/** "sudah 3 bulan" (not "sudah 3 bulan lalu"): a duration up to now. */
export function alreadyFor(words: readonly string[], from: number): boolean {
  if (!ALREADY.has(words[from] ?? '')) return false;
  const rest = words.slice(from + 1, from + 5);
  return !rest.some((w) => w === 'lalu' || w === 'silam' || w === 'lewat');
}
