// Delivery by webhook: the ticket payload POSTed as signed JSON; the receiver's 2xx is the acknowledgement.
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { resolveSecret } from '../domain/destination.js';
import { fetchFailure, statusFailure } from './backoff.js';
import type { DeliveryJob, DeliveryMethod, DeliveryOutcome } from './method.js';
import { SIGNATURE_HEADER, signBody } from './signature.js';

export type HttpMethodOptions = {
  /** The ADUAN_SECRET_* variables, for secrets the agencies file names instead of holding. */
  secrets: Readonly<Record<string, string>>;
  /** Signature timestamps and Retry-After dates. */
  clock: Clock;
};

/** A receiver may answer with its own id for the ticket: `{"id": …}`. */
const Acknowledgement = z.object({ id: z.union([z.string().min(1).max(200), z.number()]) });

function remoteIdOf(body: string): string | null {
  try {
    const r = Acknowledgement.safeParse(JSON.parse(body));
    return r.success ? String(r.data.id) : null;
  } catch {
    return null;
  }
}

/** Headers and signature are described for receivers in signature.ts. Redirects are not followed (final). */
export class WebhookMethod implements DeliveryMethod {
  readonly method = 'webhook';

  constructor(private readonly opts: HttpMethodOptions) {}

  async deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome> {
    const d = job.destination;
    if (d.method !== 'webhook') {
      return { ok: false, retryable: false, error: `the webhook method got a ${d.method} destination` };
    }
    const secret = resolveSecret(d.secret, this.opts.secrets);
    if (secret === null) {
      const name = typeof d.secret === 'string' ? 'secret' : d.secret.env;
      return { ok: false, retryable: true, error: `${name} is not set: the webhook cannot be signed` };
    }
    const body = JSON.stringify(job.payload);
    const now = this.opts.clock.now();
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Aduan/1',
          'Idempotency-Key': job.idempotencyKey,
          'X-Aduan-Delivery': String(job.attempt),
          [SIGNATURE_HEADER]: signBody(secret, body, now / 1000),
        },
        body,
        redirect: 'manual',
        signal,
      });
      const text = await res.text();
      return res.ok ? { ok: true, remoteId: remoteIdOf(text) } : statusFailure(res, text, now);
    } catch (err) {
      return fetchFailure(err, signal);
    }
  }
}
