// The webhook method against a receiver on loopback: headers, signature, acknowledgement, and each kind of failure.
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { type SecretRef, WebhookDestination } from '../../src/domain/destination.js';
import type { DeliveryJob } from '../../src/forwarding/method.js';
import { WebhookMethod } from '../../src/forwarding/webhook.js';
import { FakeWebhookReceiver } from '../fakes/webhook-receiver.js';
import { SECRET, T0, payloadOf } from './fixtures.js';

const job = (url: string, secret: SecretRef = SECRET): DeliveryJob => ({
  deliveryId: 1,
  idempotencyKey: 'aduan-ADN-0001-pupr-bjm-utama',
  attempt: 2,
  agency: { id: 'pupr-bjm', name: 'Dinas PUPR Kota Banjarmasin' },
  destination: WebhookDestination.parse({ id: 'utama', method: 'webhook', url, secret }),
  payload: payloadOf('ADN-0001'),
});

/** A one-route server answering whatever `answer` returns: for redirects and odd bodies. */
function tinyServer(answer: () => Response): Promise<{ url: string; close: () => void }> {
  const app = new Hono();
  app.post('/hook', answer);
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}/hook`, close: () => server.close() }),
    );
  });
}

describe('webhook method', () => {
  let clock: ManualClock;
  let receiver: FakeWebhookReceiver;
  let method: WebhookMethod;
  beforeEach(async () => {
    clock = new ManualClock(T0);
    receiver = await FakeWebhookReceiver.start({ secret: SECRET, now: () => clock.now() });
    method = new WebhookMethod({ secrets: { ADUAN_SECRET_PUPR: SECRET }, clock });
  });
  afterEach(() => receiver.close());

  it('POSTs the signed payload with its headers; the 2xx and its id are the acknowledgement', async () => {
    const outcome = await method.deliver(job(receiver.url), AbortSignal.timeout(5000));
    expect(outcome).toEqual({ ok: true, remoteId: 'AG-1' });
    expect(receiver.arrivals).toEqual([
      {
        key: 'aduan-ADN-0001-pupr-bjm-utama',
        attempt: 2,
        signatureOk: true,
        userAgent: 'Aduan/1',
        contentType: 'application/json',
        answer: 'stored',
      },
    ]);
    expect(receiver.stored.get('aduan-ADN-0001-pupr-bjm-utama')).toEqual(payloadOf('ADN-0001'));
  });

  it('resolves a secret named by its environment variable; an unset one is retried, not sent unsigned', async () => {
    expect(
      await method.deliver(job(receiver.url, { env: 'ADUAN_SECRET_PUPR' }), AbortSignal.timeout(5000)),
    ).toEqual({
      ok: true,
      remoteId: 'AG-1',
    });
    const unset = await method.deliver(
      job(receiver.url, { env: 'ADUAN_SECRET_NONE' }),
      AbortSignal.timeout(5000),
    );
    expect(unset).toEqual({
      ok: false,
      retryable: true,
      error: 'ADUAN_SECRET_NONE is not set: the webhook cannot be signed',
    });
    expect(receiver.arrivals).toHaveLength(1);
  });

  it('retries 5xx and 429 (with its Retry-After); a 400 is final, with the receiver’s words', async () => {
    receiver.answer(
      { status: 500 },
      { status: 429, retryAfterSec: 120 },
      { status: 400, body: 'field "x" wrong' },
    );
    const signal = () => AbortSignal.timeout(5000);
    expect(await method.deliver(job(receiver.url), signal())).toEqual({
      ok: false,
      retryable: true,
      error: 'HTTP 500 Internal Server Error: failure 500',
    });
    expect(await method.deliver(job(receiver.url), signal())).toEqual({
      ok: false,
      retryable: true,
      error: 'HTTP 429 Too Many Requests: failure 429',
      retryAfterMs: 120_000,
    });
    expect(await method.deliver(job(receiver.url), signal())).toEqual({
      ok: false,
      retryable: false,
      error: 'HTTP 400 Bad Request: field "x" wrong',
    });
    expect(receiver.stored.size).toBe(0);
  });

  it('reports a receiver that is down or too slow as retryable', async () => {
    await receiver.down();
    const down = await method.deliver(job(receiver.url), AbortSignal.timeout(5000));
    expect(down).toEqual({ ok: false, retryable: true, error: 'network error: ECONNREFUSED' });
    await receiver.up();
    receiver.answer({ slowMs: 600 });
    const slow = await method.deliver(job(receiver.url), AbortSignal.timeout(200));
    expect(slow).toEqual({ ok: false, retryable: true, error: 'no answer before the timeout' });
  });

  it('does not follow a redirect (the signed ticket stays with the configured URL)', async () => {
    const tiny = await tinyServer(
      () => new Response(null, { status: 301, headers: { Location: 'http://x.test/' } }),
    );
    try {
      expect(await method.deliver(job(tiny.url), AbortSignal.timeout(5000))).toEqual({
        ok: false,
        retryable: false,
        error: "HTTP 301 Moved Permanently: redirects to http://x.test/; update the destination's URL",
      });
    } finally {
      tiny.close();
    }
  });

  it('takes any 2xx without a readable id as delivered', async () => {
    const tiny = await tinyServer(() => new Response('OK', { status: 202 }));
    try {
      expect(await method.deliver(job(tiny.url), AbortSignal.timeout(5000))).toEqual({
        ok: true,
        remoteId: null,
      });
    } finally {
      tiny.close();
    }
  });
});
