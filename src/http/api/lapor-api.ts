// GET /api/v1/tickets.lapor.csv and …/tickets.lapor.json: any inbox view (the filters of GET /v1/tickets, no paging)
// as SP4N-LAPOR!'s form fields, behind the API's bearer token: the same files as the inbox's "Unduh untuk SP4N-LAPOR!".
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Officer } from '../../domain/officer.js';
import { EXPORT_LIMITS } from '../officers/inbox-export.js';
import { type LaporDeps, laporExport } from '../officers/lapor-export.js';
import { ErrorBody } from './api-schemas.js';
import { LaporDocument } from './lapor-schema.js';
import { TicketsCsvQuery } from './tickets-csv-api.js';

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorBody } },
  description,
});
const errors = {
  401: error('no token, or a wrong one'),
  422: error('a query parameter is not valid'),
};
const security = [{ bearer: [] }];

const laporCsvRoute = createRoute({
  method: 'get',
  path: '/v1/tickets.lapor.csv',
  security,
  request: { query: TicketsCsvQuery },
  responses: {
    200: {
      content: {
        'text/csv': {
          schema: z.string().openapi({
            description:
              'UTF-8 with a BOM, `;` between fields (`sep=,` for a comma), RFC 4180 quoting; a header row of the ' +
              'LaporItem keys, one row per ticket; `lampiran` holds one link per line, `anonim` and `rahasia` are ' +
              `1 or 0; a cell starting with = + - @ gets a leading '. At most ${EXPORT_LIMITS.maxRows} rows.`,
          }),
        },
      },
      description: 'every ticket in scope that the filters match, as LAPOR!’s form fields, as an attachment',
    },
    ...errors,
  },
});

/**
 * The JSON document's media type, typed as any media type's: the handler answers with the streamed Response (a file of
 * any length holds one chunk in memory), which the route's types allow only for a content type they do not read.
 */
const jsonDocument: Record<string, { schema: typeof LaporDocument }> = {
  'application/json': { schema: LaporDocument },
};

const laporJsonRoute = createRoute({
  method: 'get',
  path: '/v1/tickets.lapor.json',
  security,
  request: { query: TicketsCsvQuery.omit({ sep: true }) },
  responses: {
    200: {
      content: jsonDocument,
      description: `the same tickets and fields as one JSON document (at most ${EXPORT_LIMITS.maxRows} items)`,
    },
    ...errors,
  },
});

/** Adds the LAPOR!-ready exports to the API (behind its bearer token), in Indonesian whatever the caller's language. */
export function laporApi(app: OpenAPIHono<{ Variables: { officer: Officer } }>, deps: LaporDeps): void {
  const flags = (q: { newReply?: '1'; unreceived?: '1' }) => ({
    ...(q.newReply ? { newReply: true as const } : {}),
    ...(q.unreceived ? { unreceived: true as const } : {}),
  });
  app.openapi(laporCsvRoute, (c) => {
    const { sep = ';', newReply, unreceived, ...query } = c.req.valid('query');
    return laporExport(deps, {
      officer: c.get('officer'),
      query,
      flags: flags({ newReply, unreceived }),
      sep,
      format: 'csv',
      via: 'api',
    });
  });
  app.openapi(laporJsonRoute, (c) => {
    const { newReply, unreceived, ...query } = c.req.valid('query');
    return laporExport(deps, {
      officer: c.get('officer'),
      query,
      flags: flags({ newReply, unreceived }),
      format: 'json',
      via: 'api',
    });
  });
}
