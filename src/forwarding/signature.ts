// The HMAC signature on webhook deliveries: how Aduan signs a body and how a receiver checks it.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook deliveries, payload schema "aduan.ticket/1" (src/forwarding/payload.ts), for receivers:
 *
 *   POST <url>
 *   Content-Type: application/json
 *   User-Agent: Aduan/1
 *   Idempotency-Key: aduan-<ticket number>-<agency id>-<destination id>   (the same on every retry)
 *   X-Aduan-Delivery: <attempt number, 1 on the first try>
 *   X-Aduan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * Check the signature over the raw body bytes as received (before parsing JSON) with `verifySignature`, and refuse
 * a timestamp more than 5 minutes away from your clock (a replayed request). More than one v1 may be present while
 * a secret is being rotated; one matching is enough.
 * Answer 2xx once the ticket is stored: that is the acknowledgement. Answer 2xx again to a key you already stored
 * (drop the repeat); a repeat happens when an answer was lost. 408, 409, 425, 429 (with Retry-After) and 5xx are
 * retried for up to 48 hours; any other status is final and goes to an operator.
 */
export const SIGNATURE_HEADER = 'X-Aduan-Signature';

function hmac(secret: string, t: number, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest();
}

/** The X-Aduan-Signature value for `body` at `nowSec` (unix seconds). */
export function signBody(secret: string, body: string, nowSec: number): string {
  const t = Math.floor(nowSec);
  return `t=${t},v1=${hmac(secret, t, body).toString('hex')}`;
}

/** True when `header` signs `rawBody` with `secret` and its timestamp is within `toleranceSec` of `nowSec`. */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  nowSec: number,
  toleranceSec = 300,
): boolean {
  if (!header) return false;
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (t === null || candidates.length === 0 || Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = hmac(secret, t, rawBody);
  return candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
}
