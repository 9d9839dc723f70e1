// Splits a message or a place name into folded words, with where each is written and how it joins the last.
/** Spellings folded before matching, in the text and in the names alike. */
const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['sei', 'sungai'],
  ['sungei', 'sungai'],
]);

/**
 * `joined`: nothing but spaces, hyphens or an abbreviation's dot separate this word from the previous one.
 * `titled`: written with a capital first letter and not all in capitals.
 */
export type Token = {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly joined: boolean;
  readonly titled: boolean;
};

const WORD = /[\p{L}\p{N}]+(?:['\u2019`\u02BC][\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2019`\u02BC]/g;
const HARD_BREAK = /[^\s\-.]/u;
const TITLE_CASE = /^\p{Lu}(?!\p{Lu}+$)/u;
const MAX_ABBREVIATION = 3;

function fold(word: string): string {
  const w = word.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '');
  return SPELLINGS.get(w) ?? w;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  let lastLength = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const gap = text.slice(last, start);
    const joined =
      out.length > 0 && !HARD_BREAK.test(gap) && (!gap.includes('.') || lastLength <= MAX_ABBREVIATION);
    out.push({ word: fold(m[0]), start, end: start + m[0].length, joined, titled: TITLE_CASE.test(m[0]) });
    last = start + m[0].length;
    lastLength = m[0].length;
  }
  return out;
}

export const nameWords = (name: string): string[] => tokenize(name).map((t) => t.word);
