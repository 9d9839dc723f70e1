// Splits a long text into pieces under a platform limit, cutting at paragraphs, lines, sentences, then words.

/** WhatsApp's limit for a text message body. */
export const TEXT_LIMIT = 4096;

/** Where a cut may fall, best first: the end of a paragraph, a line, a sentence, a word. */
const BOUNDARIES: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…]["')\]]*\s+/g, /\s+/g];

/** The end of the last boundary match within `text`, kept only when it leaves the piece at least half full. */
function lastBoundary(text: string, pattern: RegExp, min: number): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(pattern)) {
    const end = m.index + m[0].length;
    if (m.index >= min) best = end;
  }
  return best;
}

/** Never cuts a surrogate pair (an emoji) in half. */
function safeHardCut(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * Pieces of at most `max` UTF-16 units (WhatsApp counts characters; units never undercount them). A piece ends
 * at the last paragraph break that keeps it at least half full, else a line break, a sentence end, a space,
 * and only as a last resort in the middle of a word. Pieces are trimmed; none is empty.
 */
export function splitText(text: string, max = TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut: number | null = null;
    for (const pattern of BOUNDARIES) {
      cut = lastBoundary(window, pattern, Math.floor(max / 2));
      if (cut !== null && cut <= max + 1) break;
      cut = null;
    }
    const at = cut ?? safeHardCut(rest, max);
    const piece = rest.slice(0, at).trim();
    if (piece) pieces.push(piece);
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
