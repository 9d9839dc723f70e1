// Picks one of the offered options from a reply: its number ("2", "nomor 2", "yang kedua"), its words (typos allowed) or its id.
import { tokens } from './normalize.js';

export type ChoiceOption<T extends string> = { id: T; words: string[] };

/** Words around a pick that say nothing about which one: "saya pilih nomor 2 pak". */
const FILLERS = new Set([
  'pilih',
  'memilih',
  'pilihan',
  'opsi',
  'nomor',
  'nomer',
  'no',
  'angka',
  'yang',
  'itu',
  'saya',
  'mau',
  'ya',
  'saja',
  'deh',
  'dong',
  'lah',
  'pak',
  'bu',
  'kak',
  'min',
  'admin',
]);

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['pertama', 1],
  ['kedua', 2],
  ['ketiga', 3],
  ['keempat', 4],
  ['kelima', 5],
  ['keenam', 6],
  ['ketujuh', 7],
  ['kedelapan', 8],
  ['kesembilan', 9],
  ['kesepuluh', 10],
  ['satu', 1],
  ['dua', 2],
  ['tiga', 3],
  ['empat', 4],
  ['lima', 5],
  ['enam', 6],
  ['tujuh', 7],
  ['delapan', 8],
  ['sembilan', 9],
  ['sepuluh', 10],
  ['first', 1],
  ['second', 2],
  ['third', 3],
]);

/** Typo tolerance: one edit, only for words of at least this many letters. */
const FUZZY_MIN_LENGTH = 5;

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

function sameWord(typed: string, expected: string, fuzzy: boolean): boolean {
  if (typed === expected) return true;
  if (!fuzzy || expected.length < FUZZY_MIN_LENGTH || Math.abs(typed.length - expected.length) > 1)
    return false;
  return levenshtein(typed, expected) <= 1;
}

/** The 1-based position a pick names: "2", "ke-2", "kedua", "dua", "terakhir". */
function position(words: string[], count: number): number | null {
  if (words.length !== 1) return null;
  const word = words[0] ?? '';
  const digits = /^(?:ke-?)?([0-9]{1,3})$/.exec(word);
  if (digits) return Number(digits[1]);
  if (word === 'terakhir') return count;
  return ORDINALS.get(word) ?? null;
}

type Occurrence = { option: number; start: number; end: number };

/** Where each option's phrases occur in the reply, as word spans. */
function occurrences(words: string[], phrases: string[][], owners: number[], fuzzy: boolean): Occurrence[] {
  const found: Occurrence[] = [];
  phrases.forEach((phrase, p) => {
    if (phrase.length === 0) return;
    for (let start = 0; start + phrase.length <= words.length; start++) {
      if (phrase.every((w, k) => sameWord(words[start + k] ?? '', w, fuzzy))) {
        found.push({ option: owners[p] ?? -1, start, end: start + phrase.length });
      }
    }
  });
  return found;
}

/** The single option left after dropping mentions inside a longer one ("setuju" inside "tidak setuju"), or null. */
function soleOption(found: Occurrence[]): number | null {
  const byStart = new Map<number, Occurrence[]>();
  let longest = 0;
  for (const o of found) {
    byStart.set(o.start, [...(byStart.get(o.start) ?? []), o]);
    longest = Math.max(longest, o.end - o.start);
  }
  const inLonger = (o: Occurrence): boolean => {
    for (let start = Math.max(0, o.end - longest); start <= o.start; start++) {
      const longer = byStart.get(start)?.some((l) => l.end >= o.end && l.end - l.start > o.end - o.start);
      if (longer) return true;
    }
    return false;
  };
  let only: number | null = null;
  for (const o of found) {
    if (o.option === only || inLonger(o)) continue;
    if (only !== null) return null;
    only = o.option;
  }
  return only;
}

/**
 * The option a reply picks, or null when it names none or several. In order: the whole reply equals an
 * option's id or one of its words; a number or ordinal (1-based); the option whose words appear in the
 * reply, exactly, then allowing one typo in words of 5+ letters.
 */
export function parseChoice<T extends string>(text: string, options: ChoiceOption<T>[]): T | null {
  const words = tokens(text);
  if (words.length === 0 || options.length === 0) return null;
  const whole = words.join(' ');
  const picked = words.filter((w) => !FILLERS.has(w));
  const stripped = picked.join(' ');

  const phrases: string[][] = [];
  const owners: number[] = [];
  options.forEach((option, index) => {
    for (const name of [option.id.replace(/_/g, ' '), ...option.words]) {
      phrases.push(tokens(name));
      owners.push(index);
    }
  });

  for (const target of [whole, stripped]) {
    const exact = phrases.findIndex((phrase) => phrase.length > 0 && phrase.join(' ') === target);
    if (exact !== -1) return options[owners[exact] ?? -1]?.id ?? null;
  }

  const n = position(picked, options.length);
  if (n !== null) return options[n - 1]?.id ?? null;

  for (const fuzzy of [false, true]) {
    const found = occurrences(words, phrases, owners, fuzzy);
    if (found.length > 0) {
      const only = soleOption(found);
      return only === null ? null : (options[only]?.id ?? null);
    }
  }
  return null;
}
