// `/petugas/tiket/:number/ombudsman.pdf|json`: the ticket page's "Unduh untuk Ombudsman" (admins and supervisors), the
// same document as GET /api/v1/tickets/{number}/ombudsman.pdf|json. Mounted at /tiket behind the session check.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { SignedIn } from './officer-session.js';
import { OmbudsmanCard } from './ombudsman-card.js';
import {
  type OmbudsmanFormat,
  downloadHeaders,
  mayExportForOmbudsman,
  ombudsmanExport,
} from './ombudsman-export.js';
import { ombudsmanPdf } from './ombudsman-pdf.js';
import type { OmbudsmanDeps } from './ombudsman-report.js';
import { MessagePage } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);

/** The ticket page's "Untuk Ombudsman" card, for an account that may download the document (else nothing). */
export function ombudsmanSlot(officer: Officer, number: string, lang: Lang) {
  return <OmbudsmanCard lang={lang} number={number} show={mayExportForOmbudsman(officer)} />;
}

export function ombudsmanRoutes(deps: OmbudsmanDeps): Hono<Env> {
  const app = new Hono<Env>();
  const download = async (c: Context<Env>, format: OmbudsmanFormat) => {
    const lang = c.get('lang');
    const number = TicketNumber.safeParse(c.req.param('number'));
    const r = number.success
      ? ombudsmanExport(deps, c.get('me').officer, { number: number.data, format, via: 'page', lang })
      : { kind: 'not_found' as const };
    if (r.kind === 'not_found')
      return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
    if (r.kind === 'forbidden')
      return c.html(
        <MessagePage lang={lang} title="403" text={t(lang, 'officer.ombudsman.forbidden')} />,
        403,
      );
    if (format === 'json')
      return c.body(
        JSON.stringify(r.report, null, 2),
        200,
        downloadHeaders('application/json; charset=utf-8', r.filename),
      );
    const pdf = await ombudsmanPdf(lang, r.report);
    return c.body(new Uint8Array(pdf), 200, downloadHeaders('application/pdf', r.filename));
  };
  app.get('/:number/ombudsman.pdf', (c) => download(c, 'pdf'));
  app.get('/:number/ombudsman.json', (c) => download(c, 'json'));
  return app;
}
