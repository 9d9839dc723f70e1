// When a failed ticket delivery is tried again: exponential backoff with full jitter, Retry-After, a 48-hour limit.
import type { DeliveryOutcome } from './method.js';

export type BackoffPolicy = {
  /** The ceiling of the first retry's delay. */
  baseMs: number;
  factor: number;
  /** No retry waits longer, whatever the attempt or the receiver's Retry-After. */
  capMs: number;
  /** Counted from when the delivery was queued: a failure after this is final (dead, for an operator). */
  giveUpAfterMs: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 30_000,
  factor: 2,
  capMs: 60 * 60_000,
  giveUpAfterMs: 48 * 60 * 60_000,
};

export type DeliveryFailure = Extract<DeliveryOutcome, { ok: false }>;

export type NextStep = { kind: 'retry'; at: number } | { kind: 'dead'; reason: string };

/** The ceiling for the delay after the `attempt`-th try (1-based): base × factor^(attempt−1), at most the cap. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt - 1));
}

/** Full jitter: uniform in [0, ceiling], so receivers coming back up are not hit by every sender at once. */
export function backoffDelay(
  attempt: number,
  random: (n: number) => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return random(backoffCeiling(attempt, policy) + 1);
}

/**
 * What follows a failed try. Non-retryable failures are dead at once. A retryable one waits the receiver's
 * Retry-After when given (at most the cap), else the jittered backoff; the last retry is placed at the end of the
 * 48-hour window, and a failure after the window is dead.
 */
export function afterFailure(
  failure: DeliveryFailure,
  at: { attempt: number; createdAt: number; now: number },
  random: (n: number) => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): NextStep {
  if (!failure.retryable) return { kind: 'dead', reason: failure.error };
  const deadline = at.createdAt + policy.giveUpAfterMs;
  if (at.now >= deadline) {
    const hours = Math.round(policy.giveUpAfterMs / 3_600_000);
    return { kind: 'dead', reason: `gave up after ${hours} hours of retries; last error: ${failure.error}` };
  }
  const delay =
    failure.retryAfterMs !== undefined
      ? Math.min(policy.capMs, Math.max(0, failure.retryAfterMs))
      : backoffDelay(at.attempt, random, policy);
  return { kind: 'retry', at: Math.min(at.now + delay, deadline) };
}

/**
 * HTTP statuses worth another try: 408 Request Timeout, 409 Conflict, 425 Too Early, 429 Too Many Requests and
 * every 5xx. 409 is retried, not taken as delivered: in the IETF Idempotency-Key draft it means "a request with
 * this key is still being processed", and a conflict for any other reason must not pass for an acknowledgement
 * (a complaint silently lost). Receivers answer 2xx to a key they already accepted. Other 3xx/4xx are final.
 */
export function retryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 425 || status === 429;
}

/** Retry-After as delay-seconds or an HTTP date, in ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** A non-2xx answer as a failure: retryable or not by status, with the receiver's Retry-After and its words. */
export function statusFailure(res: Response, body: string, nowMs: number): DeliveryFailure {
  const words = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  const location = res.headers.get('location');
  const what =
    res.status >= 300 && res.status < 400
      ? `redirects to ${location ?? '(no Location)'}; update the destination's URL`
      : words;
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), nowMs);
  return {
    ok: false,
    retryable: retryableStatus(res.status),
    error: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${what ? `: ${what}` : ''}`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

/** fetch threw: no answer in time, or no connection (refused, reset, DNS). Both are retried. */
export function fetchFailure(err: unknown, signal: AbortSignal): DeliveryFailure {
  if (signal.aborted) {
    const timeout = signal.reason instanceof Error && signal.reason.name === 'TimeoutError';
    return { ok: false, retryable: true, error: timeout ? 'no answer before the timeout' : 'send stopped' };
  }
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code =
    cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const text = code ?? (cause instanceof Error ? cause.message : String(cause));
  return { ok: false, retryable: true, error: `network error: ${text}` };
}
