// Delivery to an Open311 GeoReport v2 endpoint: POST {endpoint}/requests.json, form-encoded, one service request.
import { z } from 'zod';
import { type Destination, resolveSecret } from '../domain/destination.js';
import { DESCRIPTION_MAX, serviceCodeOf } from '../domain/open311-mapping.js';
import { fetchFailure, statusFailure } from './backoff.js';
import type { DeliveryJob, DeliveryMethod, DeliveryOutcome } from './method.js';
import type { TicketPayload } from './payload.js';
import type { HttpMethodOptions } from './webhook.js';

type Open311Destination = Extract<Destination, { method: 'open311' }>;

const Created = z.array(
  z.object({
    service_request_id: z.union([z.string().min(1), z.number()]).optional(),
    token: z.string().min(1).optional(),
  }),
);
const Errors = z.array(
  z.object({ code: z.union([z.number(), z.string()]).optional(), description: z.string() }),
);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * "[Aduan NUMBER] story … Harapan pelapor: expectation" (no expectation line when there is none: an Open311 request),
 * the story shortened to fit 4,000 characters.
 */
function description(p: TicketPayload): string {
  const head = `[Aduan ${p.ticket.number}] `;
  const expectation = p.complaint.expectation.trim();
  const tail = expectation ? `\n\nHarapan pelapor: ${expectation}` : '';
  const story = p.complaint.story.trim();
  const room = DESCRIPTION_MAX - head.length - tail.length;
  const fitted = story.length <= room ? story : `${story.slice(0, Math.max(0, room - 1))}…`;
  return `${head}${fitted}${tail}`.slice(0, DESCRIPTION_MAX);
}

/**
 * The form fields of one service request. Identity goes only as far as the payload carries it (rahasia and anonim
 * payloads have none); the NIK has no Open311 field and is never sent.
 */
export function open311Form(p: TicketPayload, d: Open311Destination, apiKey: string | null): URLSearchParams {
  const form = new URLSearchParams();
  if (apiKey !== null) form.set('api_key', apiKey);
  if (d.jurisdictionId) form.set('jurisdiction_id', d.jurisdictionId);
  form.set('service_code', serviceCodeOf(p.complaint.category, d.serviceCodes));
  form.set('description', description(p));
  const c = p.complaint;
  if (c.location) {
    form.set('lat', String(c.location.lat));
    form.set('long', String(c.location.lon));
  } else {
    form.set('address_string', [c.address, c.kecamatan?.name, c.kabkota.name].filter(Boolean).join(', '));
  }
  const media = p.attachments.find((a) => a.url !== null)?.url;
  if (media) form.set('media_url', media);
  form.set('attribute[aduan_ticket]', p.ticket.number);
  const name = p.reporter.name?.trim().split(/\s+/) ?? [];
  if (name[0]) form.set('first_name', name[0]);
  if (name.length > 1) form.set('last_name', name.slice(1).join(' '));
  if (p.reporter.phone) form.set('phone', p.reporter.phone);
  return form;
}

/** The remote id is the service_request_id, or `token:<token>` when the endpoint answers with a token first. */
export class Open311Method implements DeliveryMethod {
  readonly method = 'open311';

  constructor(private readonly opts: HttpMethodOptions) {}

  async deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome> {
    const d = job.destination;
    if (d.method !== 'open311') {
      return { ok: false, retryable: false, error: `the open311 method got a ${d.method} destination` };
    }
    const apiKey = d.apiKey === undefined ? null : resolveSecret(d.apiKey, this.opts.secrets);
    if (d.apiKey !== undefined && apiKey === null) {
      const name = typeof d.apiKey === 'string' ? 'api key' : d.apiKey.env;
      return { ok: false, retryable: true, error: `${name} is not set: the Open311 request cannot be made` };
    }
    const now = this.opts.clock.now();
    try {
      const res = await fetch(`${d.endpoint.replace(/\/+$/, '')}/requests.json`, {
        method: 'POST',
        headers: {
          'User-Agent': 'Aduan/1',
          'Idempotency-Key': job.idempotencyKey,
          Accept: 'application/json',
        },
        body: open311Form(job.payload, d, apiKey),
        redirect: 'manual',
        signal,
      });
      const text = await res.text();
      const json = parseJson(text);
      const errors = Errors.safeParse(json);
      if (!res.ok) return statusFailure(res, errors.success ? descriptions(errors.data) : text, now);
      const created = Created.safeParse(json);
      const first = created.success
        ? created.data.find((r) => r.service_request_id !== undefined || r.token !== undefined)
        : undefined;
      if (first?.service_request_id !== undefined)
        return { ok: true, remoteId: String(first.service_request_id) };
      if (first?.token !== undefined) return { ok: true, remoteId: `token:${first.token}` };
      if (errors.success && errors.data.length > 0) {
        return { ok: false, retryable: false, error: `Open311 refused: ${descriptions(errors.data)}` };
      }
      return { ok: true, remoteId: null };
    } catch (err) {
      return fetchFailure(err, signal);
    }
  }
}

function descriptions(errors: z.infer<typeof Errors>): string {
  return errors.map((e) => (e.code !== undefined ? `${e.code} ${e.description}` : e.description)).join('; ');
}
