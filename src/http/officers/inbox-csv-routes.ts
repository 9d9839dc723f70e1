// `/petugas/tiket.csv`: the inbox's "Unduh CSV", the view on screen (its filters, status tab, marks and sort; `?sep=,`
// for a comma) as one CSV file of every matching ticket in the account's scope. Mounted behind the session check.
import { type Context, Hono } from 'hono';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { lenientInboxQuery } from '../../officers/inbox-query.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { InboxExportRequest } from './inbox-export.js';
import type { SignedIn } from './officer-session.js';
import { ticketCsv } from './ticket-csv.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

/** The view a download link carries (the inbox's filters, status tab, marks and sort), the account and its separator. */
export function inboxView(c: Context<Env>): Omit<InboxExportRequest, 'format'> & { sep: ',' | ';' } {
  return {
    officer: c.get('me').officer,
    query: lenientInboxQuery(c.req.query()),
    flags: {
      ...(c.req.query('balasan') === '1' ? { newReply: true } : {}),
      ...(c.req.query('tanpa_penerima') === '1' ? { unreceived: true } : {}),
    },
    sep: c.req.query('sep') === ',' ? ',' : ';',
    via: 'page',
  };
}

export function inboxCsvRoutes(deps: { store: Store; directory: Directory; clock: Clock }): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/tiket.csv', (c) => ticketCsv(deps, { ...inboxView(c), lang: c.get('lang') }));
  return app;
}
