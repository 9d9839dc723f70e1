// A test rig: the fake Bot API, a Harness runtime, an OutboxSender draining into a real-telegraf TelegramChannel.
import type { Deliver } from '../../../src/channels/channel.js';
import type { OfficerDesk } from '../../../src/channels/telegram/officer-relay.js';
import {
  TelegramChannel,
  type TelegramChannelOptions,
} from '../../../src/channels/telegram/telegram-channel.js';
import type { TelegramSettings } from '../../../src/channels/telegram/telegram-config.js';
import type { InboundMessage } from '../../../src/conversation/inbound.js';
import { OutboxSender } from '../../../src/outbox/outbox-sender.js';
import { FakeTelegram } from '../../fakes/telegram-bot-api.js';
import { Harness } from '../../helpers/harness.js';

const quiet = { warn: () => {}, error: () => {}, info: () => {} };

export type Rig = {
  fake: FakeTelegram;
  h: Harness;
  channel: TelegramChannel;
  sender: OutboxSender;
  delivered: InboundMessage[];
  /** Makes the next deliver calls throw (a database failure). */
  failDeliveries: { count: number };
  settings: TelegramSettings;
  inboundCount(): number;
  outboxBusy(): number;
  /** Polls (draining the outbox as the service's sweep would) until `cond` holds. */
  until(cond: () => boolean, what?: string, timeoutMs?: number): Promise<void>;
  /** Pushes an update and waits until it is committed and its replies are sent; returns the new sendMessage texts. */
  say(update: Record<string, unknown>): Promise<string[]>;
  close(): Promise<void>;
};

export async function rig(
  opts: {
    mode?: 'polling' | 'webhook';
    maxFileBytes?: number;
    channel?: Partial<TelegramChannelOptions>;
    /** The officer desk, built over the rig's harness (ticket buttons, `/balas`, `/tautkan`). */
    officerDesk?: (h: Harness) => OfficerDesk;
    /** Webhook mode: the URL the channel registers with setWebhook at start (none by default). */
    webhookUrl?: string;
    /** Runs on the fake before the channel starts (e.g. a getMe that fails). */
    beforeStart?: (fake: FakeTelegram) => void;
  } = {},
): Promise<Rig> {
  const fake = await new FakeTelegram().start();
  const h = new Harness();
  const settings: TelegramSettings = {
    token: fake.token,
    mode: opts.mode ?? 'polling',
    webhookSecret: opts.mode === 'webhook' ? 'test_secret-123' : null,
    webhookUrl: opts.webhookUrl ?? null,
    apiRoot: fake.apiRoot,
    maxFileBytes: opts.maxFileBytes ?? 1024 * 1024,
    officerChatIds: ['-100777'],
  };
  const channel = new TelegramChannel({
    settings,
    log: quiet,
    pollTimeoutSec: 2,
    albumWaitMs: 150,
    rateLimit: { perChat: { perSecond: 1000, burst: 1000 }, overall: { perSecond: 1000, burst: 1000 } },
    ...(opts.officerDesk ? { officerDesk: opts.officerDesk(h) } : {}),
    ...opts.channel,
  });
  const sender = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet);
  const delivered: InboundMessage[] = [];
  const failDeliveries = { count: 0 };
  const deliver: Deliver = async (m) => {
    if (failDeliveries.count > 0) {
      failDeliveries.count--;
      throw new Error('database is locked');
    }
    delivered.push(m);
    h.core.runtime.handle(m);
    void sender.drain();
  };
  opts.beforeStart?.(fake);
  await channel.start(deliver);
  const count = (sql: string) => {
    const row = h.core.db.prepare(sql).get();
    return row && typeof row === 'object' && 'n' in row ? Number(row.n) : 0;
  };
  const r: Rig = {
    fake,
    h,
    channel,
    sender,
    delivered,
    failDeliveries,
    settings,
    inboundCount: () => count('SELECT COUNT(*) AS n FROM inbound_messages'),
    outboxBusy: () => count(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`),
    async until(cond, what = 'condition', timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!cond()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sender.drain();
        await new Promise((res) => setTimeout(res, 5));
      }
    },
    async say(update) {
      const before = fake.sentTexts().length;
      const inbound = r.inboundCount();
      fake.push(update);
      await r.until(
        () => r.inboundCount() > inbound && r.outboxBusy() === 0 && fake.sentTexts().length > before,
        `replies to ${JSON.stringify(update).slice(0, 120)}`,
      );
      return fake.sentTexts().slice(before);
    },
    async close() {
      await channel.stop();
      await sender.drain();
      await fake.close();
      h.close();
    },
  };
  return r;
}

/** The inline keyboard's callback data of the last message sent. */
export function lastButtons(fake: FakeTelegram): string[] {
  const markup = fake.callsTo('sendMessage').at(-1)?.body.reply_markup;
  if (typeof markup !== 'object' || markup === null || !('inline_keyboard' in markup)) return [];
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows
    .flat()
    .flatMap((b: unknown) =>
      typeof b === 'object' && b !== null && 'callback_data' in b && typeof b.callback_data === 'string'
        ? [b.callback_data]
        : [],
    );
}

/** A small JPEG-looking file (the magic bytes, then a marker so each file differs). */
export function jpeg(marker: number, size = 64): Uint8Array {
  const data = new Uint8Array(size);
  data.set([0xff, 0xd8, 0xff, 0xe0]);
  data[4] = marker;
  return data;
}
