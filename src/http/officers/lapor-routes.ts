// `/petugas/tiket.lapor.csv|json`: the inbox's "Unduh untuk SP4N-LAPOR!", the view on screen (the same parameters as
// "Unduh CSV") as LAPOR!'s form fields for every matching ticket in the account's scope. Mounted behind the session.
import { Hono } from 'hono';
import type { Lang } from '../../domain/reply.js';
import { inboxView } from './inbox-csv-routes.js';
import { type LaporDeps, laporExport } from './lapor-export.js';
import type { SignedIn } from './officer-session.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

export function laporRoutes(deps: LaporDeps): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/tiket.lapor.csv', (c) => laporExport(deps, { ...inboxView(c), format: 'csv' }));
  app.get('/tiket.lapor.json', (c) => laporExport(deps, { ...inboxView(c), format: 'json' }));
  return app;
}
