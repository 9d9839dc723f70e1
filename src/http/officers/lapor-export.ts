// Any inbox view as a file SP4N-LAPOR!'s admins import or copy without re-typing (GET /api/v1/tickets.lapor.csv|json and
// the inbox's "Unduh untuk SP4N-LAPOR!"): the fields of LAPOR!'s form (lapor-schema.ts) for every ticket the filters
// match within the account's scope, the reporter as the ticket page shows them to this account, evidence as signed
// links that expire. Read and audited like the inbox CSV (inbox-export.ts); written in Indonesian, as LAPOR! is.
import type { Clock } from '../../clock.js';
import type { Complaint } from '../../domain/complaint.js';
import type { Officer } from '../../domain/officer.js';
import { witaDate } from '../../domain/wita.js';
import type { LinkSigner } from '../../forwarding/payload.js';
import { t } from '../../i18n/locales.js';
import { laporTopic } from '../../officers/lapor-categories.js';
import { maskComplaintText, maskScopeFor } from '../../privacy/complaint-masking.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { InboxRow } from '../../storage/ticket-inbox.js';
import { kabkotaByCode, kecamatanByCode } from '../../understand/region-lookup.js';
import { LAPOR_SCHEMA, LaporItem } from '../api/lapor-schema.js';
import { chunkedStream } from '../chunked-stream.js';
import { type CsvSeparator, type CsvValue, csvRecord } from '../csv-writer.js';
import { EXPORT_LIMITS, type InboxExportRequest, inboxExport } from './inbox-export.js';
import { listedReporter, seesRahasia } from './listed-reporter.js';

export type LaporDeps = {
  store: Store;
  directory: Directory;
  clock: Clock;
  /** Signs the evidence links (PUBLIC_BASE_URL, LINK_SECRET); without it the links are null. */
  signLink?: LinkSigner;
};

/** The view, and the file: CSV with its separator, or JSON. */
export type LaporRequest = Omit<InboxExportRequest, 'format'> &
  ({ format: 'csv'; sep: CsvSeparator } | { format: 'json' });

/** The CSV's columns: the item's keys, in order. */
const COLUMNS = Object.keys(LaporItem.shape) as (keyof LaporItem)[];

/** A category's label without its examples: "Kependudukan (KTP-el, KK, akta, pindah)" is "Kependudukan". */
const shortLabel = (category: string) => t('id', `category.${category}`).replace(/\s*\(.*\)\s*$/, '');

/** When it happened, as precisely as the citizen said it (ISO 8601's shorter forms for a month or a year). */
function incidentDay(c: Complaint): string | null {
  const d = c.incidentDate;
  if (!d) return null;
  return d.precision === 'year' ? d.date.slice(0, 4) : d.precision === 'month' ? d.date.slice(0, 7) : d.date;
}

/**
 * One ticket as LAPOR!'s form asks for it, as the inbox CSV writes it for this account: the reporter as the ticket page
 * shows them, and the free text masked as there (src/privacy/: a NIK always; everything personal in a rahasia ticket
 * for an agency's officer, in an anonim one for everybody).
 */
function laporItem(deps: LaporDeps, officer: Officer, r: InboxRow, complaint: Complaint): LaporItem {
  const reporter = listedReporter(deps.store, officer, r, complaint);
  const shown = reporter.kind === 'shown' ? reporter : null;
  const c = maskComplaintText(complaint, maskScopeFor(complaint.identityMode, seesRahasia(officer)), 'id');
  const kabkota = kabkotaByCode(c.kabkotaCode)?.name ?? c.kabkotaCode;
  const kecamatan = c.kecamatanCode ? (kecamatanByCode(c.kecamatanCode)?.name ?? c.kecamatanCode) : null;
  const place = [kecamatan, kabkota].filter(Boolean).join(', ');
  const sign = deps.signLink ?? (() => null);
  return {
    nomor_tiket: r.number,
    judul: t('id', 'officer.lapor.title', { category: shortLabel(c.category), place }),
    isi: c.story,
    tanggal_kejadian: incidentDay(c),
    lokasi: [c.address, place].filter(Boolean).join(', '),
    kecamatan,
    kabkota,
    lintang: c.location?.lat ?? null,
    bujur: c.location?.lon ?? null,
    instansi_tujuan: r.agencyId ? (deps.directory.agency(r.agencyId)?.name ?? r.agencyId) : null,
    kategori: laporTopic(c.category) ?? t('id', `category.${c.category}`),
    kategori_aduan: c.category,
    lampiran: c.attachments.map((a) => {
      const link = sign(a);
      return { jenis: a.kind, url: link?.url ?? null, berlaku_sampai: link?.expiresAt ?? null };
    }),
    anonim: c.identityMode === 'anonim',
    rahasia: c.identityMode === 'rahasia',
    nama_pelapor: shown?.name ?? null,
    telepon_pelapor: shown?.phone ?? null,
    nik_pelapor: shown?.nik ?? null,
  };
}

/** An item as a CSV row: flags as 1 or 0, the evidence one link per line (a file without one named by its kind). */
function csvRow(item: LaporItem): CsvValue[] {
  return COLUMNS.map((key) => {
    const value = item[key];
    if (key === 'lampiran')
      return item.lampiran
        .map((a) => a.url ?? t('id', 'officer.lapor.no_link', { kind: a.jenis }))
        .join('\n');
    if (typeof value === 'boolean') return value ? 1 : 0;
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  });
}

/** The file as a download (`aduan-lapor-YYYY-MM-DD.csv|json`, WITA), streamed; audited at its start and its end. */
export function laporExport(deps: LaporDeps, req: LaporRequest, limits = EXPORT_LIMITS): Response {
  const now = deps.clock.now();
  const today = witaDate(now);
  const reader = inboxExport(deps, { ...req, format: `lapor_${req.format}` }, limits);
  const item = (r: InboxRow): LaporItem | null => {
    const c = deps.store.tickets.complaint(r.id);
    if (!c) return null;
    const it = laporItem(deps, req.officer, r, c);
    if (it.nama_pelapor || it.telepon_pelapor || it.nik_pelapor) reader.identified();
    return it;
  };
  const items = (chunk: readonly InboxRow[]) => chunk.flatMap((r) => item(r) ?? []);
  let written = 0;
  const sep = req.format === 'csv' ? req.sep : null;
  const stream =
    sep !== null
      ? chunkedStream({
          start: `\uFEFF${csvRecord(COLUMNS, sep)}`,
          next: reader.next,
          render: (chunk) =>
            items(chunk)
              .map((it) => csvRecord(csvRow(it), sep))
              .join(''),
          end: reader.end,
        })
      : chunkedStream({
          start: `{"schema":"${LAPOR_SCHEMA}","generatedAt":"${new Date(now).toISOString()}","items":[`,
          next: reader.next,
          render: (chunk) =>
            items(chunk)
              .map((it) => `${written++ === 0 ? '' : ','}${JSON.stringify(it)}`)
              .join(''),
          finish: ']}',
          end: reader.end,
        });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': req.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="aduan-lapor-${today}.${req.format}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
