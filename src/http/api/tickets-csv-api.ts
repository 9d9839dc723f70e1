// GET /api/v1/tickets.csv: every ticket of an inbox view (the filters of GET /v1/tickets, no paging) as one CSV file
// for a spreadsheet, behind the API's bearer token: the same file as the inbox's "Unduh CSV" (ticket-csv.ts).
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import { CSV_LIMITS, ticketCsv } from '../officers/ticket-csv.js';
import { ErrorBody, TicketsQuery } from './api-schemas.js';

/** The list's filters and sort, and the separator; `limit` and `cursor` page the list and do not apply here. */
export const TicketsCsvQuery = TicketsQuery.omit({ limit: true, cursor: true }).extend({
  sep: z
    .enum([';', ','])
    .optional()
    .openapi({ description: 'the separator: `;` (the default, as Indonesian Excel reads it) or `,`' }),
});

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorBody } },
  description,
});

const ticketsCsvRoute = createRoute({
  method: 'get',
  path: '/v1/tickets.csv',
  security: [{ bearer: [] }],
  request: { query: TicketsCsvQuery },
  responses: {
    200: {
      content: {
        'text/csv': {
          schema: z.string().openapi({
            description:
              `UTF-8 with a BOM, a header row in the caller's language (Accept-Language), RFC 4180 quoting; one row ` +
              `per ticket (number, filed (WITA), status, category, agency, kab/kota, kecamatan, place, due date, ` +
              `assigned to, identity mode, the reporter's name, phone and masked NIK where the account may see them, ` +
              `story); a cell starting with = + - @ gets a leading '. At most ${CSV_LIMITS.maxRows} rows.`,
          }),
        },
      },
      description: 'every ticket in scope that the filters match, as an attachment',
    },
    401: error('no token, or a wrong one'),
    422: error('a query parameter is not valid'),
  },
});

/** Adds GET /v1/tickets.csv to the API (behind its bearer token). */
export function ticketsCsvApi(
  app: OpenAPIHono<{ Variables: { officer: Officer } }>,
  deps: { store: Store; directory: Directory; clock: Clock; langOf: (c: Context) => Lang },
): void {
  app.openapi(ticketsCsvRoute, (c) => {
    const { sep = ';', newReply, unreceived, ...query } = c.req.valid('query');
    return ticketCsv(deps, {
      officer: c.get('officer'),
      query,
      flags: { ...(newReply ? { newReply: true } : {}), ...(unreceived ? { unreceived: true } : {}) },
      sep,
      lang: deps.langOf(c),
      via: 'api',
    });
  });
}
