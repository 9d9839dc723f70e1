// Attempt limits as pure rules over one stored counter (when its window started, how many attempts it holds): how
// long a key must wait before its next attempt. The counters themselves are kept by storage/throttles.ts.

export type ThrottleRule =
  /** At most `limit` attempts in a window of `windowMs`, opened by the first attempt after the last one closed. */
  | { kind: 'window'; limit: number; windowMs: number }
  /**
   * Each attempt (a failure) makes the next one wait, from `baseMs` doubling up to `maxMs`, counted from the last
   * attempt; a success clears the counter. Never a lockout longer than `maxMs`.
   */
  | { kind: 'backoff'; baseMs: number; maxMs: number };

/** One key's counter: for a window rule its window's start; for a backoff rule the last attempt. */
export type ThrottleCounter = { windowStart: number; count: number };

/** A counter this old is forgotten (and pruned) whatever its rule: longer than every window and every backoff. */
export const THROTTLE_FORGET_MS = 24 * 3600_000;

/** How long one counter lasts before the next attempt starts a new one. */
export function throttleSpanMs(rule: ThrottleRule): number {
  return rule.kind === 'window' ? rule.windowMs : THROTTLE_FORGET_MS;
}

/** Milliseconds before the key of `counter` may try again under `rule` (0: now). */
export function throttleWaitMs(rule: ThrottleRule, counter: ThrottleCounter | null, now: number): number {
  if (!counter || now - counter.windowStart >= throttleSpanMs(rule)) return 0;
  if (rule.kind === 'window')
    return counter.count >= rule.limit ? counter.windowStart + rule.windowMs - now : 0;
  const delay = Math.min(rule.baseMs * 2 ** Math.max(0, counter.count - 1), rule.maxMs);
  return Math.max(0, counter.windowStart + delay - now);
}
