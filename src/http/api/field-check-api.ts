// POST /api/v1/tickets/{number}/field-check: marks a field check ("cek lapangan", `{days, reason}`) by the same rules
// as the ticket page: 404 outside the scope first, 409 when the account only watches, the ticket is not verified
// and awaiting its answer or that answer is already late, 422 for a body that is not valid. The citizen is told the reason and the new date.
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { FIELD_CHECK_MAX_DAYS } from '../../domain/deadline.js';
import type { Officer } from '../../domain/officer.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import { MAX_FIELD_CHECK_REASON } from '../../tickets/field-check.js';
import { ErrorBody, NumberParam } from './api-schemas.js';

const FieldCheckBody = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(FIELD_CHECK_MAX_DAYS)
      .openapi({
        description: `calendar days the check may take (1–${FIELD_CHECK_MAX_DAYS}): the answer is due then`,
        example: 14,
      }),
    reason: z.string().trim().min(1).max(MAX_FIELD_CHECK_REASON).openapi({
      description: 'why the spot must be checked; the citizen is told it',
      example: 'Perlu pengukuran jalan bersama tim teknis.',
    }),
  })
  .openapi('FieldCheck');

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorBody } },
  description,
});

export const fieldCheckRoute = createRoute({
  method: 'post',
  path: '/v1/tickets/{number}/field-check',
  security: [{ bearer: [] }],
  request: { params: NumberParam, body: { content: { 'application/json': { schema: FieldCheckBody } } } },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            number: z.string(),
            stage: z.literal('field_check'),
            due: z.string().openapi({ description: 'the WITA date (YYYY-MM-DD) the answer is due by' }),
          }),
        },
      },
      description: 'the answer stage is now a field check; the citizen was told why and by when',
    },
    401: error('no token, or a wrong one'),
    404: error('no such ticket, or not one the caller may see'),
    409: error(
      'the account only watches (`read_only`), or the ticket is not diverifikasi/diproses with its answer ' +
        'stage running (`not_allowed`: a field check already runs, or it was answered), or that stage is already ' +
        'missed (`overdue`: due before today, WITA; the ladder goes on)',
    ),
    422: error('the body is not valid (`days` 1–60, a `reason`)'),
  },
});

/** An answer in the API's one error shape. */
type Failure<S extends 404 | 409 | 422> = Response &
  TypedResponse<{ error: { code: string; message: string } }, S, 'json'>;

/** Adds POST /v1/tickets/{number}/field-check to the API (behind its bearer token). */
export function fieldCheckApi(
  app: OpenAPIHono<{ Variables: { officer: Officer } }>,
  deps: { actions: TicketActions },
  fail: <S extends 404 | 409 | 422>(c: Context, status: S, code: string) => Failure<S>,
): void {
  app.openapi(fieldCheckRoute, (c) => {
    const { number } = c.req.valid('param');
    const r = deps.actions.fieldCheck(c.get('officer'), number, c.req.valid('json'));
    if (r.ok) return c.json({ number, stage: 'field_check' as const, due: r.due }, 200);
    if (r.problem === 'not_found') return fail(c, 404, r.problem);
    if (r.problem === 'read_only' || r.problem === 'not_allowed' || r.problem === 'overdue')
      return fail(c, 409, r.problem);
    return fail(c, 422, r.problem);
  });
}
