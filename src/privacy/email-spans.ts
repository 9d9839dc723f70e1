// Finds e-mail addresses in folded free text: "budi.s@gmail.com", with spaces around the @, "(at)" and "[dot]", or
// read out ("budi at gmail dot com", "budi et yahoo titik co titik id"), and the reporter's own address when known.
import type { TextSpan } from './name-spans.js';

const LOCAL = "[a-z0-9](?:[a-z0-9._%+'-]*[a-z0-9])?";
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const DOT = '\\s?(?:\\.|\\(dot\\)|\\[dot\\]|\\(titik\\)|\\[titik\\])\\s?';
const AT = '\\s?(?:@|\\(at\\)|\\[at\\]|\\(et\\)|\\[et\\])\\s?';
/** An address with an @ (or a bracketed at) and a domain that ends in letters. */
const WRITTEN = new RegExp(
  `(?<![a-z0-9._%+-])${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}[a-z]{2,}(?![a-z0-9-])`,
  'g',
);
/** An address read out in words: only with a mail provider's name, so "rapat at kantor" stays. */
const SPOKEN = new RegExp(
  `(?<![a-z0-9._%+-])${LOCAL}\\s+(?:at|et|di)\\s+(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|rocketmail|proton|protonmail)` +
    `(?:\\s*(?:\\.|dot|titik)\\s*(?:com|co|id|net|org|go|ac|sch))+(?![a-z0-9])`,
  'g',
);

export function emailSpans(text: string, known: string | null): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const re of [WRITTEN, SPOKEN])
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  const own = known?.trim().toLowerCase();
  if (own?.includes('@')) {
    for (let at = text.indexOf(own); at >= 0; at = text.indexOf(own, at + own.length))
      spans.push({ start: at, end: at + own.length });
  }
  return spans;
}
