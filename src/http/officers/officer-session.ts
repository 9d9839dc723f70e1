// Officers' sessions and sign-in throttling: a random cookie known to the database only by its hash, idle and absolute
// expiry, a CSRF token per session, and a growing delay after failed sign-ins (stored; never a lockout).
import type { Officer } from '../../domain/officer.js';
import type { ThrottleRule } from '../../domain/throttle-rule.js';
import { maySignIn } from '../../officers/policy.js';
import { tokenHash } from '../../officers/tokens.js';
import type { Store } from '../../storage/store.js';
import type { Throttles } from '../../storage/throttles.js';

export const SESSION_COOKIE = 'aduan_petugas';
export const LOGIN_COOKIE = 'aduan_masuk';
/** A session ends after 2 hours without a request, and 12 hours after sign-in in any case. */
export const IDLE_MS = 2 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;

export type SignedIn = { officer: Officer; csrf: string; sessionHash: string };

/** The signed-in, enabled officer of a session cookie, or null (unknown, expired, disabled). Refreshes the idle time. */
export function signedIn(store: Store, cookie: string | undefined, now: number): SignedIn | null {
  if (!cookie || cookie.length > 100) return null;
  const hash = tokenHash(cookie);
  const session = store.officers.session(hash);
  if (!session) return null;
  if (now - session.lastSeenAt > IDLE_MS || now - session.createdAt > ABSOLUTE_MS) {
    store.officers.closeSession(hash);
    return null;
  }
  const officer = store.officers.get(session.officerId);
  if (!officer || !maySignIn(officer)) return null;
  store.officers.touchSession(hash, now);
  return { officer, csrf: session.csrf, sessionHash: hash };
}

/** Each failed sign-in doubles the wait before the next try, from 1 s up to 5 minutes. */
const FAILED_SIGN_IN: ThrottleRule = { kind: 'backoff', baseMs: 1000, maxMs: 5 * 60_000 };

/**
 * Failed sign-ins per key (an account, an address), in the stored throttle under `scope` (a restart or a second
 * process keeps them): each failure doubles the wait before the next try, from 1 s up to 5 minutes; a success clears
 * it. Nobody can lock an officer out for longer than the cap.
 */
export class SignInThrottle {
  constructor(
    private readonly throttles: Throttles,
    private readonly scope: string,
  ) {}

  /** Milliseconds to wait before `keys` may try again (0: now). */
  waitMs(keys: readonly string[], now: number): number {
    return Math.max(0, ...keys.map((k) => this.throttles.waitMs(`${this.scope}:${k}`, FAILED_SIGN_IN, now)));
  }

  failed(keys: readonly string[], now: number): void {
    for (const k of keys) this.throttles.hit(`${this.scope}:${k}`, FAILED_SIGN_IN, now);
  }

  succeeded(keys: readonly string[]): void {
    for (const k of keys) this.throttles.clear(`${this.scope}:${k}`);
  }
}
