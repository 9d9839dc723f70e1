// No NIK, phone number, name, message text or bot token reaches the log, whatever the service hands the logger.
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import type { ChannelAdapter } from '../../src/channels/channel.js';
import { createApp } from '../../src/http/app.js';
import { createRedactingLogger, scrubText } from '../../src/observability/redacting-logger.js';
import { SendError } from '../../src/outbox/outbound-channel.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const NIK = '6371045708900001';
const NAME = 'Siti Rahmah';
const TOKEN = '7012345678:AAH-x9secretTokenValue_Zq';
const BOT_URL = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
/** A WhatsApp chat id carries the phone number. */
const WA_CHAT = '6281234567890@c.us';

/** Everything the log must never contain. */
const FORBIDDEN: RegExp[] = [
  /\d{16}/, // a NIK
  /6371[ .-]?0457[ .-]?0890[ .-]?0001/,
  /(?:\+62|\b62|\b0)[ .-]?8\d{2}[ .-]?\d{3,4}[ .-]?\d{3,4}/, // a mobile number, any spelling
  /Siti Rahmah/i,
  /secretTokenValue/,
  /7012345678:/,
];

function memoryStream(): { stream: pino.DestinationStream; lines: () => string[] } {
  const chunks: string[] = [];
  return { stream: { write: (s: string) => void chunks.push(s) }, lines: () => chunks.join('').split('\n') };
}

/**
 * Runs the first transcript through the runtime and logs, through `log`, what the service and a careless caller
 * log: handle results (replies with the summary), a dead letter whose channel error has the bot URL, an HTTP
 * error with its path, a channel error, fields at the top level and nested, a child logger, an interpolation.
 */
async function scenario(log: Logger, h: Harness): Promise<string[]> {
  const dialogue = DIALOGUES[0];
  if (!dialogue) throw new Error('no dialogue');
  const said: string[] = [];
  const chatLog = log.child({ chatId: WA_CHAT, channel: 'simulate' });
  let seq = 0;
  for (const turn of dialogue.turns) {
    if (!('say' in turn)) continue;
    const text = typeof turn.say === 'string' ? turn.say : (turn.say.text ?? '');
    said.push(text);
    const result = h.core.runtime.handle({
      channel: 'simulate',
      chatId: WA_CHAT,
      messageId: `m${++seq}`,
      text,
      channelPhone: '+6281234567890',
    });
    for (const o of result.outgoing) h.core.store.outbox.markSent(o.id, h.clock.now(), null);
    // Careless: the whole result, replies with their texts three levels down, and the inbound message itself.
    chatLog.debug({ result, inbound: { message: { text, from: { name: NAME, phone: '0812-3456-7890' } } } });
  }
  expect(h.complaints()).toHaveLength(1);

  // A real dead letter: the sender logs the channel's error message as `reason`.
  const conv = h.core.store.conversations.find('simulate', WA_CHAT);
  if (!conv) throw new Error('no conversation');
  h.core.store.outbox.add(
    conv.id,
    'telegram',
    WA_CHAT,
    null,
    { text: `Ringkasan: ${NAME}, NIK ${NIK}`, choices: [], expecting: 'none' },
    h.clock.now(),
  );
  const failing = {
    channel: 'telegram',
    send: async () => {
      throw new SendError(`request to ${BOT_URL} failed: chat_id=${WA_CHAT} text=${NIK}`, false);
    },
  };
  const sender = new OutboxSender(h.core.store.outbox, [failing], h.clock, log);
  await sender.drain();
  expect(h.core.store.outbox.dead()).toHaveLength(1);

  // A real HTTP error: the app's error mapper logs the error and the request path.
  const boom: ChannelAdapter = {
    channel: 'telegram',
    send: failing.send,
    start: async () => {},
    stop: async () => {},
    state: () => 'connected',
    routes: () =>
      new Hono().post('/webhook', () => {
        throw new TypeError(`GET ${BOT_URL.replace('sendMessage', 'getFile')} failed for ${WA_CHAT} ${NIK}`);
      }),
  };
  const app = createApp({
    handle: (m) => h.core.runtime.handle(m),
    store: h.core.store,
    ids: h.core.ids,
    clock: h.clock,
    maxUploadBytes: 1024,
    devSenders: false,
    log,
    channels: [boom],
  });
  expect((await app.request('/channels/telegram/webhook', { method: 'POST' })).status).toBe(500);

  // What channels log: an error object and a message naming the bot URL.
  const channelErr = new Error(`getUpdates: connect ETIMEDOUT ${BOT_URL}`);
  log.error({ channel: 'telegram', err: channelErr }, `telegram getUpdates failed: ${BOT_URL}`);
  log.warn(channelErr);
  log.warn({ err: { message: `401 from ${BOT_URL}`, url: BOT_URL } }, 'telegram send failed');
  log.warn('wacloud: access_token=EAAGsecretTokenValue in %s for %s', BOT_URL, WA_CHAT);

  // Personal fields at the top level and nested, as a careless caller might log them.
  const person = { text: said[2], name: NAME, nik: NIK, phone: '+6281234567890', chatId: WA_CHAT };
  log.info(person, 'inbound');
  log.info({ nested: person, deeper: { a: { b: { c: person } } }, list: [person] }, 'nested');
  log.info({ nik: Number(NIK), phone: 6281234567890 }, 'as numbers');
  log.info({ outboxId: 12, channel: 'telegram', attempts: 3 }, 'plain ids stay');
  return said;
}

function leaks(lines: string[], said: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const re of FORBIDDEN) if (re.test(line)) out.push(`${re}: ${line.slice(0, 300)}`);
    // Every message the citizen typed that is long enough to be recognisable.
    for (const s of said)
      if (s.length >= 10 && line.includes(s)) out.push(`text "${s}": ${line.slice(0, 300)}`);
  }
  return out;
}

describe('log redaction', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });

  it('the redacting logger keeps every NIK, phone, name, message text and token out', async () => {
    h = new Harness();
    const mem = memoryStream();
    const said = await scenario(createRedactingLogger('trace', mem.stream), h);
    const lines = mem.lines().filter(Boolean);
    expect(leaks(lines, said)).toEqual([]);
    // Redaction must not empty the log: what operators need is still there.
    const all = lines.join('\n');
    expect(all).toContain('message dead-lettered');
    expect(all).toContain('request failed');
    expect(all).toContain('"path":"/channels/telegram/webhook"');
    expect(all).toContain('"name":"TypeError"');
    expect(all).toContain('"outboxId":12');
    expect(all).toContain('bot<token>');
    expect(all).toContain('[redacted]');
    expect(all).toContain('"channel":"telegram"');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('src/logger.ts createLogger (the one the service uses) keeps them out too', async () => {
    h = new Harness();
    const mem = memoryStream();
    const said = await scenario(createLogger('trace', mem.stream), h);
    expect(leaks(mem.lines().filter(Boolean), said)).toEqual([]);
  });

  it('scrubs NIKs, phones and tokens in free text and leaves ordinary numbers', () => {
    expect(scrubText(`NIK ${NIK} dan 6371 0457 0890 0001`)).toBe('NIK <nik> dan <nik>');
    expect(scrubText('hp 0812-3456-7890, +62 812 3456 7890, 6281234567890@c.us')).toBe(
      'hp <phone>, <phone>, <phone>@c.us',
    );
    expect(scrubText('kantor 0511-3352000')).toBe('kantor <phone>');
    expect(scrubText(BOT_URL)).toBe('https://api.telegram.org/bot<token>/sendMessage');
    expect(scrubText('GET /x?access_token=EAAG123&y=1')).toBe('GET /x?access_token=<redacted>&y=1');
    expect(scrubText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer <redacted>');
    const plain = 'ticket ADU-2611-4K7Q, outbox 1234, 2026-11-23T02:00:00Z, at 1795399200000, 3 attempts';
    expect(scrubText(plain)).toBe(plain);
  });
});
