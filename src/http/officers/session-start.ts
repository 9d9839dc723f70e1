// Opening an officer's session once sign-in is complete (the password, and the code when the account has TOTP on):
// a new random cookie known to the database by its hash, a CSRF token, and the sign-in audited.
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { newToken, tokenHash } from '../../officers/tokens.js';
import type { Store } from '../../storage/store.js';
import { SESSION_COOKIE } from './officer-session.js';

export const COOKIE_OPTIONS = {
  prefix: 'host',
  secure: true,
  httpOnly: true,
  sameSite: 'Lax',
  path: '/',
} as const;

/** `secondFactor`: how the second step was passed (recorded with the sign-in), when there was one. */
export function startSession(
  c: Context,
  store: Pick<Store, 'officers' | 'audit'>,
  officerId: number,
  now: number,
  secondFactor?: 'totp' | 'recovery',
): void {
  const token = newToken();
  store.officers.openSession(tokenHash(token), officerId, newToken(), now);
  store.audit.record({
    at: now,
    actor: `officer:${officerId}`,
    type: 'officer.login',
    ...(secondFactor ? { data: { secondFactor } } : {}),
  });
  setCookie(c, SESSION_COOKIE, token, COOKIE_OPTIONS);
}
