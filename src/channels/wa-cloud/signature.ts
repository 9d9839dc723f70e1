// Webhook authenticity: X-Hub-Signature-256 is "sha256=" + hex HMAC-SHA256 of the raw body with the app secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** The header value Meta would send for `body` (tests and tools sign with it too). */
export function signBody(body: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** Constant-time check of a signature header against the raw body; a missing or malformed header fails. */
export function validSignature(body: Uint8Array, header: string | undefined, appSecret: string): boolean {
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
