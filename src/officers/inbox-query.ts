// The inbox's filters, sort and page cursor as query parameters, one vocabulary for the pages and the JSON API:
// parsed here into the storage filter, so both narrow and page the inbox the same way.
import { z } from 'zod';
import { CATEGORY_IDS } from '../domain/categories.js';
import { TicketStatus } from '../domain/complaint.js';
import type { InboxFilter, InboxRow, InboxSort } from '../storage/ticket-inbox.js';
import { tokens } from '../understand/normalize.js';

const DAY_MS = 24 * 3600_000;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The query parameters, as strings arrive; the same names on `/petugas` and `GET /api/v1/tickets`. */
export const InboxQuery = z.object({
  status: TicketStatus.optional(),
  category: z.enum(CATEGORY_IDS).optional(),
  kabkota: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional(),
  agency: z.string().min(1).max(100).optional(),
  /** `1`: only tickets past their due date that still await the agency. */
  overdue: z.enum(['1']).optional(),
  /** Filed on or after this WITA day (YYYY-MM-DD). */
  from: Day.optional(),
  /** Filed on or before this WITA day (YYYY-MM-DD). */
  to: Day.optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  /** `me`: the tickets assigned to the caller ("untuk saya"); `none`: those assigned to nobody ("belum ditugaskan"). */
  assigned: z.enum(['me', 'none']).optional(),
  sort: z.enum(['newest', 'oldest', 'due']).optional(),
  /** The previous page's `next`. */
  cursor: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}_)?\d{1,15}$/)
    .optional(),
  /** Words in the story, the citizen's additions, the messages and the notes. */
  q: z.string().max(200).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

/** Each parameter on its own: a page keeps the filters that are valid and drops the rest (the API answers 422). */
export function lenientInboxQuery(raw: Record<string, string | undefined>): InboxQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(InboxQuery.shape)) {
    const r = schema.safeParse(raw[key] === '' ? undefined : raw[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  const parsed = InboxQuery.safeParse(out);
  return parsed.success ? parsed.data : {};
}

/** Midnight starting a WITA day, as an instant. */
function witaMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** The storage filter for a query; `today` (WITA, YYYY-MM-DD) decides what is overdue, `me` is the caller's account. */
export function inboxFilter(q: InboxQuery, today: string, me: number): InboxFilter {
  const words = q.q?.trim() ? tokens(q.q) : [];
  const cursor = q.cursor ? parseCursor(q.cursor) : null;
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.kabkota ? { kabkota: q.kabkota } : {}),
    ...(q.agency ? { agency: q.agency } : {}),
    ...(q.rating !== undefined ? { rating: q.rating } : {}),
    ...(q.overdue ? { overdueOn: today } : {}),
    ...(q.assigned ? { assignedTo: q.assigned === 'me' ? me : 'none' } : {}),
    ...(q.from ? { createdFrom: witaMidnight(q.from) } : {}),
    ...(q.to ? { createdBefore: witaMidnight(q.to) + DAY_MS } : {}),
    ...(words.length > 0 ? { words } : {}),
    ...(q.sort ? { sort: q.sort } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

function parseCursor(text: string): { id: number; due?: string } | null {
  const [a, b] = text.split('_');
  if (b === undefined) return { id: Number(a) };
  return { id: Number(b), ...(a ? { due: a } : {}) };
}

/** The cursor that continues after `row` in this sort. */
export function cursorAfter(row: Pick<InboxRow, 'id' | 'dueDate'>, sort: InboxSort | undefined): string {
  return sort === 'due' ? `${row.dueDate}_${row.id}` : String(row.id);
}

/** The query again as URL parameters (for the next page and the filter links), without the empty ones. */
export function inboxSearch(q: InboxQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra }))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
