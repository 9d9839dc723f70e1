// The audit log as CSV, streamed a chunk of entries at a time by the project's CSV writer (csv-writer.ts), with any
// NIK or phone number in the details masked as on the page.
import type { AuditEntry } from '../../storage/audit-log.js';
import { type CsvValue, csvStream } from '../csv-writer.js';
import { detailsText, shownAuditEntry, witaTimestamp } from './audit-entry.js';

function entryFields(e: AuditEntry): CsvValue[] {
  const shown = shownAuditEntry(e);
  return [
    shown.id,
    witaTimestamp(shown.at),
    shown.actor,
    shown.username,
    shown.type,
    shown.ticketNumber,
    shown.conversationId,
    detailsText(shown) || null,
  ];
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
  return csvStream<AuditEntry>({
    header,
    next: (last) => (last === null ? first : after(last.id)),
    record: entryFields,
  });
}
