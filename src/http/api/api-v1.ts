// The officers' JSON API (/api/v1), by the same rules as the pages: a bearer token only; no or a wrong token is 401
// before anything is looked up; a ticket outside the caller's scope is 404 before any other check; then 409 or 422.
// Its routes and schemas (api-routes.ts, api-schemas.ts) make the OpenAPI 3.1 document at /api/openapi.json.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import type { LinkSigner } from '../../forwarding/payload.js';
import { t } from '../../i18n/locales.js';
import { identityGivenToAccount } from '../../officers/copy-access.js';
import { cursorAfter, inboxFilter } from '../../officers/inbox-query.js';
import { scopeOf } from '../../officers/policy.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import { tokenHash } from '../../officers/tokens.js';
import type { Directory } from '../../routing/directory.js';
import type { FileStore } from '../../storage/file-store.js';
import type { Store } from '../../storage/store.js';
import { ladderSteps } from '../../tickets/ladder-steps.js';
import { openStage } from '../../tickets/stage-words.js';
import { maskNik } from '../../understand/nik.js';
import { ticketAsRead } from '../officers/ticket-as-read.js';
import { answerApi } from './answer-api.js';
import {
  agenciesRoute,
  assignRoute,
  notesRoute,
  reassignRoute,
  takeoverRoute,
  ticketRoute,
  ticketsRoute,
} from './api-routes.js';
import { auditApi } from './audit-api.js';
import { fieldCheckApi } from './field-check-api.js';
import { laporApi } from './lapor-api.js';
import { mergeApi } from './merge-api.js';
import { ombudsmanApi } from './ombudsman-api.js';
import { statisticsApi } from './statistics-api.js';
import { templateApi } from './template-api.js';
import { ticketsCsvApi } from './tickets-csv-api.js';

export type ApiDeps = {
  store: Store;
  actions: TicketActions;
  directory: Directory;
  clock: Clock;
  /** The upload limit of officers' files (answers with files). */
  files: Pick<FileStore, 'limits'>;
  /** Signs evidence links in the exports (PUBLIC_BASE_URL); without it they carry none. */
  signLink?: LinkSigner;
};

type Env = { Variables: { officer: Officer } };

/** The language of an API caller: English when Accept-Language puts it first, else Indonesian. */
function callerLang(c: Context): Lang {
  return /^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'id';
}

export function apiV1(deps: ApiDeps): OpenAPIHono<Env> {
  const { store, directory } = deps;
  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (!result.success)
        return c.json(
          {
            error: {
              code: 'invalid_request',
              message: `${t(callerLang(c), 'api.error.invalid_request')} ${result.error.issues
                .map((i) => `${i.path.join('.') || '·'}: ${i.message}`)
                .join('; ')}`,
            },
          },
          422,
        );
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  /** An error in one shape; its message in the caller's language (Accept-Language: en, else Indonesian). */
  const fail = <S extends 401 | 404 | 409 | 413 | 422>(c: Context, status: S, code: string, key = code) =>
    c.json({ error: { code, message: t(callerLang(c), `api.error.${key}`) } }, status);

  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{20,120})$/.exec(header)?.[1];
    const officer = token ? store.officers.byToken(tokenHash(token)) : null;
    if (!officer) return fail(c, 401, 'unauthorized');
    c.set('officer', officer);
    await next();
  });

  const agencyName = (id: string | null) => (id ? (directory.agency(id)?.shortName ?? id) : null);

  app.openapi(agenciesRoute, (c) =>
    c.json(
      directory.all().map((a) => ({ id: a.id, name: a.name, kabkota: a.region, level: a.level })),
      200,
    ),
  );

  app.openapi(ticketsRoute, (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 50;
    const rows = store.ticketInbox.inbox(
      scopeOf(c.get('officer'), directory),
      {
        ...inboxFilter(q, witaDate(deps.clock.now()), c.get('officer').id),
        ...(q.newReply ? { newReply: true } : {}),
        ...(q.unreceived ? { unreceived: true } : {}),
      },
      limit + 1,
    );
    const items = rows.slice(0, limit).map((r) => ({
      number: r.number,
      status: r.status,
      category: r.category,
      kabkota: r.kabkotaCode,
      agency: { id: r.agencyId, name: agencyName(r.agencyId) },
      createdAt: r.createdAt,
      dueDate: r.dueDate,
      newReply: r.newReply,
      unreceived: r.unreceived,
      rating: r.rating,
      assignee: r.assignee,
    }));
    const last = rows[limit - 1];
    return c.json({ items, next: rows.length > limit && last ? cursorAfter(last, q.sort) : null }, 200);
  });

  app.openapi(ticketRoute, (c) => {
    const officer = c.get('officer');
    const ticket = store.ticketInbox.forOfficer(c.req.valid('param').number, scopeOf(officer, directory));
    if (!ticket) return fail(c, 404, 'not_found');
    const k = ticket.complaint;
    const events = store.ticketEvents.forTicket(ticket.id);
    // The name and NIK a rahasia reporter gave for this account's agency (Ombudsman's copy), never the phone.
    const given = officer.role === 'officer' && identityGivenToAccount(officer, k, events);
    const hidden =
      k.identityMode === 'anonim' || (k.identityMode === 'rahasia' && officer.role === 'officer' && !given);
    if (!hidden && k.identityMode !== 'anonim')
      store.audit.record({
        at: deps.clock.now(),
        actor: `officer:${officer.id}`,
        type: 'officer.viewed_identity',
        ticketId: ticket.id,
      });
    // The free text as this account may read it (src/privacy/): NIKs masked; all of it when who reported is hidden.
    const read = ticketAsRead(
      { ticket, events, additions: [], attachments: [] },
      !hidden && !given,
      callerLang(c),
    );
    return c.json(
      {
        number: ticket.number,
        status: ticket.status,
        category: k.category,
        kabkota: k.kabkotaCode,
        agency: { id: ticket.agencyId, name: agencyName(ticket.agencyId) },
        createdAt: ticket.createdAt,
        dueDate: ticket.dueDate,
        story: read.ticket.complaint.story,
        expectation: read.ticket.complaint.expectation,
        address: read.ticket.complaint.address,
        reporter: {
          identityMode: k.identityMode,
          name: hidden ? null : k.name,
          phone: hidden || given ? null : k.phone,
          nik: hidden || !k.nik ? null : maskNik(k.nik),
        },
        rating: read.ticket.rating,
        assignee: store.ticketAssignments.assignee(ticket.id),
        events: read.events.map((e) => ({
          at: e.at,
          actor: e.actor,
          type: e.type,
          from: e.from,
          to: e.to,
          reason: e.reason,
          text:
            typeof e.data?.message === 'string'
              ? e.data.message
              : typeof e.data?.text === 'string'
                ? e.data.text
                : null,
        })),
        deadline: openStage(store.ticketDeadlines.current(ticket.id)),
        ladder: ladderSteps(events).map(({ agencyId, agencyName, ...s }) => ({
          ...s,
          agency: { id: agencyId, name: agencyName },
        })),
      },
      200,
    );
  });

  const problem = (c: Context, p: string) =>
    p === 'not_found'
      ? fail(c, 404, 'not_found')
      : p === 'read_only' || p === 'not_allowed'
        ? fail(c, 409, p)
        : fail(c, 422, p);

  app.openapi(reassignRoute, (c) => {
    const { number } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = deps.actions.reassign(c.get('officer'), number, body.agency, body.reason);
    if (r.ok) return c.json({ number, agency: body.agency }, 200);
    if (r.problem === 'not_found') return fail(c, 404, 'not_found');
    if (r.problem === 'read_only' || r.problem === 'not_allowed') return fail(c, 409, r.problem);
    return fail(c, 422, r.problem);
  });

  app.openapi(takeoverRoute, (c) => {
    const { number } = c.req.valid('param');
    const r = deps.actions.takeOver(c.get('officer'), number);
    if (r.ok) return c.json({ number }, 200);
    return r.problem === 'not_found' ? fail(c, 404, 'not_found') : fail(c, 409, 'not_allowed', 'takeover');
  });

  app.openapi(assignRoute, (c) => {
    const { number } = c.req.valid('param');
    const { officerId } = c.req.valid('json');
    const r = deps.actions.assign(c.get('officer'), number, officerId);
    return r.ok ? c.json({ number, officerId }, 200) : problem(c, r.problem);
  });

  app.openapi(notesRoute, (c) => {
    const { number } = c.req.valid('param');
    const r = deps.actions.write(c.get('officer'), number, 'note', c.req.valid('json').text);
    return r.ok ? c.json({ number }, 201) : problem(c, r.problem);
  });
  answerApi(app, deps, fail);

  app.route('/', auditApi({ ...deps, hook: app.defaultHook, langOf: callerLang }));
  app.route('/', statisticsApi({ ...deps, hook: app.defaultHook, langOf: callerLang }));
  templateApi(app, deps);
  ticketsCsvApi(app, { ...deps, langOf: callerLang });
  laporApi(app, deps);
  ombudsmanApi(app, { ...deps, langOf: callerLang });
  mergeApi(app, deps, fail);
  fieldCheckApi(app, deps, fail);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Aduan officers API', version: '1' },
    servers: [{ url: '/api' }],
  });
  app.get('/docs', (c) => c.html(docsPage(app)));
  return app;
}

/** A page listing the operations of the OpenAPI document, without any script or outside asset. */
function docsPage(app: OpenAPIHono<Env>): string {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Aduan officers API', version: '1' },
  });
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).flatMap(([method, op]) => {
      if (typeof op !== 'object' || op === null || !('responses' in op)) return [];
      const codes = Object.keys(op.responses ?? {}).join(', ');
      return [
        `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><code>/api${esc(path)}</code></td><td>${esc(codes)}</td></tr>`,
      ];
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Aduan API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem;text-align:left}</style></head>
<body><h1>Aduan officers API</h1><p>Send <code>Authorization: Bearer &lt;token&gt;</code> (<code>npm run user -- token --username U</code>). The schemas: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors: <code>{"error":{"code","message"}}</code>.</p>
<table><thead><tr><th>method</th><th>path</th><th>answers</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
