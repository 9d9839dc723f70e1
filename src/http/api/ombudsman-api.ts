// GET /api/v1/tickets/{number}/ombudsman.pdf and …/ombudsman.json: one ticket as the Ombudsman-ready document, for admin
// and supervisor tokens (another account's token is 403 for a ticket it sees, 404 as always for one it does not);
// each call audited. Words in the caller's language (Accept-Language).
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type OmbudsmanFormat, downloadHeaders, ombudsmanExport } from '../officers/ombudsman-export.js';
import { ombudsmanPdf } from '../officers/ombudsman-pdf.js';
import type { OmbudsmanDeps } from '../officers/ombudsman-report.js';
import { ErrorBody, NumberParam } from './api-schemas.js';
import { OmbudsmanReport } from './ombudsman-schema.js';

type Env = { Variables: { officer: Officer } };

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  401: json(ErrorBody, 'no token, or a wrong one'),
  403: json(ErrorBody, 'an account that is neither an admin nor a supervisor'),
  404: json(ErrorBody, 'no such ticket, or not one the caller may see'),
};
const security = [{ bearer: [] }];

const ombudsmanJsonRoute = createRoute({
  method: 'get',
  path: '/v1/tickets/{number}/ombudsman.json',
  security,
  request: { params: NumberParam },
  responses: { 200: json(OmbudsmanReport, 'the ticket as Ombudsman’s intake asks for it'), ...errors },
});

const ombudsmanPdfRoute = createRoute({
  method: 'get',
  path: '/v1/tickets/{number}/ombudsman.pdf',
  security,
  request: { params: NumberParam },
  responses: {
    200: {
      content: {
        'application/pdf': {
          schema: z.string().openapi({ description: 'the same document as an A4 PDF (fonts embedded)' }),
        },
      },
      description: 'the ticket as Ombudsman’s intake asks for it, as an attachment',
    },
    ...errors,
  },
});

/** Adds the Ombudsman-ready export to the API (behind its bearer token). */
export function ombudsmanApi(
  app: OpenAPIHono<Env>,
  deps: OmbudsmanDeps & { langOf: (c: Context) => Lang },
): void {
  const refused = (c: Context, r: { kind: 'not_found' | 'forbidden' }) => {
    const lang = deps.langOf(c);
    return r.kind === 'not_found'
      ? c.json({ error: { code: 'not_found', message: t(lang, 'api.error.not_found') } }, 404)
      : c.json({ error: { code: 'forbidden', message: t(lang, 'api.error.ombudsman_only') } }, 403);
  };
  const exported = (c: Context<Env>, number: string, format: OmbudsmanFormat) =>
    ombudsmanExport(deps, c.get('officer'), { number, format, via: 'api', lang: deps.langOf(c) });

  app.openapi(ombudsmanJsonRoute, (c) => {
    const r = exported(c, c.req.valid('param').number, 'json');
    return r.kind === 'ok' ? c.json(r.report, 200) : refused(c, r);
  });

  app.openapi(ombudsmanPdfRoute, async (c) => {
    const r = exported(c, c.req.valid('param').number, 'pdf');
    if (r.kind !== 'ok') return refused(c, r);
    const pdf = await ombudsmanPdf(deps.langOf(c), r.report);
    return c.body(new Uint8Array(pdf), 200, downloadHeaders('application/pdf', r.filename));
  });
}
