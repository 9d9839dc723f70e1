// The PIN of a ticket's status page: its shape (six digits), and how a text that shows one hides it from officers.

/**
 * Six digits: typed on any phone's number pad, read aloud without ambiguity, and short enough to note on paper.
 * A million values is little against an offline search of a leaked hash, so the online rate limits of the status
 * page (per address and per ticket) are what defends it; the hash only keeps the database from showing it plainly.
 */
export const PIN_LENGTH = 6;

export const PIN_PATTERN = /^\d{6}$/;

/** What a citizen typed as a PIN, without spaces or dashes ("123 456", "123-456"); null when it is no PIN. */
export function canonicalPin(typed: string): string | null {
  const pin = typed.replace(/[\s-]+/g, '');
  return PIN_PATTERN.test(pin) ? pin : null;
}

/** Hides a PIN in a receipt as the locales write it ("PIN *123456*"): officers read the chat without it. */
export function hideStatusPin(text: string): string {
  return text.replace(/(\bPIN \*?)\d{6}\b/g, '$1••••••');
}
