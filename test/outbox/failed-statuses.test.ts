// WhatsApp Cloud "failed" statuses acted on: 131047 closes the window and sends the message behind the template,
// rate limits retry later, anything else dead-letters with code and title; redelivered or unknown statuses change
// nothing more; each failure is counted once.
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionFor, failedStatusHandler } from '../../src/channels/wa-cloud/failed-statuses.js';
import { WaCloudChannel } from '../../src/channels/wa-cloud/wa-cloud-channel.js';
import { type OutboundChannel, SendError } from '../../src/outbox/outbound-channel.js';
import { DEFAULT_RETRY, OutboxSender } from '../../src/outbox/outbox-sender.js';
import { sqliteWaCloudStore } from '../../src/storage/wa-cloud-store.js';
import { TOKEN, postSigned, quiet, testConfig, webhookBody } from '../channels/wa-cloud/wa-cloud-helpers.js';
import { FakeGraphApi, type SentMessage } from '../fakes/graph-api.js';
import { Harness } from '../helpers/harness.js';

const CHAT = '6281234567890';
const HOUR = 60 * 60_000;

describe('the action for a failed delivery', () => {
  it('follows Meta’s codes: 131047 window, throttling codes retry, the rest dies', () => {
    expect(actionFor(131047)).toBe('window_closed');
    for (const code of [4, 80007, 130429, 131048, 131056]) expect(actionFor(code)).toBe('retry');
    for (const code of [131026, 131053, 130472, 131051, 131049, 131000, 368, null]) {
      expect(actionFor(code)).toBe('dead');
    }
  });
});

describe('WhatsApp Cloud failed statuses', () => {
  let h: Harness;
  let graph: FakeGraphApi;
  let channel: WaCloudChannel;
  let sender: OutboxSender;
  let app: Hono;
  let failed: [string, string][];
  let logged: { obj: object; msg: string }[];
  const wa = () => sqliteWaCloudStore(h.core.db);

  beforeEach(async () => {
    h = new Harness();
    graph = await FakeGraphApi.start({ token: TOKEN });
    failed = [];
    logged = [];
    const log = {
      warn: (obj: object, msg: string) => logged.push({ obj, msg }),
      error: (obj: object, msg: string) => logged.push({ obj, msg }),
    };
    const store = wa();
    channel = new WaCloudChannel({
      config: testConfig(graph.url),
      store,
      clock: h.clock,
      log: quiet,
      onStatus: failedStatusHandler({
        outbox: h.core.store.outbox,
        wa: store,
        tx: h.core.store.tx,
        clock: h.clock,
        policy: DEFAULT_RETRY,
        log,
        onFailed: (c, code) => failed.push([c, code]),
      }),
    });
    await channel.start(async (m) => {
      h.core.runtime.handle(m);
    });
    sender = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet);
    app = new Hono();
    app.route('/channels/wacloud', channel.routes());
    store.recordInbound(CHAT, h.clock.now()); // the citizen just wrote: the window is open
  });
  afterEach(async () => {
    await channel.stop();
    await graph.close();
    h.close();
  });

  /** A message for the citizen queued and sent; returns its outbox id and what went out. */
  const queue = async (text: string): Promise<{ id: number; sent: SentMessage[] }> => {
    const conv = h.core.store.conversations.findOrCreate('wacloud', CHAT, 'intake', 1, h.clock.now());
    const message = { text, choices: [], expecting: 'none' as const };
    const id = h.core.store.outbox.add(conv.id, 'wacloud', CHAT, null, message, h.clock.now());
    await sender.drain();
    return { id, sent: graph.takeSent() };
  };
  const status = async (wamid: string, kind: string, error?: { code: number; title: string }) => {
    const body = webhookBody({
      statuses: [
        {
          id: wamid,
          status: kind,
          timestamp: String(Math.floor(h.clock.now() / 1000)),
          recipient_id: CHAT,
          ...(error ? { errors: [{ ...error, message: error.title }] } : {}),
        },
      ],
    });
    const res = await postSigned(app, body);
    expect(res.status).toBe(200);
  };
  const row = (id: number) =>
    h.core.db
      .prepare(
        'SELECT status, attempts, next_attempt_at AS due, platform_message_id AS wamid, last_error FROM outbox WHERE id = ?',
      )
      .get(id);

  it('131047: the window is closed after all; the message goes behind the template, unspent, once', async () => {
    const { id, sent } = await queue('Tiket Anda: ADU-2611-4K7Q');
    const wamid = sent[0]?.wamid ?? '';
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 1, wamid });
    h.clock.advance(1000);
    await status(wamid, 'failed', { code: 131047, title: 'Re-engagement message' });
    expect(row(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      last_error: '131047 Re-engagement message',
    });
    expect(wa().lastInbound(CHAT)).toBeNull();

    await sender.drain();
    const again = graph.takeSent();
    expect(again.map((s) => s.body.type)).toEqual(['template']);
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 1, wamid: again[0]?.wamid });

    // Meta redelivers the webhook: nothing more happens.
    await status(wamid, 'failed', { code: 131047, title: 'Re-engagement message' });
    await sender.drain();
    expect(graph.takeSent()).toEqual([]);
    expect(row(id)).toMatchObject({ status: 'sent', wamid: again[0]?.wamid });
    expect(failed).toEqual([['wacloud', '131047']]);

    // Held behind the template, once: it goes out when the citizen answers.
    expect(
      wa()
        .takeHeld(CHAT)
        .map((m) => m.text),
    ).toEqual(['Tiket Anda: ADU-2611-4K7Q']);
  });

  it('131047 leaves the window open when the citizen wrote after the failed send', async () => {
    const { id, sent } = await queue('Kabar');
    h.clock.advance(60_000);
    wa().recordInbound(CHAT, h.clock.now());
    await status(sent[0]?.wamid ?? '', 'failed', { code: 131047, title: 'Re-engagement message' });
    expect(wa().lastInbound(CHAT)).toBe(h.clock.now());
    await sender.drain();
    expect(graph.takeSent().map((s) => s.body.type)).toEqual(['text']);
    expect(row(id)).toMatchObject({ status: 'sent' });
  });

  it('rate limits (130429, 131056, …): sent again later with backoff, the attempt spent', async () => {
    const { id, sent } = await queue('Kabar');
    const wamid = sent[0]?.wamid ?? '';
    const now = h.clock.now();
    await status(wamid, 'failed', {
      code: 131056,
      title: '(Business Account, Consumer Account) pair rate limit hit',
    });
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 1, due: now + 6000 });
    await status(wamid, 'failed', { code: 131056, title: 'pair rate limit hit' }); // redelivered
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 1, due: now + 6000 });
    await sender.drain();
    expect(graph.takeSent()).toEqual([]);
    h.clock.advance(6000);
    await sender.drain();
    const again = graph.takeSent();
    expect(again.map((s) => s.body.type)).toEqual(['text']);
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 2, wamid: again[0]?.wamid });
    expect(failed).toEqual([['wacloud', '131056']]);
  });

  it('a rate limit after the last attempt dead-letters the message', async () => {
    const { id, sent } = await queue('Kabar');
    h.core.db.prepare('UPDATE outbox SET attempts = ? WHERE id = ?').run(DEFAULT_RETRY.maxAttempts, id);
    await status(sent[0]?.wamid ?? '', 'failed', { code: 130429, title: 'Rate limit hit' });
    expect(row(id)).toMatchObject({ status: 'dead', last_error: '130429 Rate limit hit' });
  });

  it('anything else (131026, 131053, 130472, 131051…): dead with "code title", logged without text or phone', async () => {
    const { id, sent } = await queue('Tiket Anda: ADU-2611-4K7Q');
    const wamid = sent[0]?.wamid ?? '';
    const title = 'Receiver is incapable of receiving this message';
    await status(wamid, 'failed', { code: 131026, title });
    await status(wamid, 'failed', { code: 131026, title });
    expect(row(id)).toMatchObject({ status: 'dead', attempts: 1, last_error: `131026 ${title}` });
    expect(h.core.store.outbox.dead().map((e) => e.id)).toEqual([id]);
    expect(failed).toEqual([['wacloud', '131026']]);
    const dead = logged.filter((l) => l.msg.includes('dead-lettered'));
    expect(dead).toHaveLength(1);
    const text = JSON.stringify(logged);
    expect(text).not.toContain(CHAT);
    expect(text).not.toContain('ADU-2611');
  });

  it('records a status for a wamid it does not know, and a failure after "read", without acting', async () => {
    await status('wamid.someone-elses', 'failed', { code: 131026, title: 'Message undeliverable' });
    expect(wa().status('wamid.someone-elses')).toMatchObject({ status: 'failed', errorCode: 131026 });
    const { id, sent } = await queue('Kabar');
    const wamid = sent[0]?.wamid ?? '';
    await status(wamid, 'read');
    await status(wamid, 'delivered'); // out of order: stays read
    await status(wamid, 'failed', { code: 131026, title: 'Message undeliverable' });
    expect(row(id)).toMatchObject({ status: 'sent', wamid });
    expect(h.core.store.outbox.dead()).toEqual([]);
  });

  it('a template that failed takes its held message back: sent again later (rate) or dead, never twice', async () => {
    h.clock.advance(25 * HOUR); // the window is closed: the message goes behind the template
    const first = await queue('Kabar satu');
    expect(first.sent.map((s) => s.body.type)).toEqual(['template']);
    const template = first.sent[0]?.wamid ?? '';
    await status(template, 'failed', { code: 130429, title: 'Rate limit hit' });
    expect(wa().takeHeld(CHAT)).toEqual([]); // the held copy was taken back (takeHeld would empty it anyway)
    expect(row(first.id)).toMatchObject({ status: 'pending', attempts: 1 });
    h.clock.advance(5000);
    await sender.drain();
    const again = graph.takeSent();
    expect(again.map((s) => s.body.type)).toEqual(['template']); // announced again
    expect(row(first.id)).toMatchObject({ status: 'sent', wamid: again[0]?.wamid });

    await status(again[0]?.wamid ?? '', 'failed', { code: 131026, title: 'Message undeliverable' });
    expect(row(first.id)).toMatchObject({ status: 'dead', last_error: '131026 Message undeliverable' });
    expect(wa().takeHeld(CHAT)).toEqual([]); // not held: an operator's redelivery cannot send it twice
  });
});

describe('dead-lettered sends are counted with the platform’s code', () => {
  it('counts Meta’s or Telegram’s code, "error" when there is none', async () => {
    const h = new Harness();
    const errors = [
      new SendError('HTTP 400 (#131026) undeliverable', false, undefined, { code: '131026' }),
      new Error('boom'),
    ];
    const channel: OutboundChannel = {
      channel: 'wacloud',
      send: async () => {
        throw errors.shift();
      },
    };
    const failed: [string, string][] = [];
    const sender = new OutboxSender(
      h.core.store.outbox,
      [channel],
      h.clock,
      quiet,
      { maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000, leaseMs: 60_000 },
      { onFailed: (c, code) => failed.push([c, code]) },
    );
    const conv = h.core.store.conversations.findOrCreate('wacloud', CHAT, 'intake', 1, h.clock.now());
    const m = { text: 'Kabar', choices: [], expecting: 'none' as const };
    h.core.store.outbox.add(conv.id, 'wacloud', CHAT, null, m, h.clock.now());
    h.core.store.outbox.add(conv.id, 'wacloud', '6289999', null, m, h.clock.now());
    await sender.drain();
    expect(failed.sort()).toEqual([
      ['wacloud', '131026'],
      ['wacloud', 'error'],
    ]);
    h.close();
  });
});
