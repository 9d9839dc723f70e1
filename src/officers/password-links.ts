// One-time links that let an account set its own password (`/petugas/sandi/<token>`): 128-bit tokens kept only as
// their hash, one live link per account, valid 72 hours, spent by the password they set (audited).
import { randomBytes } from 'node:crypto';
import type { Store } from '../storage/store.js';
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords.js';
import { tokenHash } from './tokens.js';

export const LINK_TTL_MS = 72 * 3600_000;
export const LINK_PATH = '/petugas/sandi/';

export type IssuedLink = { link: string; expiresAt: number };

/**
 * A new link for the account (its earlier one no longer works). Without the server's public address the link is
 * the path alone, for the operator to prefix.
 */
export function issuePasswordLink(
  store: Pick<Store, 'passwordLinks' | 'audit'>,
  officerId: number,
  now: number,
  publicBaseUrl: string | undefined,
): IssuedLink {
  const token = randomBytes(16).toString('base64url');
  const expiresAt = now + LINK_TTL_MS;
  store.passwordLinks.save(officerId, tokenHash(token), now, expiresAt);
  store.audit.record({
    at: now,
    actor: 'system',
    type: 'officer.password_link_created',
    data: { officer: officerId },
  });
  return { link: `${publicBaseUrl ?? ''}${LINK_PATH}${token}`, expiresAt };
}

/** The enabled account a link's token stands for while it is valid; null for an unknown, spent or expired one. */
export function linkHolder(store: Pick<Store, 'passwordLinks' | 'officers'>, token: string, now: number) {
  const id = store.passwordLinks.validFor(tokenHash(token), now);
  const officer = id === null ? null : store.officers.get(id);
  return officer && !officer.disabled ? officer : null;
}

export type SetByLink = 'set' | 'invalid' | 'mismatch' | 'too_short';

/** Sets the password of the link's account and spends the link, in one transaction (its sessions end, audited). */
export function setPasswordByLink(
  store: Pick<Store, 'passwordLinks' | 'officers' | 'audit' | 'tx'>,
  token: string,
  password: string,
  repeated: string,
  now: number,
): SetByLink {
  const officer = linkHolder(store, token, now);
  if (!officer) return 'invalid';
  if (password !== repeated) return 'mismatch';
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  const hash = hashPassword(password);
  store.tx(() => {
    store.passwordLinks.spend(officer.id);
    store.officers.setPassword(officer.id, hash);
    store.audit.record({ at: now, actor: `officer:${officer.id}`, type: 'officer.password_set' });
  });
  return 'set';
}
