// A ticket as the Open311 server answers it (GET requests): the spec's fields in its order, only what cannot
// identify the reporter: no name, NIK, phone or e-mail ever (the story and the officers' words are masked with
// `maskText`, as an agency reads a rahasia ticket, whatever the ticket's mode), and no file (a photo can show a face
// or a house).
import { type Open311Status, open311Status, serviceCodeOf } from '../domain/open311-mapping.js';
import type { Lang } from '../domain/reply.js';
import { WITA_OFFSET_MS } from '../domain/wita.js';
import { t } from '../i18n/locales.js';
import { maskText } from '../privacy/mask-free-text.js';
import type { Directory } from '../routing/directory.js';
import type { Open311Row } from '../storage/open311-requests.js';
import type { Store } from '../storage/store.js';
import { openStage, stageText } from '../tickets/stage-words.js';
import { statusLine } from '../tickets/status-lookup.js';
import { kabkotaByCode, kecamatanByCode } from '../understand/region-lookup.js';

export type ServiceRequestView = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: null;
};

/** A W3C date-time in WITA (UTC+08:00), as the spec asks: with its offset. */
export function w3Time(at: number): string {
  return `${new Date(at + WITA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The end of a WITA day (YYYY-MM-DD) as a W3C date-time: a deadline's last moment. */
const endOfDay = (date: string): string => `${date}T23:59:59+08:00`;

export function serviceRequestView(
  row: Open311Row,
  deps: { store: Store; directory: Directory; lang: Lang },
): ServiceRequestView {
  const { store, directory, lang } = deps;
  const c = row.complaint;
  const mask = masker(row, lang);
  const open = openStage(store.ticketDeadlines.current(row.id));
  const running = open && !open.paused ? open : null;
  return {
    service_request_id: row.number,
    status: open311Status(row.status),
    status_notes: statusNotes(store, row, lang, mask),
    service_name: t(lang, `category.${c.category}`),
    service_code: serviceCodeOf(c.category),
    description: mask(c.story),
    agency_responsible: row.agencyId ? (directory.agency(row.agencyId)?.name ?? row.agencyId) : null,
    service_notice: open ? mask(stageText(lang, open)) : null,
    requested_datetime: w3Time(row.createdAt),
    updated_datetime: w3Time(row.updatedAt),
    expected_datetime: running ? endOfDay(running.dueOn) : null,
    address: placeOf(row, mask),
    address_id: null,
    zipcode: null,
    lat: c.location?.lat ?? null,
    long: c.location?.lon ?? null,
    media_url: null,
  };
}

/** Free text of the ticket with every name, NIK, phone and e-mail in it masked (the reporter's, and any other). */
function masker(row: Open311Row, lang: Lang): (text: string) => string {
  const { name, nik, phone } = row.complaint;
  return (text) => maskText(text, { name, nik, phone }, { scope: 'all', lang }).text;
}

/** "the place, kecamatan, kab/kota": most specific first, as the spec asks. */
function placeOf(row: Open311Row, mask: (text: string) => string): string | null {
  const c = row.complaint;
  const kecamatan = c.kecamatanCode ? kecamatanByCode(c.kecamatanCode)?.name : undefined;
  const parts = [
    c.address === null ? null : mask(c.address),
    kecamatan,
    kabkotaByCode(c.kabkotaCode)?.name,
  ].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The state in words and what the officers last told the reporter about it (the reason and message of the last
 * status change, or a later message of theirs), masked.
 */
function statusNotes(store: Store, row: Open311Row, lang: Lang, mask: (text: string) => string): string {
  const state = t(lang, `ticket.status.${row.status}`);
  const last = store.ticketEvents
    .forTicket(row.id)
    .flatMap((e) => statusLine(e) ?? [])
    .filter((l) => l.kind === 'changed' || l.kind === 'replied')
    .at(-1);
  const words =
    last?.kind === 'replied'
      ? [t(lang, 'ticket.update.message', { message: last.text })]
      : last?.kind === 'changed'
        ? [
            ...(last.reason ? [t(lang, 'ticket.update.reason', { reason: last.reason })] : []),
            ...(last.message ? [t(lang, 'ticket.update.message', { message: last.message })] : []),
          ]
        : [];
  return mask([state, ...words].join('. '));
}
