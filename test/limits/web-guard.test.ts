// The web chat guard through app.request: per-IP rate limit with Retry-After, proxies, and the Origin check.
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { createApp } from '../../src/http/app.js';
import { type WebGuardOptions, clientKey, webGuard } from '../../src/http/web-guard.js';
import { Harness, T0 } from '../helpers/harness.js';

const HOST = 'aduan.example.id';

function guarded(opts: WebGuardOptions = {}) {
  const app = new Hono();
  app.use('/api/chat/*', webGuard(opts));
  app.get('/api/chat/messages', (c) => c.json({ replies: [] }));
  app.post('/api/chat/messages', (c) => c.json({ replies: [] }));
  return app;
}

/** A request as @hono/node-server hands it over: the socket's address is in `c.env.incoming`. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

const post = (app: Hono, headers: Record<string, string> = {}, address = '203.0.113.5') =>
  app.request(
    '/api/chat/messages',
    { method: 'POST', headers: { host: HOST, 'content-type': 'application/json', ...headers }, body: '{}' },
    from(address),
  );
const get = (app: Hono, headers: Record<string, string> = {}, address = '203.0.113.5') =>
  app.request('/api/chat/messages', { headers: { host: HOST, ...headers } }, from(address));

describe('web guard: rate limit', () => {
  it('allows 60 requests a minute per IP, then answers 429 with Retry-After; other IPs are not affected', async () => {
    const clock = new ManualClock(T0);
    const app = guarded({ clock });
    for (let i = 0; i < 60; i++) expect((await get(app)).status).toBe(200);
    const limited = await post(app);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ error: 'rate_limited', retryAfter: 1 });
    expect((await get(app, {}, '198.51.100.7')).status).toBe(200);
    clock.advance(1000);
    expect((await get(app)).status).toBe(200);
    expect((await get(app)).status).toBe(429);
    clock.advance(60_000);
    for (let i = 0; i < 60; i++) expect((await get(app)).status).toBe(200);
  });

  it('reports a longer wait for a lower limit', async () => {
    const app = guarded({ clock: new ManualClock(T0), requestsPerMinute: 2 });
    await get(app);
    await get(app);
    const res = await get(app);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
  });

  it('ignores X-Forwarded-For unless trustProxy is set, and then takes the hop our proxy appended', async () => {
    const clock = new ManualClock(T0);
    const direct = guarded({ clock, requestsPerMinute: 1 });
    expect((await get(direct, { 'x-forwarded-for': '1.1.1.1' })).status).toBe(200);
    // Spoofing the header does not buy a fresh budget.
    expect((await get(direct, { 'x-forwarded-for': '2.2.2.2' })).status).toBe(429);

    const proxied = guarded({ clock, requestsPerMinute: 1, trustProxy: true });
    const proxy = '127.0.0.1';
    expect((await get(proxied, { 'x-forwarded-for': '9.9.9.9, 198.51.100.1' }, proxy)).status).toBe(200);
    // Same client behind the proxy, a different forged first entry: still limited.
    expect((await get(proxied, { 'x-forwarded-for': '8.8.8.8, 198.51.100.1' }, proxy)).status).toBe(429);
    // Another client through the same proxy has its own budget.
    expect((await get(proxied, { 'x-forwarded-for': '198.51.100.2' }, proxy)).status).toBe(200);
  });

  it("in 'loopback' mode trusts X-Forwarded-For only from a proxy on this machine", async () => {
    const app = guarded({ clock: new ManualClock(T0), requestsPerMinute: 1, trustProxy: 'loopback' });
    expect((await get(app, { 'x-forwarded-for': '198.51.100.1' }, '127.0.0.1')).status).toBe(200);
    expect((await get(app, { 'x-forwarded-for': '198.51.100.2' }, '::1')).status).toBe(200);
    expect((await get(app, { 'x-forwarded-for': '198.51.100.1' }, '::ffff:127.0.0.1')).status).toBe(429);
    // A remote client cannot choose its key by sending the header itself.
    expect((await get(app, { 'x-forwarded-for': '10.0.0.1' }, '203.0.113.9')).status).toBe(200);
    expect((await get(app, { 'x-forwarded-for': '10.0.0.2' }, '203.0.113.9')).status).toBe(429);
  });

  it('groups IPv6 clients by /64 and treats IPv4-mapped addresses as IPv4', async () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('not an ip')).toBe('unknown');
    expect(clientKey(undefined)).toBe('unknown');
    const app = guarded({ clock: new ManualClock(T0), requestsPerMinute: 1 });
    expect((await get(app, {}, '2001:db8:1:2::a')).status).toBe(200);
    expect((await get(app, {}, '2001:db8:1:2::b')).status).toBe(429);
    expect((await get(app, {}, '2001:db8:1:3::a')).status).toBe(200);
  });

  it('can leave reads (the page polls every 3 s) out of the count', async () => {
    const app = guarded({ clock: new ManualClock(T0), requestsPerMinute: 2, limitReads: false });
    for (let i = 0; i < 10; i++) expect((await get(app)).status).toBe(200);
    expect((await post(app)).status).toBe(200);
    expect((await post(app)).status).toBe(200);
    expect((await post(app)).status).toBe(429);
  });
});

describe('web guard: Origin check', () => {
  it('accepts a POST from our own host or a configured origin, and refuses a foreign one with 403', async () => {
    const app = guarded({ allowedOrigins: ['https://aduan.kalselprov.go.id'] });
    expect((await post(app, { origin: `https://${HOST}` })).status).toBe(200);
    // Behind a TLS-terminating proxy the scheme differs: the host is what counts.
    expect((await post(app, { origin: `http://${HOST}` })).status).toBe(200);
    expect((await post(app, { origin: 'https://aduan.kalselprov.go.id' })).status).toBe(200);
    const foreign = await post(app, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: 'forbidden_origin' });
    expect((await post(app, { origin: 'null' })).status).toBe(403);
    expect((await post(app, { origin: `https://${HOST}.evil.example` })).status).toBe(403);
    expect((await post(app, { origin: 'https://aduan.kalselprov.go.id:8443' })).status).toBe(403);
    // Reads are not state changes: a foreign Origin on GET is left to the browser's CORS rules.
    expect((await get(app, { origin: 'https://evil.example' })).status).toBe(200);
  });

  it('without Origin, allows a POST only when Sec-Fetch-Site is same-origin, none, or absent', async () => {
    const app = guarded();
    expect((await post(app)).status).toBe(200);
    expect((await post(app, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post(app, { 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await post(app, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(app, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
  });

  it('trusts X-Forwarded-Host as our own host only behind a trusted proxy', async () => {
    const headers = { origin: 'https://public.example.id', 'x-forwarded-host': 'public.example.id' };
    expect((await post(guarded(), headers)).status).toBe(403);
    expect((await post(guarded({ trustProxy: true }), headers)).status).toBe(200);
  });

  it('does not count a refused origin against the rate limit', async () => {
    const app = guarded({ clock: new ManualClock(T0), requestsPerMinute: 1 });
    for (let i = 0; i < 5; i++)
      expect((await post(app, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(app, { origin: `https://${HOST}` })).status).toBe(200);
  });
});

describe('web guard in front of the real web chat API', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });

  it('lets a browser conversation through and stops a cross-site POST before the runtime', async () => {
    const harness = new Harness();
    h = harness;
    const app = new Hono();
    app.use('/api/chat/*', webGuard({ clock: harness.clock }));
    app.route(
      '/',
      createApp({
        handle: (m) => harness.core.runtime.handle(m),
        store: h.core.store,
        ids: h.core.ids,
        clock: h.clock,
        maxUploadBytes: 1024 * 1024,
        devSenders: false,
        log: { error: () => {} },
      }),
    );
    const browser = {
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-origin',
    };
    const first = await app.request('/api/chat/messages', {
      method: 'POST',
      headers: { ...browser, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'a1', text: 'halo' }),
    });
    expect(first.status).toBe(200);
    const body: unknown = await first.json();
    expect(body).toMatchObject({ replies: [{ expecting: 'consent' }] });

    const csrf = await app.request('/api/chat/messages', {
      method: 'POST',
      headers: { host: 'localhost:3000', origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x1', text: 'halo' }),
    });
    expect(csrf.status).toBe(403);
    expect(h.core.db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get()).toBe(1);
  });
});
