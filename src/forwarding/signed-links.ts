// Attachment links that leave Aduan: HMAC-SHA256 over the id and expiry, so a link cannot be altered or outlive its time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { LinkSigner } from './payload.js';

/** A shorter secret could be guessed; an empty one would let anyone sign links. */
export const MIN_LINK_SECRET_LENGTH = 32;

export function assertLinkSecret(secret: string): void {
  if (secret.length < MIN_LINK_SECRET_LENGTH) {
    throw new Error(`the link secret must be at least ${MIN_LINK_SECRET_LENGTH} characters`);
  }
}

export type AttachmentVerdict = 'ok' | 'expired' | 'bad';

const signature = (secret: string, attachmentId: string, exp: string) =>
  createHmac('sha256', secret).update(`${attachmentId}.${exp}`).digest('base64url');

/** `${baseUrl}/files/<id>?exp=<unix seconds>&sig=<base64url HMAC>`; the expiry is rounded down to the second. */
export function signAttachmentUrl(opts: {
  baseUrl: string;
  secret: string;
  attachmentId: string;
  expiresAt: number;
}): string {
  const exp = String(Math.floor(opts.expiresAt / 1000));
  const base = opts.baseUrl.replace(/\/+$/, '');
  const sig = signature(opts.secret, opts.attachmentId, exp);
  return `${base}/files/${encodeURIComponent(opts.attachmentId)}?exp=${exp}&sig=${sig}`;
}

/** The signature is checked before the expiry, so an altered `exp` is 'bad', never 'expired'. */
export function verifyAttachmentSignature(
  secret: string,
  attachmentId: string,
  exp: string | undefined,
  sig: string | undefined,
  nowMs: number,
): AttachmentVerdict {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'bad';
  const expected = Buffer.from(signature(secret, attachmentId, exp));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad';
  return Number(exp) * 1000 <= nowMs ? 'expired' : 'ok';
}

/** The payload's link signer; every link is null while no public base URL is configured. */
export function makeLinkSigner(opts: {
  baseUrl: string | null;
  secret: string;
  ttlMs: number;
  clock: Clock;
}): LinkSigner {
  const { baseUrl, secret, ttlMs, clock } = opts;
  if (!baseUrl) return () => null;
  assertLinkSecret(secret);
  return (attachment) => {
    const expiresAt = Math.floor((clock.now() + ttlMs) / 1000) * 1000;
    return {
      url: signAttachmentUrl({ baseUrl, secret, attachmentId: attachment.id, expiresAt }),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  };
}
