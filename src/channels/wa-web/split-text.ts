// Splits a long text into WhatsApp-sized parts at paragraph, line, sentence or word boundaries, in that order.

export const WHATSAPP_MAX_CHARS = 4096;

/** The best cut in `text[0..max)`: after a paragraph, a line, a sentence end, a space; else a hard cut. */
function cutAt(text: string, max: number): number {
  const window = text.slice(0, max);
  const lastMatchEnd = (re: RegExp): number => {
    let end = -1;
    for (const m of window.matchAll(re)) end = (m.index ?? 0) + m[0].length;
    return end;
  };
  // Do not cut in the first quarter: a tiny first part is worse than a mid-sentence cut.
  const floor = Math.floor(max / 4);
  for (const re of [/\n\s*\n/g, /\n/g, /[.!?…](?:["')\]]*)\s+/gu, /\s+/g]) {
    const end = lastMatchEnd(re);
    if (end > floor) return end;
  }
  // Never split a surrogate pair (emoji).
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Parts of at most `max` UTF-16 units (WhatsApp's 4096 limit), trimmed, none empty. */
export function splitText(text: string, max = WHATSAPP_MAX_CHARS): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutAt(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
