// An audit entry as the admins read it (page, CSV, API): its time in WITA and its details with any NIK or phone number
// masked, such as the number inside a WhatsApp message id, the same way the logs are scrubbed.
import { witaWallClock } from '../../domain/wita.js';
import { scrubText, scrubValue } from '../../observability/redacting-logger.js';
import type { AuditEntry } from '../../storage/audit-log.js';

export type ShownAuditEntry = Omit<AuditEntry, 'data'> & {
  /** The details (JSON), masked; null when there are none. */
  details: unknown;
};

/** The entry with its details parsed and masked (a detail that is not JSON is masked as text). */
export function shownAuditEntry(e: AuditEntry): ShownAuditEntry {
  const { data, ...rest } = e;
  return { ...rest, details: data === null ? null : maskedDetails(data) };
}

function maskedDetails(data: string): unknown {
  try {
    const parsed: unknown = JSON.parse(data);
    return scrubValue(parsed);
  } catch {
    return scrubText(data);
  }
}

/** The details as one line of text ('' when there are none). */
export function detailsText(e: ShownAuditEntry): string {
  if (e.details === null) return '';
  return typeof e.details === 'string' ? e.details : JSON.stringify(e.details);
}

/** The instant as WITA wall-clock time with its offset: 2026-11-23T10:00:00+08:00. */
export function witaTimestamp(at: number): string {
  return `${witaWallClock(at).toISOString().slice(0, 19)}+08:00`;
}
