// GET /metrics in the Prometheus text format, optionally behind a bearer token.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';

export type MetricsRoutesOptions = {
  /** When set, a scrape must send `Authorization: Bearer <token>`; otherwise 401. */
  token?: string;
};

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function metricsRoutes(registry: Registry, opts: MetricsRoutesOptions = {}): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    if (opts.token) {
      const auth = c.req.header('authorization') ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!sameSecret(given, opts.token)) return c.json({ error: 'unauthorized' }, 401);
    }
    const body = await registry.metrics();
    return c.body(body, 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      'cache-control': 'no-store',
    });
  });
  return app;
}
