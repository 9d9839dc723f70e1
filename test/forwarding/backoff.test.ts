// Retry timing: full jitter within the exponential ceiling, Retry-After within the cap, the 48-hour limit, statuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BACKOFF,
  afterFailure,
  backoffCeiling,
  backoffDelay,
  parseRetryAfter,
  retryableStatus,
} from '../../src/forwarding/backoff.js';
import { T0 } from './fixtures.js';

const HOUR = 3_600_000;
const failure = (over: { retryable?: boolean; retryAfterMs?: number } = {}) => ({
  ok: false as const,
  retryable: over.retryable ?? true,
  error: 'HTTP 503 Service Unavailable',
  ...(over.retryAfterMs !== undefined ? { retryAfterMs: over.retryAfterMs } : {}),
});

describe('backoff', () => {
  it('doubles from 30 s up to the 1-hour cap', () => {
    expect([1, 2, 3, 4, 7, 8, 9, 50].map((a) => backoffCeiling(a))).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      1_920_000,
      HOUR,
      HOUR,
      HOUR,
    ]);
  });

  it('jitters fully: every delay lies in [0, ceiling], both ends reachable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, u) => {
          const random = (n: number) => Math.min(n - 1, Math.floor(u * n));
          const d = backoffDelay(attempt, random);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(backoffCeiling(attempt));
          expect(Number.isInteger(d)).toBe(true);
        },
      ),
    );
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, (n) => n - 1)).toBe(120_000);
  });

  it("waits the receiver's Retry-After, at most the cap", () => {
    const at = { attempt: 1, createdAt: T0, now: T0 };
    expect(afterFailure(failure({ retryAfterMs: 7000 }), at, () => 0)).toEqual({
      kind: 'retry',
      at: T0 + 7000,
    });
    expect(afterFailure(failure({ retryAfterMs: 5 * HOUR }), at, () => 0)).toEqual({
      kind: 'retry',
      at: T0 + HOUR,
    });
  });

  it('is dead at once on a non-retryable failure, with its error', () => {
    const step = afterFailure(failure({ retryable: false }), { attempt: 1, createdAt: T0, now: T0 }, () => 0);
    expect(step).toEqual({ kind: 'dead', reason: 'HTTP 503 Service Unavailable' });
  });

  it('places the last retry at the end of the 48 hours and gives up after them', () => {
    const max = (n: number) => n - 1;
    const late = afterFailure(failure(), { attempt: 40, createdAt: T0, now: T0 + 47.9 * HOUR }, max);
    expect(late).toEqual({ kind: 'retry', at: T0 + DEFAULT_BACKOFF.giveUpAfterMs });
    const over = afterFailure(failure(), { attempt: 41, createdAt: T0, now: T0 + 48 * HOUR }, max);
    expect(over).toEqual({
      kind: 'dead',
      reason: 'gave up after 48 hours of retries; last error: HTTP 503 Service Unavailable',
    });
  });

  it('retries 408, 409, 425, 429 and 5xx; every other status is final', () => {
    for (const s of [408, 409, 425, 429, 500, 502, 503, 504])
      expect(retryableStatus(s), String(s)).toBe(true);
    for (const s of [301, 302, 400, 401, 403, 404, 410, 413, 422])
      expect(retryableStatus(s), String(s)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120', T0)).toBe(120_000);
    expect(parseRetryAfter(new Date(T0 + 90_000).toUTCString(), T0)).toBe(90_000);
    expect(parseRetryAfter(new Date(T0 - 90_000).toUTCString(), T0)).toBe(0);
    expect(parseRetryAfter('soon', T0)).toBeUndefined();
    expect(parseRetryAfter(null, T0)).toBeUndefined();
  });
});
