// The audit log's filters and page cursor as query parameters, one vocabulary for the admins' page, its CSV export
// and the JSON API: parsed here into the storage filter, so all three narrow and page the log the same way.
import { z } from 'zod';
import { DAY_MS, WITA_OFFSET_MS } from '../domain/wita.js';
import type { AuditFilter } from '../storage/audit-log.js';

/** The actions Aduan records, in the order the filter offers them. */
export const AUDIT_ACTIONS = [
  'officer.login',
  'officer.login_failed',
  'officer.viewed_identity',
  'officer.revealed_nik',
  'officer.viewed_attachment',
  'officer.exported_audit',
  'officer.exported_statistics',
  'officer.exported_tickets',
  'officer.exported_tickets_end',
  'officer.exported_ombudsman',
  'officer.template_created',
  'officer.template_updated',
  'officer.template_deleted',
  'officer.telegram_linked',
  'officer.telegram_unlinked',
  'officer.password_link_created',
  'officer.password_set',
  'officer.two_factor_enabled',
  'officer.two_factor_disabled',
  'officer.two_factor_recovery_used',
  'officer.two_factor_recovery_regenerated',
  'officer.two_factor_failed',
  'officer.two_factor_reset',
  'ticket.created',
  'ticket.routed',
  'ticket.appended',
  'ticket.status_changed',
  'ticket.reassigned',
  'ticket.assigned',
  'ticket.merged',
  'ticket.reopened',
  'ticket.withdrawn',
  'consent.refused',
  'message.revoked',
  'agency.updated',
  'agency.reset',
  'handoff.asked',
  'handoff.ended',
  'handoff.expired',
  'handoff.idle_expired',
  'officer.handoff_taken',
  'officer.handoff_taken_over',
  'officer.handoff_replied',
  'officer.handoff_returned',
  'officer.notifications_changed',
] as const;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

/** The query parameters, as strings arrive; the same names on `/petugas/audit`, its CSV and `GET /api/v1/audit`. */
export const AuditQuery = z.object({
  /** An officer account's username. */
  actor: z.string().trim().min(1).max(100).optional(),
  /** A ticket's number (ADU-2611-4K7Q). */
  ticket: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^ADU-\d{4}-[A-Z0-9]{4}$/)
    .optional(),
  /** One recorded action (`AUDIT_ACTIONS`, or one recorded later under another name). */
  action: z
    .string()
    .max(60)
    .regex(/^[a-z_]+(\.[a-z_]+)+$/)
    .optional(),
  /** Written on or after this WITA day (YYYY-MM-DD). */
  from: Day.optional(),
  /** Written on or before this WITA day (YYYY-MM-DD). */
  to: Day.optional(),
  /** The previous page's `next`. */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Each parameter on its own: a page keeps the filters that are valid and drops the rest (the API answers 422). */
export function lenientAuditQuery(raw: Record<string, string | undefined>): AuditQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(AuditQuery.shape)) {
    const r = schema.safeParse(raw[key] === '' ? undefined : raw[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  const parsed = AuditQuery.safeParse(out);
  return parsed.success ? parsed.data : {};
}

/** Midnight starting a WITA day, as an instant. */
function witaMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - WITA_OFFSET_MS;
}

/** The storage filter for a query (both ends of the date range included). */
export function auditFilter(q: AuditQuery): AuditFilter {
  return {
    ...(q.actor ? { username: q.actor } : {}),
    ...(q.ticket ? { ticket: q.ticket } : {}),
    ...(q.action ? { type: q.action } : {}),
    ...(q.from ? { from: witaMidnight(q.from) } : {}),
    ...(q.to ? { before: witaMidnight(q.to) + DAY_MS } : {}),
    ...(q.cursor ? { cursor: Number(q.cursor) } : {}),
  };
}

/** The query again as URL parameters (for the next page and the export link), without the empty ones. */
export function auditSearch(q: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
