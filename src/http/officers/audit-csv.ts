// The audit log as CSV (RFC 4180: CRLF lines, quoted where needed), streamed a chunk of entries at a time so that an
// export of any length holds one chunk in memory; a text cell that a spreadsheet would run as a formula is defused.
import type { AuditEntry } from '../../storage/audit-log.js';
import { detailsText, shownAuditEntry, witaTimestamp } from './audit-entry.js';

/** A cell starting with one of these is a formula to Excel, LibreOffice and Sheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: a text that starts like a formula gets a leading `'`; quoted when it holds `"`, `,` or a newline. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, ended by CRLF. */
export function csvRecord(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function entryRecord(e: AuditEntry): string {
  const shown = shownAuditEntry(e);
  return csvRecord([
    shown.id,
    witaTimestamp(shown.at),
    shown.actor,
    shown.username,
    shown.type,
    shown.ticketNumber,
    shown.conversationId,
    detailsText(shown) || null,
  ]);
}

/**
 * The header, then `first` and each following chunk that `after(lastId)` reads (newest first), one chunk per pull:
 * the reader's pace decides how far the query has gone, and an empty chunk ends the file.
 */
export function auditCsvStream(
  header: readonly string[],
  first: AuditEntry[],
  after: (lastId: number) => AuditEntry[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let chunk: AuditEntry[] | null = first;
  let lastId: number | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRecord(header)));
    },
    pull(controller) {
      const rows: AuditEntry[] = chunk ?? (lastId === null ? [] : after(lastId));
      chunk = null;
      const last = rows.at(-1);
      if (!last) {
        controller.close();
        return;
      }
      lastId = last.id;
      controller.enqueue(encoder.encode(rows.map(entryRecord).join('')));
    },
  });
}
