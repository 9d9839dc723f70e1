// POST /api/v1/tickets/{number}/merge: merges a duplicate ticket into another of the same agency (`{into}`), by the
// same rules as the ticket page: 404 outside the scope first, 409 when the account only watches or a ticket is closed,
// 422 for another ticket it may not be merged into.
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { Officer } from '../../domain/officer.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import { MAX_MERGE_NOTE } from '../../officers/ticket-merging.js';
import { ErrorBody, NumberParam } from './api-schemas.js';

const MergeBody = z
  .object({
    // Any short string: whether it names a ticket the caller sees is answered after the 404 of the URL's ticket.
    into: z.string().min(1).max(40).openapi({
      description: 'the number of the ticket this one is merged into (same agency, open)',
      example: 'ADU-2612-4K7Q',
    }),
    note: z
      .string()
      .max(MAX_MERGE_NOTE)
      .optional()
      .openapi({ description: 'an internal note on the merged ticket (the citizens are not told it)' }),
  })
  .openapi('Merge');

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorBody } },
  description,
});

export const mergeRoute = createRoute({
  method: 'post',
  path: '/v1/tickets/{number}/merge',
  security: [{ bearer: [] }],
  request: { params: NumberParam, body: { content: { 'application/json': { schema: MergeBody } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ number: z.string(), into: z.string() }) } },
      description: 'merged: this ticket is closed (reason `merged`), both citizens were told',
    },
    401: error('no token, or a wrong one'),
    404: error('no such ticket, or not one the caller may see'),
    409: error(
      'the account only watches either ticket, or one of them is closed (`not_allowed`, `into_closed`)',
    ),
    422: error(
      'the body is not valid, or `into` is not a ticket the caller sees (`unknown_ticket`), is this one ' +
        '(`same_ticket`) or is another agency’s (`other_agency`)',
    ),
  },
});

/** An answer in the API's one error shape. */
type Failure<S extends 404 | 409 | 422> = Response &
  TypedResponse<{ error: { code: string; message: string } }, S, 'json'>;

/** Adds POST /v1/tickets/{number}/merge to the API (behind its bearer token); `fail` answers in its one error shape. */
export function mergeApi(
  app: OpenAPIHono<{ Variables: { officer: Officer } }>,
  deps: { actions: TicketActions },
  fail: <S extends 404 | 409 | 422>(c: Context, status: S, code: string) => Failure<S>,
): void {
  app.openapi(mergeRoute, (c) => {
    const { number } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = deps.actions.merge(c.get('officer'), number, body.into, body.note ?? null);
    if (r.ok) return c.json({ number, into: r.into }, 200);
    if (r.problem === 'not_found') return fail(c, 404, r.problem);
    if (r.problem === 'read_only' || r.problem === 'not_allowed' || r.problem === 'into_closed')
      return fail(c, 409, r.problem);
    return fail(c, 422, r.problem);
  });
}
