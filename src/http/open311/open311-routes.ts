// The Open311 GeoReport v2 server at /open311/v2: services, a service's definition, requests (GET with the spec's
// filters, POST to file one) and one request, each as .json or .xml. Every call needs an integration account's
// api_key (complaints are not public in Aduan): 403 without a valid one, before anything is read. Errors take the
// spec's shape in either format; a ticket outside the key's reach is a 404 like one that does not exist.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { TicketStatus } from '../../domain/complaint.js';
import type { Officer } from '../../domain/officer.js';
import { categoryOfServiceCode, statusesOf } from '../../domain/open311-mapping.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { Open311Intake } from '../../officers/open311-intake.js';
import { serviceRequestView } from '../../officers/open311-view.js';
import { scopeOf } from '../../officers/policy.js';
import { tokenHash } from '../../officers/tokens.js';
import type { Directory } from '../../routing/directory.js';
import type { RequestFilter } from '../../storage/open311-requests.js';
import type { Store } from '../../storage/store.js';
import { serviceDefinition, serviceList } from './service-catalog.js';
import { type XmlValue, xmlDocument } from './xml.js';

export type Open311Deps = {
  store: Store;
  directory: Directory;
  clock: { now(): number };
  intake: Open311Intake;
};

type Format = 'json' | 'xml';
type Env = { Variables: { account: Officer; lang: Lang; format: Format; form: URLSearchParams } };

/** The spec: "first 1000 requests returned" and a range of at most 90 days, the last 90 by default. */
const MAX_REQUESTS = 1000;
const RANGE_MS = 90 * 86_400_000;
const MAX_BODY_BYTES = 64 * 1024;
const TICKET_NUMBER = /^ADU-\d{4}-[A-Z0-9]{4}$/;
const W3Time = z.iso.datetime({ offset: true });
/** Each list repeats its item element in the XML. */
const ITEMS = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

const langOf = (c: Context): Lang => (/^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'id');
function formatOf(path: string): Format | null {
  const extension = /\.(json|xml)$/.exec(path)?.[1];
  return extension === 'xml' ? 'xml' : extension === 'json' ? 'json' : null;
}

/** A JSON value or its XML document (`root` and its items), UTF-8 as the spec asks. */
function answer(c: Context<Env>, status: 200 | 201, root: string, value: XmlValue) {
  c.header('Cache-Control', 'no-store');
  return c.get('format') === 'xml'
    ? c.body(xmlDocument(root, value, ITEMS), status, { 'Content-Type': 'text/xml; charset=utf-8' })
    : c.body(JSON.stringify(value), status, { 'Content-Type': 'application/json; charset=utf-8' });
}

/** The spec's error: a list of {code, description}, with the HTTP status. */
function fail(c: Context, format: Format, status: 400 | 403 | 404 | 413, description: string) {
  const errors = [{ code: status, description }];
  c.header('Cache-Control', 'no-store');
  return format === 'xml'
    ? c.body(xmlDocument('errors', errors, ITEMS), status, { 'Content-Type': 'text/xml; charset=utf-8' })
    : c.body(JSON.stringify(errors), status, { 'Content-Type': 'application/json; charset=utf-8' });
}

/** "a.b, c" → ["a.b", "c"]: the spec's comma-delimited, repeatable arguments. */
const listOf = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function open311Routes(deps: Open311Deps): Hono<Env> {
  const { store, directory, clock } = deps;
  const app = new Hono<Env>();

  // The format from the path's extension; the key from the query (GET) or the form (POST), checked first.
  app.use('*', async (c, next) => {
    const lang = langOf(c);
    const format = formatOf(c.req.path);
    if (!format) return fail(c, 'json', 404, t(lang, 'georeport.error.not_found'));
    c.set('lang', lang);
    c.set('format', format);
    await next();
  });
  app.post(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => fail(c, formatOf(c.req.path) ?? 'json', 413, t(langOf(c), 'georeport.error.too_large')),
    }),
    async (c, next) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/x-www-form-urlencoded\b/i.test(type))
        return fail(c, c.get('format'), 400, t(c.get('lang'), 'georeport.error.form'));
      c.set('form', new URLSearchParams(await c.req.text()));
      await next();
    },
  );
  app.use('*', async (c, next) => {
    const key = (c.req.method === 'POST' ? c.get('form').get('api_key') : null) ?? c.req.query('api_key');
    const account = key && key.length <= 200 ? store.officers.integrationByKey(tokenHash(key)) : null;
    if (!account) return fail(c, c.get('format'), 403, t(c.get('lang'), 'georeport.error.api_key'));
    c.set('account', account);
    await next();
  });

  for (const format of ['json', 'xml'] as const) {
    app.get(`/services.${format}`, (c) => answer(c, 200, 'services', serviceList(c.get('lang'))));
    app.get(`/requests.${format}`, (c) => requests(c));
    app.post(`/requests.${format}`, (c) => {
      const key = c.req.header('idempotency-key')?.trim().slice(0, 200) || null;
      const filed = deps.intake.file(c.get('account'), c.get('form'), c.get('lang'), key);
      if (!filed.ok) return fail(c, c.get('format'), filed.problem.status, filed.problem.description);
      return answer(c, 201, 'service_requests', [
        { service_request_id: filed.number, service_notice: filed.notice, account_id: null },
      ]);
    });
  }
  app.get('/services/:file{[a-z_]+\\.(?:json|xml)}', (c) => {
    const code = c.req.param('file').replace(/\.(json|xml)$/, '');
    const category = categoryOfServiceCode(code);
    if (!category)
      return fail(
        c,
        c.get('format'),
        404,
        t(c.get('lang'), 'georeport.error.service_code_unknown', { code }),
      );
    return answer(c, 200, 'service_definition', serviceDefinition(category, c.get('lang')));
  });
  app.get('/requests/:file{[^/]+\\.(?:json|xml)}', (c) => {
    const number = c.req.param('file').replace(/\.(json|xml)$/, '');
    const account = c.get('account');
    const row = TICKET_NUMBER.test(number)
      ? store.open311Requests.list(scopeOf(account, directory), account.id, { numbers: [number] }, 1)[0]
      : undefined;
    if (!row) return fail(c, c.get('format'), 404, t(c.get('lang'), 'georeport.error.request_not_found'));
    return answer(c, 200, 'service_requests', [
      serviceRequestView(row, { store, directory, lang: c.get('lang') }),
    ]);
  });
  app.all('*', (c) => fail(c, c.get('format'), 404, t(c.get('lang'), 'georeport.error.not_found')));

  /** GET requests: the spec's filters (service_request_id overrides the others), newest first, at most 1000. */
  function requests(c: Context<Env>) {
    const lang = c.get('lang');
    const filter = requestFilter(c.req.query(), clock.now());
    if ('problem' in filter)
      return fail(c, c.get('format'), 400, t(lang, 'georeport.error.field', { field: filter.problem }));
    const account = c.get('account');
    const rows = store.open311Requests.list(scopeOf(account, directory), account.id, filter, MAX_REQUESTS);
    return answer(
      c,
      200,
      'service_requests',
      rows.map((row) => serviceRequestView(row, { store, directory, lang })),
    );
  }

  return app;
}

/** The query's filters, or the name of the argument that is not valid. */
function requestFilter(q: Record<string, string>, now: number): RequestFilter | { problem: string } {
  const numbers = listOf(q.service_request_id);
  if (numbers && numbers.length > 0) return { numbers: numbers.filter((n) => TICKET_NUMBER.test(n)) };
  const statuses = listOf(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) return { problem: 'status' };
  const time = (name: 'start_date' | 'end_date'): number | null | undefined => {
    const v = q[name]?.trim();
    if (!v) return undefined;
    return W3Time.safeParse(v).success ? Date.parse(v) : null;
  };
  const start = time('start_date');
  const end = time('end_date');
  if (start === null) return { problem: 'start_date' };
  if (end === null) return { problem: 'end_date' };
  // Both ends are included: `to` is the first instant after the range.
  const to =
    end !== undefined ? end + 1 : start !== undefined ? Math.min(start + RANGE_MS, now + 1) : now + 1;
  const from = start ?? to - RANGE_MS;
  if (to < from || to - from > RANGE_MS) return { problem: 'end_date' };
  const codes = listOf(q.service_code);
  return {
    ...(codes && codes.length > 0 ? { categories: codes } : {}),
    ...(statuses && statuses.length > 0
      ? {
          statuses: statuses.flatMap((s) =>
            statusesOf(s === 'closed' ? 'closed' : 'open', TicketStatus.options),
          ),
        }
      : {}),
    from,
    to,
  };
}
