// Security headers through app.request: every page and API answer has them; a platform's webhook answer does not.
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/channels/channel.js';
import { createApp } from '../../src/http/app.js';
import { Harness } from '../helpers/harness.js';

/** A channel with a webhook and an operator's page, as the platform channels mount them at /channels/<name>. */
function fakeChannel(): ChannelAdapter {
  return {
    channel: 'fake',
    start: async () => {},
    stop: async () => {},
    state: () => 'connected',
    send: async () => ({ platformMessageId: null }),
    routes: () => {
      const app = new Hono();
      app.post('/webhook', (c) => c.json({ ok: true }));
      app.get('/webhook', (c) => c.text('challenge'));
      app.get('/qr', (c) => c.html('<p>scan</p>'));
      return app;
    },
  };
}

describe('security headers', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });

  const app = () => {
    const harness = new Harness();
    h = harness;
    return createApp({
      handle: (m) => harness.core.runtime.handle(m),
      store: harness.core.store,
      ids: harness.core.ids,
      clock: harness.clock,
      maxUploadBytes: 1024 * 1024,
      devSenders: false,
      log: { error: () => {} },
      channels: [fakeChannel()],
    });
  };

  it('protects the pages, the API and a channel’s operator page, and leaves the webhooks’ answers bare', async () => {
    const a = app();
    for (const path of ['/', '/healthz', '/channels/fake/qr', '/channels/fake/webhook/extra']) {
      const res = await a.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    for (const method of ['POST', 'GET']) {
      const res = await a.request('/channels/fake/webhook', { method });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy'), method).toBeNull();
      expect(res.headers.get('x-content-type-options'), method).toBeNull();
    }
  });
});
