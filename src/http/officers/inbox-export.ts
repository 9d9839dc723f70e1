// One inbox view read for a download (the inbox CSV, the SP4N-LAPOR! files): every ticket its filters match within the
// account's scope, a chunk at a time by the inbox's own query and cursor, up to a bound; audited before the first row
// leaves (the account, the format, the filters) and at its end (the rows written, how many carried an identity).
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import { witaDate } from '../../domain/wita.js';
import { type InboxQuery, cursorAfter, inboxFilter } from '../../officers/inbox-query.js';
import { scopeOf } from '../../officers/policy.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { InboxRow } from '../../storage/ticket-inbox.js';

/**
 * Tickets read per query, and the most rows one file holds (the first ones in the chosen sort): a bound on how long
 * one export runs and how large it grows (about 20 s and 70 MB on a 2-core machine); a date range narrows a larger view.
 */
export const EXPORT_LIMITS = { chunk: 500, maxRows: 200_000 };

export type InboxExportRequest = {
  officer: Officer;
  /** The view's filters and sort (a page cursor is ignored: the file holds every matching ticket). */
  query: InboxQuery;
  /** The inbox's own marks: only the tickets with a new reply, only those nobody at the agency receives. */
  flags: { newReply?: true; unreceived?: true };
  /** Where it was asked for, for the audit entry. */
  via: 'api' | 'page';
  /** What is written, for the audit entry: the inbox CSV, or LAPOR!'s CSV or JSON. */
  format: 'csv' | 'lapor_csv' | 'lapor_json';
};

export type InboxExport = {
  /** The chunk after the last row written (null: the first one); empty at the end or at the bound. */
  next: (last: InboxRow | null) => InboxRow[];
  /** Counts a row written with the reporter's name, phone or NIK. */
  identified: () => void;
  /** Records the end: the rows written, and whether the file was written to its end. */
  end: (rows: number, complete: boolean) => void;
};

/** Starts an export: audited at once, so that a download cut off by a crash is in the log too. */
export function inboxExport(
  deps: { store: Store; directory: Directory; clock: Clock },
  req: InboxExportRequest,
  limits = EXPORT_LIMITS,
): InboxExport {
  const { store, clock } = deps;
  const { officer } = req;
  const now = clock.now();
  const today = witaDate(now);
  const scope = scopeOf(officer, deps.directory);
  const { cursor: _cursor, ...query } = req.query;
  const actor = `officer:${officer.id}` as const;
  let read = 0;
  let identities = 0;
  store.audit.record({
    at: now,
    actor,
    type: 'officer.exported_tickets',
    data: { format: req.format, via: req.via, filter: { ...query, ...req.flags } },
  });
  return {
    next: (last) => {
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
    },
    identified: () => {
      identities++;
    },
    end: (rows, complete) =>
      store.audit.record({
        at: clock.now(),
        actor,
        type: 'officer.exported_tickets_end',
        data: {
          rows,
          identities,
          ...(complete ? {} : { complete: false }),
          ...(read >= limits.maxRows ? { atLimit: true } : {}),
        },
      }),
  };
}
