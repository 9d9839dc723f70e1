// POST requests of the Open311 server: an integration account's form becomes a complaint (the spec's fields read
// with zod; the place from the pin, the address or attribute[kabkota]) and a ticket filed like a chat's, in one
// transaction, with the client's terms recorded as the consent and the reporter's e-mail kept for the notices.
import { z } from 'zod';
import { findAgencyMention } from '../domain/categories.js';
import { type Complaint, IdentityMode, applyIdentityMode } from '../domain/complaint.js';
import type { Officer } from '../domain/officer.js';
import {
  DESCRIPTION_MAX,
  IDENTITY_ATTRIBUTE,
  KABKOTA_ATTRIBUTE,
  categoryOfServiceCode,
} from '../domain/open311-mapping.js';
import type { Lang } from '../domain/reply.js';
import { t } from '../i18n/locales.js';
import type { Store } from '../storage/store.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import type { PinResult } from '../understand/geo.js';
import { parsePhone } from '../understand/phone.js';
import { kabkotaByCode } from '../understand/region-lookup.js';
import { findRegion } from '../understand/regions.js';

/** What a refused request gets: the HTTP status and the spec's error (code and a description in the caller's words). */
export type Open311Problem = { status: 400 | 403 | 404; code: number; description: string };

export type Open311IntakeDeps = {
  store: Store;
  tickets: TicketDesk;
  /** Places a pin in Kalsel (the operator's boundaries, else the shipped centroids). */
  locate: (lat: number, lon: number) => PinResult;
  clock: { now(): number };
};

/** The consent a ticket filed through an Open311 client carries: the client's own terms, not Aduan's notice. */
export const CLIENT_TERMS_CONSENT = 'open311-client-terms';

const HTML = /<\s*\/?\s*[a-z!][^>]*>/i;
const Text = (max: number) => z.string().trim().max(max);
const Coordinate = (limit: number) => z.coerce.number().min(-limit).max(limit);
const Form = z.object({
  service_code: z.string().trim().max(100).optional(),
  description: z.string().optional(),
  lat: z.string().optional(),
  long: z.string().optional(),
  address_string: Text(500).optional(),
  address_id: z.string().optional(),
  email: z.email().max(254).optional(),
  first_name: Text(60).optional(),
  last_name: Text(60).optional(),
  phone: z.string().max(40).optional(),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  [`attribute[${KABKOTA_ATTRIBUTE}]`]: z.string().optional(),
  [`attribute[${IDENTITY_ATTRIBUTE}]`]: IdentityMode.optional(),
});

/** The form's fields, empty ones as absent ("Optional" in the spec: an empty parameter is an absent one). */
function fieldsOf(form: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [k, v] of form) if (v.trim() !== '') fields[k] = v;
  return fields;
}

export class Open311Intake {
  constructor(private readonly deps: Open311IntakeDeps) {}

  /**
   * Files one service request for `account` (an integration). A repeated Idempotency-Key of the same account gets
   * the ticket its first request became. Returns the ticket number and the service notice, or the spec's error.
   */
  file(
    account: Officer,
    form: URLSearchParams,
    lang: Lang,
    idempotencyKey: string | null,
  ): { ok: true; number: string; notice: string | null } | { ok: false; problem: Open311Problem } {
    const { store, tickets, clock } = this.deps;
    const problem = (status: 400 | 404, key: string, vars: Record<string, string | number> = {}) => ({
      ok: false as const,
      problem: { status, code: status, description: t(lang, `georeport.error.${key}`, vars) },
    });
    const fields = fieldsOf(form);
    const parsed = Form.safeParse(fields);
    if (!parsed.success)
      return problem(400, 'field', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
    const f = parsed.data;
    if (!f.service_code) return problem(400, 'service_code_missing');
    const category = categoryOfServiceCode(f.service_code);
    if (!category) return problem(404, 'service_code_unknown', { code: f.service_code });
    const description = f.description?.trim() ?? '';
    if (!description) return problem(400, 'description_missing');
    if (description.length > DESCRIPTION_MAX)
      return problem(400, 'description_too_long', { max: DESCRIPTION_MAX });
    if (HTML.test(description)) return problem(400, 'description_html');
    const place = this.place(f);
    if ('problem' in place) return problem(400, place.problem);
    const phone = f.phone ? parsePhone(f.phone) : null;
    if (phone && !phone.ok) return problem(400, 'field', { field: 'phone' });
    const name = [f.first_name, f.last_name].filter(Boolean).join(' ').trim() || null;
    const email = f.email ?? null;
    const e164 = phone?.ok ? phone.e164 : null;
    // No privacy flag in GeoReport: whoever gave any identity is rahasia (the agency never sees it), else anonim.
    const identityMode =
      f[`attribute[${IDENTITY_ATTRIBUTE}]`] ?? (name || e164 || email ? 'rahasia' : 'anonim');
    const now = clock.now();
    const complaint: Complaint = applyIdentityMode({
      story: f.media_url ? `${description}\n\nMedia: ${f.media_url}` : description,
      category,
      maladministration: null,
      agency: findAgencyMention(description),
      kabkotaCode: place.kabkotaCode,
      kecamatanCode: place.kecamatanCode,
      address: f.address_string ?? null,
      location: place.location,
      incidentDate: null,
      priorReport: { done: false, result: null },
      expectation: '',
      attachments: [],
      identityMode,
      escalate: false,
      name,
      nik: null,
      phone: e164,
      consent: { at: new Date(now).toISOString(), version: CLIENT_TERMS_CONSENT },
      channel: 'open311',
      lang,
    });
    return store.tx(() => {
      const earlier = idempotencyKey
        ? store.open311Requests.byIdempotencyKey(account.id, idempotencyKey)
        : null;
      if (earlier) return { ok: true as const, number: earlier, notice: null };
      const { ticketId, filed } = tickets.fileFromClient(
        complaint,
        { officerId: account.id, username: account.username },
        now,
      );
      const lastEvent = store.ticketEvents.forTicket(ticketId).at(-1)?.id ?? 0;
      store.open311Requests.record(
        { ticketId, accountId: account.id, idempotencyKey, email, mailedEvent: lastEvent },
        now,
      );
      const day = (date: string) => ({ date, precision: 'day' as const });
      const notice = t(lang, 'georeport.notice', {
        agency: filed.agency,
        verify: day(filed.verifyDue),
        due: day(filed.due),
      });
      return { ok: true as const, number: filed.ticket, notice };
    });
  }

  /**
   * The kab/kota (and kecamatan, pin) of the request: a pin in Kalsel decides; else attribute[kabkota]; else the
   * address as the bot reads places. A pin outside Kalsel, or nothing that names a kab/kota, is refused.
   */
  private place(
    f: z.infer<typeof Form>,
  ):
    | { kabkotaCode: string; kecamatanCode: string | null; location: { lat: number; lon: number } | null }
    | { problem: string } {
    let location: { lat: number; lon: number } | null = null;
    if (f.lat !== undefined || f.long !== undefined) {
      const lat = Coordinate(90).safeParse(f.lat);
      const lon = Coordinate(180).safeParse(f.long);
      if (!lat.success || !lon.success) return { problem: 'lat_long' };
      location = { lat: lat.data, lon: lon.data };
      const pin = this.deps.locate(lat.data, lon.data);
      if (pin.kind === 'outside') return { problem: 'location_outside' };
      if (pin.kind === 'found')
        return { kabkotaCode: pin.kabkotaCode, kecamatanCode: pin.kecamatanCode, location };
    } else if (!f.address_string && !f.address_id) return { problem: 'location_missing' };
    const asked = f[`attribute[${KABKOTA_ATTRIBUTE}]`];
    if (asked !== undefined) {
      const kabkota = kabkotaByCode(asked);
      return kabkota
        ? { kabkotaCode: kabkota.code, kecamatanCode: null, location }
        : { problem: 'kabkota_unknown' };
    }
    const named = f.address_string ? findRegion(f.address_string) : null;
    if (named?.kind === 'found')
      return {
        kabkotaCode: named.match.kabkotaCode,
        kecamatanCode: named.match.kecamatanCode ?? null,
        location,
      };
    return { problem: 'location_unknown' };
  }
}
