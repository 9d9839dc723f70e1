// The status page's rate limits, in memory (a restart forgets them; a 6-digit PIN's real defence, see
// domain/status-pin.ts): lookups per client address, and wrong PINs per ticket number, each in a 15-minute window.
import { LruMap } from '../../conversation/sender-limits.js';

export const WINDOW_MS = 15 * 60_000;
/** Lookups one address may make in a window, right or wrong. */
export const ADDRESS_TRIES = 10;
/** Wrong PINs for one ticket number in a window; then its lookups are refused, whoever asks, until it passes. */
export const TICKET_WRONG_TRIES = 5;
/** Addresses and numbers remembered at most (the least recently seen forgotten first). */
const MAX_KEYS = 50_000;

/** When each key's recent tries were made, within a window of `WINDOW_MS`. */
class Window {
  private readonly tries: LruMap<string, number[]>;

  constructor(private readonly limit: number) {
    this.tries = new LruMap(MAX_KEYS);
  }

  /** Milliseconds before `key` may try again (0: now). */
  waitMs(key: string, now: number): number {
    const recent = (this.tries.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    const first = recent[recent.length - this.limit];
    return recent.length >= this.limit && first !== undefined ? first + WINDOW_MS - now : 0;
  }

  add(key: string, now: number): void {
    const recent = (this.tries.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    this.tries.set(key, [...recent, now].slice(-this.limit));
  }
}

export class StatusThrottle {
  private readonly addresses = new Window(ADDRESS_TRIES);
  private readonly tickets = new Window(TICKET_WRONG_TRIES);

  /** Milliseconds before this address may look a ticket up again, or this number be looked up (0: now). */
  waitMs(address: string, number: string, now: number): number {
    return Math.max(this.addresses.waitMs(address, now), this.tickets.waitMs(number, now));
  }

  /** Counts a lookup from this address. */
  tried(address: string, now: number): void {
    this.addresses.add(address, now);
  }

  /** Counts a wrong PIN (or an unknown number) for this number. */
  wrong(number: string, now: number): void {
    this.tickets.add(number, now);
  }
}
