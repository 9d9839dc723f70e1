// A ticket's status-page PIN: drawn from the injected randomness when the ticket is filed, stored only as a salted
// sha256, and checked in constant time. The plain PIN goes to the citizen in the receipt and nowhere else.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PIN_LENGTH } from '../domain/status-pin.js';
import type { Store } from '../storage/store.js';

const pinHash = (pin: string, salt: string): string =>
  createHash('sha256').update(`${salt}:${pin}`).digest('hex');

/**
 * Gives the ticket a fresh PIN and returns it (the only time it exists in plain). A salted sha256 and not a slow
 * hash: six digits fall to an offline search whatever the hash, so the page's rate limits are the real defence.
 */
export function issueStatusPin(
  store: Store,
  random: (n: number) => number,
  ticketId: number,
  now: number,
): string {
  let pin = '';
  for (let i = 0; i < PIN_LENGTH; i++) pin += String(random(10));
  const salt = randomBytes(16).toString('hex');
  store.statusPins.save(ticketId, salt, pinHash(pin, salt), now);
  return pin;
}

/** Whether a typed PIN is the stored one. */
export function pinMatches(pin: string, stored: { salt: string; hash: string }): boolean {
  const typed = Buffer.from(pinHash(pin, stored.salt), 'hex');
  const kept = Buffer.from(stored.hash, 'hex');
  return typed.length === kept.length && timingSafeEqual(typed, kept);
}
