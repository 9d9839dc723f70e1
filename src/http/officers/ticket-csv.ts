// Any inbox view as one CSV file for a spreadsheet (GET /api/v1/tickets.csv and the inbox's "Unduh CSV"): every ticket
// the filters match within the account's scope, read a chunk at a time by the inbox's own query and cursor; the
// reporter as the ticket page shows them to this account; each export audited with its filters and its row count.
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate, witaWallClock } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import { maskComplaintText, maskScopeFor } from '../../privacy/complaint-masking.js';
import { maskFreeText } from '../../privacy/mask-free-text.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { InboxRow } from '../../storage/ticket-inbox.js';
import { kabkotaByCode, kecamatanByCode } from '../../understand/region-lookup.js';
import { type CsvSeparator, type CsvValue, csvStream } from '../csv-writer.js';
import { EXPORT_LIMITS, type InboxExportRequest, inboxExport } from './inbox-export.js';
import { listedReporter } from './listed-reporter.js';
import { status } from './views.js';

/** The bounds of one file: tickets read per query, and the most rows (inbox-export.ts). */
export const CSV_LIMITS = EXPORT_LIMITS;

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

export type TicketCsvRequest = Omit<InboxExportRequest, 'format'> & {
  sep: CsvSeparator;
  /** The language of the header and of the words in the cells (status, category, identity mode). */
  lang: Lang;
};

/** The instant as WITA wall-clock time to the minute: 2026-11-23 10:00. */
function witaMinute(at: number): string {
  return witaWallClock(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** The file as a download (`aduan-tiket-YYYY-MM-DD.csv`, WITA), streamed; audited when it starts and when it ends. */
export function ticketCsv(
  deps: { store: Store; directory: Directory; clock: Clock },
  req: TicketCsvRequest,
  limits = CSV_LIMITS,
): Response {
  const { store, directory } = deps;
  const { lang, officer } = req;
  const today = witaDate(deps.clock.now());
  // Audited before the first row leaves, so a download cut off by a crash is in the log too; its end says how far.
  const reader = inboxExport(deps, { ...req, format: 'csv' }, limits);

  const record = (r: InboxRow): CsvValue[] => {
    const c = store.tickets.complaint(r.id);
    const reporter = c ? listedReporter(store, officer, r, c) : null;
    const shown = reporter?.kind === 'shown' ? reporter : null;
    if (shown && (shown.name || shown.phone || shown.nik)) reader.identified();
    const kecamatan = c?.kecamatanCode ? (kecamatanByCode(c.kecamatanCode)?.name ?? c.kecamatanCode) : null;
    // The free text as the ticket page shows it (src/privacy/): whole to those who see a rahasia reporter, NIK masked.
    const read = c
      ? maskComplaintText(c, maskScopeFor(c.identityMode, officer.role !== 'officer'), lang)
      : null;
    return [
      r.number,
      witaMinute(r.createdAt),
      status(lang, r.status),
      t(lang, `category.${r.category}`),
      r.agencyId ? (directory.agency(r.agencyId)?.name ?? r.agencyId) : null,
      kabkotaByCode(r.kabkotaCode)?.name ?? r.kabkotaCode,
      kecamatan,
      read?.address ?? null,
      r.dueDate,
      r.assignee?.name ?? null,
      c ? t(lang, `identity.${c.identityMode}`) : null,
      shown?.name ?? null,
      shown?.phone ?? null,
      shown?.nik ?? null,
      read?.story ?? maskFreeText(r.excerpt, {}),
    ];
  };

  const stream = csvStream<InboxRow>({
    header: COLUMNS.map((col) => t(lang, `officer.csv.col.${col}`)),
    sep: req.sep,
    bom: true,
    next: reader.next,
    record,
    end: reader.end,
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
