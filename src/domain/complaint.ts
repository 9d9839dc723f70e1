// The complaint and its ticket as zod schemas: what a complete pengaduan holds (DOMAIN.md).
import { z } from 'zod';
import { CATEGORY_IDS } from './categories.js';
import { MALADMINISTRATION_FORMS } from './maladministration.js';

export const IdentityMode = z.enum(['biasa', 'rahasia', 'anonim']);
export type IdentityMode = z.infer<typeof IdentityMode>;

export const IncidentDate = z.object({
  /** The day, or the first day of the week, month or year. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  precision: z.enum(['day', 'week', 'month', 'year']),
  /** The problem began then and still goes on: `date` is when it began. Absent in tickets before 2026-12. */
  ongoing: z.boolean().optional(),
  /** More than two years ago: not eligible for an Ombudsman report. */
  tooOld: z.boolean(),
});
export type IncidentDate = z.infer<typeof IncidentDate>;

export const GeoPoint = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof GeoPoint>;

export const AttachmentRef = z.object({
  id: z.string(),
  kind: z.enum(['photo', 'document', 'voice', 'video', 'animation', 'sticker']),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const ChannelId = z.enum(['web', 'terminal', 'simulate', 'telegram', 'whatsapp', 'wacloud']);
export type ChannelId = z.infer<typeof ChannelId>;

/** Where a complaint came in: a chat channel, or an Open311 client (POST requests, no chat). */
export const TicketChannel = z.enum([...ChannelId.options, 'open311']);
export type TicketChannel = z.infer<typeof TicketChannel>;

export const Complaint = z.object({
  story: z.string().min(1).max(20_000),
  category: z.enum(CATEGORY_IDS),
  /** The form of maladministration (Ombudsman's list), when the story shows one. */
  maladministration: z.enum(MALADMINISTRATION_FORMS).nullable().optional(),
  /** Why the category was suggested: the words that decided it (stored with the ticket). */
  categoryReasons: z.array(z.string().max(80)).max(30).optional(),
  /** The agency complained about, as free text (the directory comes with routing). */
  agency: z.string().max(200).nullable(),
  kabkotaCode: z.string().regex(/^\d{2}\.\d{2}$/),
  kecamatanCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/)
    .nullable(),
  address: z.string().max(500).nullable(),
  location: GeoPoint.nullable(),
  /** Null when the citizen could not say when it happened. */
  incidentDate: IncidentDate.nullable(),
  priorReport: z.object({
    done: z.boolean(),
    result: z.string().max(2000).nullable(),
    /** Where it was reported ("kelurahan"), as the citizen said it. */
    to: z.string().max(200).optional(),
  }),
  /** What the citizen wants done; empty for an Open311 request (the client's form has no such field). */
  expectation: z.string().max(2000),
  attachments: z.array(AttachmentRef).max(50),
  identityMode: IdentityMode,
  /** Also forwarded to Ombudsman RI Perwakilan Kalsel, at the citizen's request (never for anonim). */
  escalate: z.boolean().optional(),
  name: z.string().max(120).nullable(),
  nik: z
    .string()
    .regex(/^\d{16}$/)
    .nullable(),
  phone: z
    .string()
    .regex(/^\+\d{8,15}$/)
    .nullable(),
  consent: z.object({ at: z.string(), version: z.string() }),
  /**
   * The identity was erased (the complaint is then anonim, its files gone): `citizen` asked ("hapus data saya"), or
   * `retention` ran after RETENTION_DAYS. Absent while the identity is as filed.
   */
  identityErased: z.enum(['citizen', 'retention']).optional(),
  channel: TicketChannel,
  lang: z.enum(['id', 'en']),
});
export type Complaint = z.infer<typeof Complaint>;

/** Anonim keeps no identity at all: enforced here, whatever the flow collected. */
export function applyIdentityMode(c: Complaint): Complaint {
  return c.identityMode === 'anonim' ? { ...c, name: null, nik: null, phone: null } : c;
}

/**
 * A ticket's life (after SP4N-LAPOR! and FixMyStreet): baru → diverifikasi → diproses → selesai → ditutup, or ditolak
 * (with a reason), menunggu_pelapor while the officer waits for the citizen's answer, or the citizen's own dicabut. The allowed moves are one table in `src/tickets/transitions.ts`.
 */
export const TicketStatus = z.enum([
  'baru',
  'diverifikasi',
  'diproses',
  'menunggu_pelapor',
  'dialihkan',
  'selesai',
  'ditolak',
  'ditutup',
  'dicabut',
]);
export type TicketStatus = z.infer<typeof TicketStatus>;
