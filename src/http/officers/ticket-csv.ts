// Any inbox view as one CSV file for a spreadsheet (GET /api/v1/tickets.csv and the inbox's "Unduh CSV"): every ticket
// the filters match within the account's scope, read a chunk at a time by the inbox's own query and cursor; the
// reporter as the ticket page shows them to this account; each export audited with its filters and its row count.
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate, witaWallClock } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import { type InboxQuery, cursorAfter, inboxFilter } from '../../officers/inbox-query.js';
import { scopeOf } from '../../officers/policy.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { InboxRow } from '../../storage/ticket-inbox.js';
import { kabkotaByCode, kecamatanByCode } from '../../understand/region-lookup.js';
import { type CsvSeparator, type CsvValue, csvStream } from '../csv-writer.js';
import { reporterFor } from './officer-view-data.js';
import { status } from './views.js';

/**
 * Tickets read per query, and the most rows one file holds (the first ones in the chosen sort): a bound on how long
 * one export runs and how large it grows (about 20 s and 70 MB on a 2-core machine); a date range narrows a larger view.
 */
export const CSV_LIMITS = { chunk: 500, maxRows: 200_000 };

const COLUMNS = [
  'number',
  'created',
  'status',
  'category',
  'agency',
  'kabkota',
  'kecamatan',
  'place',
  'due',
  'assignee',
  'identity',
  'name',
  'phone',
  'nik',
  'story',
] as const;

export type TicketCsvRequest = {
  officer: Officer;
  /** The view's filters and sort (a page cursor is ignored: the file holds every matching ticket). */
  query: InboxQuery;
  /** The inbox's own marks: only the tickets with a new reply, only those nobody at the agency receives. */
  flags: { newReply?: true; unreceived?: true };
  sep: CsvSeparator;
  /** The language of the header and of the words in the cells (status, category, identity mode). */
  lang: Lang;
  /** Where it was asked for, for the audit entry. */
  via: 'api' | 'page';
};

/** The instant as WITA wall-clock time to the minute: 2026-11-23 10:00. */
function witaMinute(at: number): string {
  return witaWallClock(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** The file as a download (`aduan-tiket-YYYY-MM-DD.csv`, WITA), streamed; the export is audited when it ends. */
export function ticketCsv(
  deps: { store: Store; directory: Directory; clock: Clock },
  req: TicketCsvRequest,
  limits = CSV_LIMITS,
): Response {
  const { store, directory } = deps;
  const { lang, officer } = req;
  const now = deps.clock.now();
  const today = witaDate(now);
  const scope = scopeOf(officer, directory);
  const { cursor: _cursor, ...query } = req.query;
  // The ticket page's rule: an agency's officer never sees a rahasia reporter; nobody sees an anonim one.
  const privileged = officer.role !== 'officer';
  let read = 0;
  let identities = 0;

  const next = (last: InboxRow | null): InboxRow[] => {
    const room = Math.min(limits.chunk, limits.maxRows - read);
    if (room <= 0) return [];
    const page = last ? { ...query, cursor: cursorAfter(last, query.sort) } : query;
    const rows = store.ticketInbox.inbox(
      scope,
      { ...inboxFilter(page, today, officer.id), ...req.flags },
      room,
    );
    read += rows.length;
    return rows;
  };

  const record = (r: InboxRow): CsvValue[] => {
    const c = store.tickets.complaint(r.id);
    const reporter = c ? reporterFor(c, privileged, false) : null;
    const shown = reporter?.kind === 'shown' ? reporter : null;
    if (shown && (shown.name || shown.phone || shown.nik)) identities++;
    const kecamatan = c?.kecamatanCode ? (kecamatanByCode(c.kecamatanCode)?.name ?? c.kecamatanCode) : null;
    return [
      r.number,
      witaMinute(r.createdAt),
      status(lang, r.status),
      t(lang, `category.${r.category}`),
      r.agencyId ? (directory.agency(r.agencyId)?.name ?? r.agencyId) : null,
      kabkotaByCode(r.kabkotaCode)?.name ?? r.kabkotaCode,
      kecamatan,
      c?.address ?? null,
      r.dueDate,
      r.assignee?.name ?? null,
      c ? t(lang, `identity.${c.identityMode}`) : null,
      shown?.name ?? null,
      shown?.phone ?? null,
      shown?.nik ?? null,
      c?.story ?? r.excerpt,
    ];
  };

  // Recorded before the first row leaves, so a download cut off by a crash is in the log too; its end says how far
  // it went.
  const actor = `officer:${officer.id}` as const;
  store.audit.record({
    at: now,
    actor,
    type: 'officer.exported_tickets',
    data: { format: 'csv', via: req.via, filter: { ...query, ...req.flags } },
  });
  const end = (rows: number, complete: boolean) =>
    store.audit.record({
      at: deps.clock.now(),
      actor,
      type: 'officer.exported_tickets_end',
      data: {
        rows,
        identities,
        ...(complete ? {} : { complete: false }),
        ...(read >= limits.maxRows ? { atLimit: true } : {}),
      },
    });

  const stream = csvStream<InboxRow>({
    header: COLUMNS.map((col) => t(lang, `officer.csv.col.${col}`)),
    sep: req.sep,
    bom: true,
    next,
    record,
    end,
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="aduan-tiket-${today}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
