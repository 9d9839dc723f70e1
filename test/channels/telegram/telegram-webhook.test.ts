// The webhook route: the secret header (403 without), 200 only once committed, 500 so Telegram redelivers.
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/locales.js';
import { TelegramUser } from '../../fakes/telegram-bot-api.js';
import { type Rig, lastButtons, rig } from './telegram-rig.js';

describe('Telegram channel (webhook)', () => {
  let r: Rig;
  afterEach(async () => {
    await r.close();
  });

  const post = (app: Hono, update: unknown, secret?: string) =>
    app.request('/channels/telegram/webhook', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(update),
    });

  it('checks the secret, commits before answering 200, and runs a conversation', async () => {
    r = await rig({ mode: 'webhook' });
    const service = new Hono().route('/channels/telegram', r.channel.routes());
    const user = new TelegramUser(6660001, 'Wati');
    // No polling in webhook mode.
    expect(r.fake.callsTo('getUpdates')).toHaveLength(0);
    expect(r.fake.callsTo('deleteWebhook')).toHaveLength(0);

    const update = { update_id: 1, ...user.text('/start') };
    expect((await post(service, update)).status).toBe(403);
    expect((await post(service, update, 'wrong-secret')).status).toBe(403);
    expect(r.inboundCount()).toBe(0);

    const res = await post(service, update, r.settings.webhookSecret ?? '');
    expect(res.status).toBe(200);
    expect(r.inboundCount()).toBe(1); // committed by the time Telegram hears 200
    await r.until(() => r.outboxBusy() === 0 && r.fake.sentTexts().length > 0, 'the consent question');
    expect(
      r.fake
        .sentTexts()
        .join('\n')
        .replace(/<\/?b>/g, ''),
    ).toContain(t('id', 'ask.consent'));
    expect(lastButtons(r.fake)).toContain('yes');

    // Telegram delivers the same update twice: processed once.
    const sent = r.fake.sentTexts().length;
    expect((await post(service, update, r.settings.webhookSecret ?? '')).status).toBe(200);
    await r.sender.drain();
    expect(r.inboundCount()).toBe(1);
    expect(r.fake.sentTexts()).toHaveLength(sent);

    const tap = { update_id: 2, ...user.tap('yes') };
    expect((await post(service, tap, r.settings.webhookSecret ?? '')).status).toBe(200);
    await r.until(
      () => r.outboxBusy() === 0 && r.fake.sentTexts().join().includes('ceritakan'),
      'the story prompt',
    );
    expect(r.fake.callsTo('answerCallbackQuery')).toHaveLength(1);
  });

  it('answers 500 when the message could not be committed, so Telegram sends it again', async () => {
    r = await rig({ mode: 'webhook' });
    const app = new Hono().route('/channels/telegram', r.channel.routes());
    const user = new TelegramUser(6660002, 'Udin');
    const update = { update_id: 5, ...user.text('halo') };
    r.failDeliveries.count = 1;
    expect((await post(app, update, r.settings.webhookSecret ?? '')).status).toBe(500);
    expect(r.inboundCount()).toBe(0);
    expect((await post(app, update, r.settings.webhookSecret ?? '')).status).toBe(200);
    expect(r.inboundCount()).toBe(1);
    // Something that is not an update is acknowledged and dropped; a body that is not JSON is refused.
    expect((await post(app, { hello: 'world' }, r.settings.webhookSecret ?? '')).status).toBe(200);
    const broken = await app.request('/channels/telegram/webhook', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': r.settings.webhookSecret ?? '',
      },
      body: 'not json{',
    });
    expect(broken.status).toBe(400);
    expect(r.inboundCount()).toBe(1);
  });
});
