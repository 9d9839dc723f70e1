// The officers' API operations as OpenAPI routes: method, path, what each takes and every answer it may give.
import { createRoute, z } from '@hono/zod-openapi';
import {
  Agency,
  AssignBody,
  ErrorBody,
  NumberParam,
  ReassignBody,
  Summary,
  TextBody,
  Ticket,
  TicketsQuery,
} from './api-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  401: json(ErrorBody, 'no token, or a wrong one'),
  404: json(ErrorBody, 'no such ticket, or not one the caller may see'),
};
const security = [{ bearer: [] }];

export const agenciesRoute = createRoute({
  method: 'get',
  path: '/v1/agencies',
  security,
  responses: { 200: json(z.array(Agency), 'the directory'), 401: errors[401] },
});

export const ticketsRoute = createRoute({
  method: 'get',
  path: '/v1/tickets',
  security,
  request: { query: TicketsQuery },
  responses: {
    200: json(
      z.object({
        items: z.array(Summary),
        next: z.string().nullable().openapi({ description: 'pass as `cursor` for the next page' }),
      }),
      'tickets in scope',
    ),
    401: errors[401],
    422: json(ErrorBody, 'a query parameter is not valid'),
  },
});

export const ticketRoute = createRoute({
  method: 'get',
  path: '/v1/tickets/{number}',
  security,
  request: { params: NumberParam },
  responses: { 200: json(Ticket, 'the ticket'), ...errors },
});

export const reassignRoute = createRoute({
  method: 'post',
  path: '/v1/tickets/{number}/reassign',
  security,
  request: {
    params: NumberParam,
    body: { content: { 'application/json': { schema: ReassignBody } } },
  },
  responses: {
    200: json(
      z.object({ number: z.string(), agency: z.string() }),
      'moved (dialihkan); the citizen was told',
    ),
    ...errors,
    409: json(ErrorBody, 'not from the current status, or the account only watches'),
    422: json(ErrorBody, 'an agency not in the directory (or the current one), or no reason'),
  },
});

export const takeoverRoute = createRoute({
  method: 'post',
  path: '/v1/tickets/{number}/takeover',
  security,
  request: { params: NumberParam },
  responses: {
    200: json(
      z.object({ number: z.string() }),
      'the supervisor (or the officer reading its agency’s copy) now acts on the ticket',
    ),
    ...errors,
    409: json(ErrorBody, 'not a supervisor nor an officer of an agency with a copy, or already acting on it'),
  },
});

export const assignRoute = createRoute({
  method: 'post',
  path: '/v1/tickets/{number}/assign',
  security,
  request: { params: NumberParam, body: { content: { 'application/json': { schema: AssignBody } } } },
  responses: {
    200: json(
      z.object({ number: z.string(), officerId: z.number().int().nullable() }),
      'assigned (internal: the citizen is not told)',
    ),
    ...errors,
    409: json(ErrorBody, 'the ticket is closed, or the account only watches'),
    422: json(ErrorBody, 'not an enabled account of the ticket’s agency, or the body is not valid'),
  },
});

/** POST /v1/tickets/{number}/notes (kept for the officers); replies and status changes are in answer-api.ts. */
export const notesRoute = createRoute({
  method: 'post',
  path: '/v1/tickets/{number}/notes',
  security,
  request: { params: NumberParam, body: { content: { 'application/json': { schema: TextBody } } } },
  responses: {
    201: json(z.object({ number: z.string() }), 'note kept'),
    ...errors,
    409: json(ErrorBody, 'the account only watches'),
    422: json(ErrorBody, 'the body is not valid'),
  },
});
