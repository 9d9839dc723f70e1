// Random secrets for officers (session cookies, API tokens) and the hash the database keeps instead of them.
import { createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
/** An API token: recognisable in logs and secret scanners by its prefix. */
export const newApiToken = (): string => `aduan_${randomBytes(32).toString('base64url')}`;
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
