// The hono app factory: the web chat page, its API, health; one error mapper so no citizen sees a stack trace.
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ChannelAdapter } from '../channels/channel.js';
import { SESSION_COOKIE, type WebChatDeps, isSessionId, webChatApi } from '../channels/web/web-chat-api.js';
import { webChatPage } from '../channels/web/web-chat-page.js';
import type { StorageState } from '../conversation/storage-guard.js';
import { apiV1 } from './api/api-v1.js';
import { type OfficerPagesDeps, officerPages } from './officers/officer-pages.js';
import { type Open311Deps, open311Routes } from './open311/open311-routes.js';
import { type StatusPagesDeps, statusPages } from './status/status-routes.js';

export type AppDeps = WebChatDeps & {
  log: { error(obj: object, msg: string): void };
  /** Platform channels: their webhook and operator routes are mounted at /channels/<name>. */
  channels?: ChannelAdapter[];
  /** True while the database answers: /readyz is 503 otherwise. */
  databaseOk?: () => boolean;
  /** Disk full or database busy since the last stored message: /readyz is 503 with the code. */
  storage?: () => StorageState;
  /** True once shutdown began: new messages get 503 so that platforms and browsers retry later. */
  draining?: () => boolean;
  /** Runs before the web chat API: per-IP rate limit and Origin check (src/http/web-guard.ts). */
  webGuard?: MiddlewareHandler;
  /** Mounted at the root: GET /metrics. */
  metrics?: Hono;
  /** Mounted at the root: GET /files/:id, the signed, expiring attachment links agencies receive. */
  files?: Hono;
  /** The officers' workspace, mounted at /petugas. */
  officers?: OfficerPagesDeps;
  /** The citizens' status page (ticket number and PIN), mounted at /status. */
  status?: StatusPagesDeps;
  /** The Open311 GeoReport v2 server for integration accounts, mounted at /open311/v2. */
  open311?: Open311Deps;
};

/** A platform's webhook (`/channels/<name>/webhook`): a machine posts to it, no browser ever shows its answer. */
const WEBHOOK_PATH = /^\/channels\/[^/]+\/webhook$/;

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // A handler's own header stands (a file's sandbox policy); every other response gets these, except a webhook's: its
  // answer has nothing a browser could be told to protect, and setting ten headers cost ~1% of each update's CPU.
  const secure = secureHeaders({
    overwrite: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
    },
  });
  app.use('*', (c, next) => (WEBHOOK_PATH.test(c.req.path) ? next() : secure(c, next)));
  app.use('*', async (c, next) => {
    if (deps.draining?.() && c.req.method === 'POST') {
      c.header('Retry-After', '5');
      return c.json({ error: 'shutting_down' }, 503);
    }
    await next();
  });
  // The page speaks the language asked for (?lang=), else the one its conversation speaks ("/lang en" typed).
  app.get('/', (c) => {
    const asked = c.req.query('lang');
    const session = getCookie(c, SESSION_COOKIE);
    const lang =
      asked === 'en' || asked === 'id'
        ? asked
        : session && isSessionId(session)
          ? deps.store.conversations.lang('web', session)
          : 'id';
    return c.html(webChatPage(lang));
  });
  if (deps.webGuard) app.use('/api/chat/*', deps.webGuard);
  if (deps.metrics) app.route('/', deps.metrics);
  if (deps.files) app.route('/', deps.files);
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', (c) => {
    const database = deps.databaseOk ? deps.databaseOk() : true;
    const storage = deps.storage?.() ?? { ok: true, code: null, since: null, failures: 0 };
    const channels = Object.fromEntries((deps.channels ?? []).map((ch) => [ch.channel, ch.state()]));
    const ready = database && storage.ok && !deps.draining?.();
    return c.json(
      { ok: ready, database, storage, draining: deps.draining?.() ?? false, channels },
      ready ? 200 : 503,
    );
  });
  for (const channel of deps.channels ?? []) {
    const routes = channel.routes?.();
    if (routes) app.route(`/channels/${channel.channel}`, routes);
  }
  app.route('/api/chat', webChatApi(deps));
  if (deps.status) app.route('/status', statusPages(deps.status));
  if (deps.open311) app.route('/open311/v2', open311Routes(deps.open311));
  if (deps.officers) {
    app.route('/petugas', officerPages(deps.officers));
    app.route('/api', apiV1(deps.officers));
  }
  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    deps.log.error(
      { err: { name: err.name, message: err.message, stack: err.stack }, path: c.req.path },
      'request failed',
    );
    return c.json({ error: 'internal' }, 500);
  });
  return app;
}
