// aduan_outbox_failed_total{channel,code}: the counter itself, and the service counting WhatsApp failed statuses
// and dead-lettered sends through its real wiring (fake Graph and Bot APIs at the network edge).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import { type Service, buildService } from '../../src/app/service.js';
import { signBody } from '../../src/channels/wa-cloud/signature.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { sqliteWaCloudStore } from '../../src/storage/wa-cloud-store.js';
import { FakeGraphApi } from '../fakes/graph-api.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';

const WA_SECRET = 'metric-app-secret';
const WA_TOKEN = 'EAAG-metric-token';
const PHONE_ID = '106540352242922';
const CHAT = '6281234567890';

/** The value of one sample line, e.g. `aduan_outbox_failed_total{channel="wacloud",code="131026"}`. */
function sample(text: string, series: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return null;
}

describe('aduan_outbox_failed_total', () => {
  it('counts per channel and code', async () => {
    const m = createMetrics(
      { outbox: () => [], conversationStates: () => [], ticketStatuses: () => [] },
      { defaultMetrics: false },
    );
    m.outboxFailed('wacloud', '131026');
    m.outboxFailed('wacloud', '131026');
    m.outboxFailed('telegram', 'blocked');
    const text = await m.registry.metrics();
    expect(sample(text, 'aduan_outbox_failed_total{channel="wacloud",code="131026"}')).toBe(2);
    expect(sample(text, 'aduan_outbox_failed_total{channel="telegram",code="blocked"}')).toBe(1);
  });

  describe('in the service', () => {
    let service: Service;
    let graph: FakeGraphApi;
    let tg: FakeTelegram;
    let base: string;
    beforeAll(async () => {
      graph = await FakeGraphApi.start({ token: WA_TOKEN });
      tg = await new FakeTelegram().start();
      const config = loadConfig({
        PORT: '0',
        DATA_DIR: join(mkdtempSync(join(tmpdir(), 'aduan-metric-')), 'data'),
        LOG_LEVEL: 'silent',
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_SECRET: 'metric_secret',
        WACLOUD_PHONE_NUMBER_ID: PHONE_ID,
        WACLOUD_ACCESS_TOKEN: WA_TOKEN,
        WACLOUD_APP_SECRET: WA_SECRET,
        WACLOUD_VERIFY_TOKEN: 'metric-verify',
        WACLOUD_GRAPH_URL: graph.url,
        WACLOUD_TEMPLATE_NAME: 'aduan_update',
      });
      service = buildService({ config, log: createLogger('silent') });
      await service.start();
      base = `http://127.0.0.1:${service.port}`;
    }, 30_000);
    afterAll(async () => {
      await service?.stop();
      await Promise.all([graph?.close(), tg?.close()]);
    });

    const queue = (channel: string, chatId: string): number => {
      const { store } = service;
      const conv = store.conversations.findOrCreate(channel, chatId, 'intake', 1, Date.now());
      const message = { text: 'Kabar', choices: [], expecting: 'none' as const };
      return store.outbox.add(conv.id, channel, chatId, null, message, Date.now());
    };
    const metrics = async () => (await fetch(`${base}/metrics`)).text();

    it('counts a WhatsApp failed status once, and a dead-lettered Telegram send by its code', async () => {
      sqliteWaCloudStore(service.db).recordInbound(CHAT, Date.now()); // the window is open
      const id = queue('wacloud', CHAT);
      await service.sender.drain();
      const wamid = graph.takeSent()[0]?.wamid ?? '';
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '628115000000', phone_number_id: PHONE_ID },
                  statuses: [
                    {
                      id: wamid,
                      status: 'failed',
                      timestamp: String(Math.floor(Date.now() / 1000)),
                      recipient_id: CHAT,
                      errors: [{ code: 131026, title: 'Message undeliverable' }],
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${base}/channels/wacloud/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, WA_SECRET) },
          body: raw,
        });
        expect(res.status).toBe(200);
      }
      expect(service.store.outbox.get(id)?.status).toBe('dead');

      tg.failNext('sendMessage', 400, 'Bad Request: chat not found');
      const tgId = queue('telegram', '7770001');
      await service.sender.drain();
      expect(service.store.outbox.get(tgId)?.status).toBe('dead');

      const text = await metrics();
      expect(sample(text, 'aduan_outbox_failed_total{channel="wacloud",code="131026"}')).toBe(1);
      expect(sample(text, 'aduan_outbox_failed_total{channel="telegram",code="400"}')).toBe(1);
    });
  });
});
