// The versioned JSON a ticket leaves Aduan as (webhooks, Open311 attributes, e-mail and Telegram text are built from
// it). Identity is filtered here, once: rahasia sends no name, NIK or phone to the agency (only the name and NIK the
// reporter gave for Ombudsman's copy go, to Ombudsman); anonim keeps none at all. The free text too: a NIK typed in
// it is always masked (the reporter's own NIK field still goes to a signed webhook), and for rahasia and anonim every
// phone number, e-mail address and name in it as well (src/privacy/).
import { z } from 'zod';
import type { AttachmentRef, Complaint } from '../domain/complaint.js';
import { maskComplaintText, maskScopeFor } from '../privacy/complaint-masking.js';

export const PAYLOAD_SCHEMA = 'aduan.ticket/1';

export const TicketPayload = z.object({
  schema: z.literal(PAYLOAD_SCHEMA),
  event: z.literal('ticket.created'),
  ticket: z.object({
    number: z.string(),
    createdAt: z.string(),
    /** The agency's answer is due by this date (working days, YYYY-MM-DD). */
    dueDate: z.string(),
  }),
  agency: z.object({ id: z.string(), name: z.string() }),
  routing: z.object({ rule: z.string(), reason: z.string(), fallback: z.boolean() }),
  complaint: z.object({
    category: z.string(),
    maladministration: z.string().nullable(),
    story: z.string(),
    kabkota: z.object({ code: z.string(), name: z.string() }),
    kecamatan: z.object({ code: z.string(), name: z.string() }).nullable(),
    address: z.string().nullable(),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    /**
     * `precision: "year"` and `ongoing` (the problem began on `date` and goes on) are additions of December 2026:
     * readers of aduan.ticket/1 that do not know them read the date as before.
     */
    incidentDate: z
      .object({
        date: z.string(),
        precision: z.enum(['day', 'week', 'month', 'year']),
        ongoing: z.boolean().optional(),
      })
      .nullable(),
    /** `to` (where it was reported) is an addition of December 2026. */
    priorReport: z.object({ done: z.boolean(), result: z.string().nullable(), to: z.string().optional() }),
    expectation: z.string(),
    channel: z.string(),
  }),
  reporter: z.object({
    identityMode: z.enum(['biasa', 'rahasia', 'anonim']),
    name: z.string().nullable(),
    nik: z.string().nullable(),
    phone: z.string().nullable(),
    /**
     * A rahasia reporter's name and NIK given for this agency alone (Ombudsman's copy, the reporter asked first): an
     * addition of issue 17; readers of aduan.ticket/1 that do not know it read the identity as before.
     */
    givenForThisAgency: z.literal(true).optional(),
  }),
  attachments: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      mime: z.string(),
      size: z.number(),
      sha256: z.string(),
      /** A signed link that expires; null when no public base URL is configured. */
      url: z.string().nullable(),
      expiresAt: z.string().nullable(),
    }),
  ),
  /** Numbers of similar tickets from other citizens (same place and category). */
  related: z.array(z.string()),
});
export type TicketPayload = z.infer<typeof TicketPayload>;

export type PayloadInput = {
  ticket: { number: string; createdAt: number; dueDate: string };
  agency: { id: string; name: string };
  routing: { rule: string; reason: string; fallback: boolean };
  complaint: Complaint;
  kabkotaName: string;
  kecamatanName: string | null;
  related: string[];
  /**
   * The reporter gave their name and NIK for this agency (Ombudsman's copy, after they were asked): they go to it as a
   * biasa reporter's do, though the ticket is rahasia to every other agency.
   */
  identityGiven?: boolean;
};

export type LinkSigner = (attachment: AttachmentRef) => { url: string; expiresAt: string } | null;

export function buildTicketPayload(input: PayloadInput, signLink: LinkSigner): TicketPayload {
  const c = maskComplaintText(input.complaint, maskScopeFor(input.complaint.identityMode, false));
  const shared = c.identityMode === 'biasa';
  const named = shared || input.identityGiven === true;
  return {
    schema: PAYLOAD_SCHEMA,
    event: 'ticket.created',
    ticket: {
      number: input.ticket.number,
      createdAt: new Date(input.ticket.createdAt).toISOString(),
      dueDate: input.ticket.dueDate,
    },
    agency: input.agency,
    routing: input.routing,
    complaint: {
      category: c.category,
      maladministration: c.maladministration ?? null,
      story: c.story,
      kabkota: { code: c.kabkotaCode, name: input.kabkotaName },
      kecamatan:
        c.kecamatanCode && input.kecamatanName ? { code: c.kecamatanCode, name: input.kecamatanName } : null,
      address: c.address,
      location: c.location,
      incidentDate: c.incidentDate
        ? {
            date: c.incidentDate.date,
            precision: c.incidentDate.precision,
            ...(c.incidentDate.ongoing ? { ongoing: true } : {}),
          }
        : null,
      priorReport: c.priorReport,
      expectation: c.expectation,
      channel: c.channel,
    },
    reporter: {
      identityMode: c.identityMode,
      name: named ? c.name : null,
      nik: named ? c.nik : null,
      phone: shared ? c.phone : null,
      ...(named && !shared ? { givenForThisAgency: true as const } : {}),
    },
    attachments: c.attachments.map((a) => {
      const link = signLink(a);
      return {
        id: a.id,
        kind: a.kind,
        mime: a.mime,
        size: a.size,
        sha256: a.sha256,
        url: link?.url ?? null,
        expiresAt: link?.expiresAt ?? null,
      };
    }),
    related: input.related,
  };
}

/** E-mail never carries a NIK, whatever the identity mode. */
export function withoutNik(p: TicketPayload): TicketPayload {
  return { ...p, reporter: { ...p.reporter, nik: null } };
}
