// GET /metrics in the Prometheus text format, optionally behind a bearer token.
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { secretCheck } from '../http/secret-check.js';

export type MetricsRoutesOptions = {
  /** When set, a scrape must send `Authorization: Bearer <token>`; otherwise 401. */
  token?: string;
};

export function metricsRoutes(registry: Registry, opts: MetricsRoutesOptions = {}): Hono {
  const app = new Hono();
  const tokenMatches = opts.token ? secretCheck(opts.token) : null;
  app.get('/metrics', async (c) => {
    if (tokenMatches) {
      const auth = c.req.header('authorization') ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!tokenMatches(given)) return c.json({ error: 'unauthorized' }, 401);
    }
    const body = await registry.metrics();
    return c.body(body, 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      'cache-control': 'no-store',
    });
  });
  return app;
}
