// GET /api/v1/templates: the response templates an account may use, raw (bodies with their placeholders, rendered by
// the client for its ticket), optionally those that fit one agency and one status.
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { TicketStatus } from '../../domain/complaint.js';
import type { Officer } from '../../domain/officer.js';
import { placeholdersIn } from '../../domain/response-template.js';
import { templateReach } from '../../officers/template-access.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import { ErrorBody } from './api-schemas.js';

const Template = z
  .object({
    id: z.number().int(),
    agency: z
      .object({ id: z.string(), name: z.string().nullable() })
      .nullable()
      .openapi({ description: 'null: for every agency' }),
    status: TicketStatus.nullable().openapi({ description: 'the status it suits; null: any answer' }),
    title: z.string(),
    body: z.string().openapi({
      description:
        'raw text: {nomor} ticket number, {instansi} agency name, {kategori} category, {petugas} the officer; ' +
        '{tanggal} a date the officer writes in before sending. Never the reporter’s name or NIK',
    }),
    placeholders: z
      .array(z.string())
      .openapi({ description: 'the placeholders the body uses', example: ['nomor'] }),
    updatedAt: z.number().int().openapi({ description: 'milliseconds since 1970 (UTC)' }),
  })
  .openapi('ResponseTemplate');

const TemplatesQuery = z.object({
  agency: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'only those that fit this agency: its own and the every-agency ones' }),
  status: TicketStatus.optional().openapi({ description: 'only those for this status and those for any' }),
});

export const templatesRoute = createRoute({
  method: 'get',
  path: '/v1/templates',
  security: [{ bearer: [] }],
  request: { query: TemplatesQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ items: z.array(Template) }) } },
      description: 'the templates of the agencies the account reaches, and those for every agency',
    },
    401: { content: { 'application/json': { schema: ErrorBody } }, description: 'no token, or a wrong one' },
    422: {
      content: { 'application/json': { schema: ErrorBody } },
      description: 'a query parameter is not valid',
    },
  },
});

/** Adds GET /v1/templates to the API (behind its bearer token). */
export function templateApi(
  app: OpenAPIHono<{ Variables: { officer: Officer } }>,
  deps: { store: Store; directory: Directory },
): void {
  app.openapi(templatesRoute, (c) => {
    const q = c.req.valid('query');
    const items = deps.store.responseTemplates
      .reachable(templateReach(c.get('officer'), deps.directory))
      .filter((tpl) => q.agency === undefined || tpl.agencyId === null || tpl.agencyId === q.agency)
      .filter((tpl) => q.status === undefined || tpl.status === null || tpl.status === q.status)
      .map((tpl) => ({
        id: tpl.id,
        agency: tpl.agencyId
          ? { id: tpl.agencyId, name: deps.directory.agency(tpl.agencyId)?.name ?? null }
          : null,
        status: tpl.status,
        title: tpl.title,
        body: tpl.body,
        placeholders: placeholdersIn(tpl.body),
        updatedAt: tpl.updatedAt,
      }));
    return c.json({ items }, 200);
  });
}
