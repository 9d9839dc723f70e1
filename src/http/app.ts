// The hono app factory: the web chat page, its API, health; one error mapper so no citizen sees a stack trace.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type WebChatDeps, webChatApi } from './web-chat-api.js';
import { webChatPage } from './web-chat-page.js';

export type AppDeps = WebChatDeps & { log: { error(obj: object, msg: string): void } };

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    }),
  );
  app.get('/', (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'id';
    return c.html(webChatPage(lang));
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/api/chat', webChatApi(deps));
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
