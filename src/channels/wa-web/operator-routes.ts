// Operator routes, mounted at /channels/whatsapp: GET /qr (login page) and GET /status (JSON), optionally token-guarded.
import { Hono } from 'hono';
import { secretCheck } from '../../http/secret-check.js';
import type { ChannelState } from '../../outbox/outbound-channel.js';
import { type QrPageModel, qrPage } from './qr-page.js';

export type WaWebStatus = {
  channel: 'whatsapp';
  state: ChannelState;
  /** ISO time of the last state change. */
  since: string;
  loginPending: boolean;
  reconnectAttempts: number;
  nextRetryAt: string | null;
  lastError: string | null;
};

export type OperatorView = { status(): WaWebStatus; qrModel(): QrPageModel };

export function operatorRoutes(view: OperatorView, token: string | null): Hono {
  const app = new Hono();
  const tokenMatches = token === null ? null : secretCheck(token);
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    if (tokenMatches !== null) {
      const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
      const given = bearer ?? c.req.query('token') ?? '';
      if (!tokenMatches(given)) return c.json({ error: 'unauthorized' }, 401);
    }
    await next();
  });
  app.get('/qr', (c) => c.html(qrPage(view.qrModel())));
  app.get('/status', (c) => c.json(view.status()));
  return app;
}
