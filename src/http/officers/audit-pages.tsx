// The admins' audit log in the workspace: `/petugas/audit` (filters, 50 entries a page, keyset cursor) and
// `/petugas/audit.csv` (the same filters, streamed; each export is itself audited). Mounted behind the workspace's
// session check; any other account gets the workspace's plain 404, as for a page that does not exist.
import { type Context, Hono } from 'hono';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import { type AuditQuery, auditFilter, auditSearch, lenientAuditQuery } from '../../officers/audit-query.js';
import type { Store } from '../../storage/store.js';
import { auditCsvStream } from './audit-csv.js';
import { shownAuditEntry } from './audit-entry.js';
import { AuditPage } from './audit-page.js';
import type { SignedIn } from './officer-session.js';
import type { Frame } from './views.js';

const PAGE_SIZE = 50;
/** Entries read per query while a CSV is streamed. */
const CSV_CHUNK = 1000;
const CSV_COLUMNS = [
  'id',
  'time',
  'actor',
  'account',
  'action',
  'ticket',
  'conversation',
  'details',
] as const;

type Env = { Variables: { me: SignedIn; lang: Lang } };

/** `frame`: the workspace's own page frame (language, account, navigation) for this request. */
export function auditPages(deps: {
  store: Store;
  clock: Clock;
  frame: (c: Context, me: SignedIn) => Frame;
}): Hono<Env> {
  const { store, clock } = deps;
  const app = new Hono<Env>();

  /** The signed-in admin, or null: the caller answers as for an unknown page. */
  const admin = (c: Context<Env>): SignedIn | null => {
    const me = c.get('me');
    return me.officer.role === 'admin' ? me : null;
  };

  app.get('/audit', (c) => {
    const me = admin(c);
    if (!me) return c.notFound();
    const query = lenientAuditQuery(c.req.query());
    const rows = store.auditLog.page(auditFilter(query), PAGE_SIZE + 1);
    const shown = rows.slice(0, PAGE_SIZE);
    const last = shown.at(-1);
    const next =
      rows.length > PAGE_SIZE && last
        ? `/petugas/audit${auditSearch(query, { cursor: String(last.id) })}`
        : null;
    return c.html(
      <AuditPage frame={deps.frame(c, me)} rows={shown.map(shownAuditEntry)} query={query} next={next} />,
    );
  });

  app.get('/audit.csv', (c) => {
    const me = admin(c);
    if (!me) return c.notFound();
    const { cursor: _cursor, ...query }: AuditQuery = lenientAuditQuery(c.req.query());
    const filter = auditFilter(query);
    // The first chunk is read before the export is recorded: the file holds what the log held when it was asked for.
    const first = store.auditLog.page(filter, CSV_CHUNK);
    const now = clock.now();
    store.audit.record({
      at: now,
      actor: `officer:${me.officer.id}`,
      type: 'officer.exported_audit',
      data: { format: 'csv', filter: query },
    });
    const lang = c.get('lang');
    const header = CSV_COLUMNS.map((col) => t(lang, `officer.audit.col.${col}`));
    const stream = auditCsvStream(header, first, (lastId) =>
      store.auditLog.page({ ...filter, cursor: lastId }, CSV_CHUNK),
    );
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${witaDate(now)}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}
