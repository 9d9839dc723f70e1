// The status page's rate limits (a 6-digit PIN's real defence, see domain/status-pin.ts), kept in the stored throttle
// so a restart or a second process does not reset them: lookups per client address, and wrong PINs per ticket
// number, each at most so many in a 15-minute window.
import type { ThrottleRule } from '../../domain/throttle-rule.js';
import type { Throttles } from '../../storage/throttles.js';

export const WINDOW_MS = 15 * 60_000;
/** Lookups one address may make in a window, right or wrong. */
export const ADDRESS_TRIES = 10;
/** Wrong PINs for one ticket number in a window; then its lookups are refused, whoever asks, until it passes. */
export const TICKET_WRONG_TRIES = 5;

const ADDRESS: ThrottleRule = { kind: 'window', limit: ADDRESS_TRIES, windowMs: WINDOW_MS };
const TICKET: ThrottleRule = { kind: 'window', limit: TICKET_WRONG_TRIES, windowMs: WINDOW_MS };
const addressKey = (address: string) => `status:ip:${address}`;
const ticketKey = (number: string) => `status:ticket:${number}`;

export class StatusThrottle {
  constructor(private readonly throttles: Throttles) {}

  /** Milliseconds before this address may look a ticket up again, or this number be looked up (0: now). */
  waitMs(address: string, number: string, now: number): number {
    return Math.max(
      this.throttles.waitMs(addressKey(address), ADDRESS, now),
      this.throttles.waitMs(ticketKey(number), TICKET, now),
    );
  }

  /** Counts a lookup from this address. */
  tried(address: string, now: number): void {
    this.throttles.hit(addressKey(address), ADDRESS, now);
  }

  /** Counts a wrong PIN (or an unknown number) for this number. */
  wrong(number: string, now: number): void {
    this.throttles.hit(ticketKey(number), TICKET, now);
  }
}
