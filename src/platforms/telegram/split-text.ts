// Splits a text longer than Telegram's 4096-character limit at paragraph, line, sentence or word boundaries.

export const TELEGRAM_TEXT_LIMIT = 4096;

/** Cuts below this share of the limit make parts too short: a coarser boundary further on is preferred. */
const MIN_SHARE = 0.3;

export function splitText(text: string, max = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() || parts.length === 0) parts.push(rest);
  return parts;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max * MIN_SHARE);
  const paragraph = window.lastIndexOf('\n\n', max);
  if (paragraph >= floor) return paragraph;
  const line = window.lastIndexOf('\n', max);
  if (line >= floor) return line;
  let sentence = -1;
  for (const m of window.slice(0, max).matchAll(/[.!?…]["')\]]*\s/g)) sentence = m.index + m[0].length - 1;
  if (sentence >= floor) return sentence;
  const space = window.lastIndexOf(' ', max);
  if (space >= floor) return space;
  // No boundary at all: cut hard, but never between the two halves of an emoji.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
