// A text folded for matching personal data (lower case, no diacritics, plain digits, no invisible characters), with
// where each folded character came from, so a match found in the folded text masks the right part of the original.

/** Invisible characters people (and apps) put between digits or letters: format controls, variation selectors. */
const INVISIBLE = /^[\p{Cf}\p{Variation_Selector}\u115F\u1160\u180E\u3164\uFFA0]$/u;
const SPACE = /^\s$/u;
const DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/u;

export type FoldedText = {
  /** Lower case, diacritics stripped, NFKD digits ("１" → "1"), line breaks "\n" and every other space " ". */
  text: string;
  /** For each folded character, the index of the original character it came from; null: the same index (ASCII). */
  from: number[] | null;
  /** For each folded character, the index just after that original character; null: the next index. */
  to: number[] | null;
};

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Plain ASCII (most of any text) needs only its case and its kind of space looked at.
  if (code < 0x80) {
    if (code === 0x0a || code === 0x0d) return '\n';
    if (code === 0x09 || code === 0x0b || code === 0x0c) return ' ';
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : ch;
  }
  if (INVISIBLE.test(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  if (DASH.test(ch)) return '-';
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\p{M}/gu, '');
}

export function foldText(original: string): FoldedText {
  // Plain ASCII keeps its length: only the case and the kinds of space change, every index stays.
  if (/^[\x00-\x7f]*$/.test(original))
    return {
      text: original
        .replace(/\r/g, '\n')
        .replace(/[\t\v\f]/g, ' ')
        .toLowerCase(),
      from: null,
      to: null,
    };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    const folded = foldChar(ch);
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    text += folded;
    i += ch.length;
  }
  return { text, from, to };
}

/** The index in the original text of the folded character at `i`. */
export function originalIndex(f: FoldedText, i: number): number {
  return f.from === null ? i : (f.from[i] ?? original(f));
}

const original = (f: FoldedText) => f.to?.at(-1) ?? f.text.length;

/** The original range of the folded range [start, end). */
export function originalRange(f: FoldedText, start: number, end: number): { start: number; end: number } {
  if (f.from === null || f.to === null) return { start, end };
  return { start: originalIndex(f, start), end: f.to[end - 1] ?? originalIndex(f, start) };
}
