// GET /api/v1/audit: the audit log for admin tokens (the page's filters and keyset cursor, masked details), mounted
// into the officers' API behind its bearer check; another account's token is 403. Each call is itself audited.
import { OpenAPIHono, type OpenAPIHonoOptions, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { AuditQuery, auditFilter } from '../../officers/audit-query.js';
import type { Store } from '../../storage/store.js';
import { shownAuditEntry } from '../officers/audit-entry.js';
import { ErrorBody } from './api-schemas.js';

type Env = { Variables: { officer: Officer } };

const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.number().int().openapi({ description: 'milliseconds since 1970 (UTC)' }),
    actor: z
      .string()
      .openapi({ description: '`citizen`, `system`, `officer` (a failed sign-in) or `officer:<id>`' }),
    username: z.string().nullable().openapi({ description: 'the account of an `officer:<id>` actor' }),
    action: z.string().openapi({ example: 'officer.viewed_identity' }),
    ticket: z.string().nullable().openapi({ description: 'the ticket number' }),
    conversation: z.number().int().nullable(),
    details: z
      .unknown()
      .openapi({ description: 'as recorded, any NIK or phone number masked; null when none' }),
  })
  .openapi('AuditEntry');

const AuditApiQuery = AuditQuery.extend({ limit: z.coerce.number().int().min(1).max(200).optional() });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const auditRoute = createRoute({
  method: 'get',
  path: '/v1/audit',
  security: [{ bearer: [] }],
  request: { query: AuditApiQuery },
  responses: {
    200: json(
      z.object({
        items: z.array(AuditEntry),
        next: z.string().nullable().openapi({ description: 'pass as `cursor` for the next page' }),
      }),
      'entries, newest first',
    ),
    401: json(ErrorBody, 'no token, or a wrong one'),
    403: json(ErrorBody, 'not an admin account'),
    422: json(ErrorBody, 'a query parameter is not valid'),
  },
});

export function auditApi(deps: {
  store: Store;
  clock: Clock;
  /** The API's answer to a request that fails its schema (422 in the one error shape). */
  hook: OpenAPIHonoOptions<Env>['defaultHook'];
  /** The caller's language for error messages. */
  langOf: (c: Context) => Lang;
}): OpenAPIHono<Env> {
  const { store } = deps;
  const app = new OpenAPIHono<Env>({ defaultHook: deps.hook });
  app.openapi(auditRoute, (c) => {
    const officer = c.get('officer');
    if (officer.role !== 'admin')
      return c.json(
        { error: { code: 'forbidden', message: t(deps.langOf(c), 'api.error.admin_only') } },
        403,
      );
    const { limit = 50, ...query } = c.req.valid('query');
    const rows = store.auditLog.page(auditFilter(query), limit + 1);
    const { cursor: _cursor, ...filter } = query;
    store.audit.record({
      at: deps.clock.now(),
      actor: `officer:${officer.id}`,
      type: 'officer.exported_audit',
      data: { format: 'json', filter },
    });
    const items = rows.slice(0, limit).map((e) => {
      const shown = shownAuditEntry(e);
      return {
        id: shown.id,
        at: shown.at,
        actor: shown.actor,
        username: shown.username,
        action: shown.type,
        ticket: shown.ticketNumber,
        conversation: shown.conversationId,
        details: shown.details,
      };
    });
    const last = rows[limit - 1];
    return c.json({ items, next: rows.length > limit && last ? String(last.id) : null }, 200);
  });
  return app;
}
