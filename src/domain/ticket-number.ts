// Ticket numbers a citizen can read over the phone (ADU-2611-4K7Q): year+month, then random Crockford-style symbols.
import { witaWallClock } from './wita.js';
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // no 0/O, 1/I/L, U: easy to read aloud

export const TICKET_PATTERN = /^ADU-\d{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/** `random` returns independent uniform integers in [0, n): injected so tests are deterministic. */
export function newTicketNumber(now: Date, random: (n: number) => number): string {
  const wita = witaWallClock(now);
  const yymm = `${String(wita.getUTCFullYear() % 100).padStart(2, '0')}${String(wita.getUTCMonth() + 1).padStart(2, '0')}`;
  let tail = '';
  for (let i = 0; i < 4; i++) tail += ALPHABET[random(ALPHABET.length)];
  return `ADU-${yymm}-${tail}`;
}

/** Accepts what a citizen types ("adu 2611 4k7q", "ADU26114K7Q") and returns the canonical number, or null. */
export function canonicalTicketNumber(text: string): string | null {
  const m = /^\s*adu[\s\-_.]*(\d{4})[\s\-_.]*([a-z0-9]{4})\s*$/i.exec(text);
  if (!m) return null;
  const n = `ADU-${m[1]}-${m[2]!.toUpperCase()}`;
  return TICKET_PATTERN.test(n) ? n : null;
}
