// A webhook-mode channel that fails (the Bot API down, getMe or setWebhook refused at start) comes back by itself:
// nothing else would ask Telegram again, since the sender sends nothing through a channel that is not connected.
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramUser } from '../../fakes/telegram-bot-api.js';
import { type Rig, rig } from './telegram-rig.js';

const PROBE = { min: 20, max: 40 };

describe('Telegram channel (recovery in webhook mode)', () => {
  let r: Rig;
  afterEach(async () => {
    await r.close();
  });

  const post = (app: Hono, update: unknown, secret: string) =>
    app.request('/channels/telegram/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    });

  it('asks Telegram again after an outage and sends what waited, without a restart', async () => {
    r = await rig({ mode: 'webhook', channel: { probeBackoffMs: PROBE } });
    const service = new Hono().route('/channels/telegram', r.channel.routes());
    const secret = r.settings.webhookSecret ?? '';
    const user = new TelegramUser(6660101, 'Rina');
    // The reply to /start fails: a 502 from the Bot API, as in an outage.
    r.fake.failNext('sendMessage', 502, 'Bad Gateway');
    // The probe's first getMe fails too: the outage lasts a while.
    r.fake.failNext('getMe', 502, 'Bad Gateway');
    const getMeBefore = r.fake.callsTo('getMe').length;
    expect((await post(service, { update_id: 1, ...user.text('/start') }, secret)).status).toBe(200);
    await r.until(() => r.channel.state() === 'failing', 'the channel failing');
    const sentBefore = r.fake.callsTo('sendMessage').length;
    // The citizen writes again meanwhile: committed, its reply waits in the outbox.
    expect((await post(service, { update_id: 2, ...user.text('halo') }, secret)).status).toBe(200);
    await r.until(() => r.channel.state() === 'connected', 'the channel back', 5000);
    // It was the probe that found Telegram again (two getMe: one refused, one answered), not a send.
    expect(r.fake.callsTo('getMe').length - getMeBefore).toBeGreaterThanOrEqual(2);
    expect(r.fake.callsTo('sendMessage')).toHaveLength(sentBefore);
    // The replies that waited go out once the sender's next look finds them due: the failed one after its backoff
    // (the harness's clock), the next one behind it.
    r.h.clock.advance(60_000);
    await r.until(() => r.outboxBusy() === 0, 'every reply sent');
    expect(r.fake.callsTo('sendMessage').length).toBeGreaterThan(sentBefore);
  }, 30_000);

  it('comes back after getMe failed at start', async () => {
    r = await rig({
      mode: 'webhook',
      channel: { probeBackoffMs: PROBE },
      beforeStart: (fake) => fake.failNext('getMe', 500, 'Internal Server Error'),
    });
    expect(r.channel.state()).toBe('failing');
    await r.until(() => r.channel.state() === 'connected', 'the channel connected');
  });

  it('sets the webhook again when Telegram refused it at start, before it counts as connected', async () => {
    r = await rig({
      mode: 'webhook',
      webhookUrl: 'https://aduan.example.id/channels/telegram/webhook',
      channel: { probeBackoffMs: PROBE },
      beforeStart: (fake) => {
        fake.failNext('setWebhook', 502, 'Bad Gateway');
        fake.failNext('setWebhook', 502, 'Bad Gateway');
      },
    });
    expect(r.channel.state()).toBe('failing');
    await r.until(() => r.channel.state() === 'connected', 'the channel connected');
    const calls = r.fake.callsTo('setWebhook');
    expect(calls).toHaveLength(3);
    expect(calls.at(-1)?.body).toMatchObject({
      url: 'https://aduan.example.id/channels/telegram/webhook',
      secret_token: r.settings.webhookSecret,
    });
  });

  it('leaves polling mode to its own loop', async () => {
    r = await rig({
      mode: 'polling',
      channel: { probeBackoffMs: PROBE },
      beforeStart: (fake) => fake.failNext('getMe', 500, 'Internal Server Error'),
    });
    // getUpdates answers, so the polling loop marks the channel connected; the probe never asked.
    await r.until(() => r.channel.state() === 'connected', 'the channel connected');
    expect(r.fake.callsTo('getMe')).toHaveLength(1);
  });
});
