// Officers' files going out to a citizen over the fake Bot API with the real telegraf: a document and a photo after
// the text, a signed link beyond the channel's limit or after a permanent refusal, a sentence without a public
// address, and a retry that resumes after what was sent (no file twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerFileDelivery } from '../../src/app/answer-file-delivery.js';
import { TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import type { OutboundFile, RenderedMessage } from '../../src/domain/reply.js';
import { mailboxChannel } from '../../src/outbox/outbound-channel.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { Harness } from '../helpers/harness.js';

const quiet = { warn: () => {}, error: () => {}, info: () => {} };
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% surat\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const CHAT = '5001';

describe('officers’ files to the citizen’s channel', () => {
  let fake: FakeTelegram;
  let h: Harness;
  let channel: TelegramChannel;

  beforeEach(async () => {
    fake = await new FakeTelegram().start();
    h = new Harness();
    channel = new TelegramChannel({
      settings: {
        token: fake.token,
        mode: 'polling',
        webhookSecret: null,
        webhookUrl: null,
        apiRoot: fake.apiRoot,
        maxFileBytes: 1024 * 1024,
        officerChatIds: [],
      },
      log: quiet,
      pollTimeoutSec: 1,
      rateLimit: { perChat: { perSecond: 1000, burst: 1000 }, overall: { perSecond: 1000, burst: 1000 } },
    });
    await channel.start(async () => {});
  });
  afterEach(async () => {
    await channel.stop();
    await fake.close();
    h.close();
  });

  const file = (data: Uint8Array, name: string, mime: string, size = data.byteLength): OutboundFile => ({
    id: `f-${name}`,
    ...h.core.files.put(data),
    name,
    mime,
    size,
  });
  const sender = (
    baseUrl: string | null,
    ch = channel as Parameters<ReturnType<typeof answerFileDelivery>>[0],
  ) =>
    new OutboxSender(
      h.core.store.outbox,
      [
        answerFileDelivery({
          files: h.core.files,
          baseUrl,
          secret: 's'.repeat(32),
          ttlMs: 14 * 86_400_000,
          clock: h.clock,
          langOf: () => 'id',
        })(ch),
      ],
      h.clock,
      quiet,
      { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 1000, leaseMs: 60_000 },
    );
  const queue = (files: OutboundFile[], chat = CHAT, name = 'telegram') => {
    const conv = h.core.store.conversations.findOrCreate(name, chat, 'intake', 2, h.clock.now()).id;
    const message: RenderedMessage = {
      text: 'Tiket ADU-2611-AB12 selesai.',
      choices: [],
      expecting: 'none',
      files,
    };
    return h.core.store.outbox.add(conv, name, chat, null, message, h.clock.now(), 'ADU-2611-AB12');
  };
  const status = (id: number) => h.core.store.outbox.get(id)?.status;

  it('sends the text, then a PDF as a document and a picture as a photo, read from the file store', async () => {
    const id = queue([file(PDF, 'surat.pdf', 'application/pdf'), file(PNG, 'foto.png', 'image/png')]);
    await sender(null).drain();
    expect(status(id)).toBe('sent');
    expect(fake.sentTexts()).toEqual(['Tiket ADU-2611-AB12 selesai.']);
    expect(fake.callsTo('sendDocument').map((c) => c.body.document)).toEqual([
      { name: 'surat.pdf', size: PDF.byteLength, head: '%PDF-' },
    ]);
    expect(fake.callsTo('sendPhoto').map((c) => (c.body.photo as { name: string }).name)).toEqual([
      'foto.png',
    ]);
  });

  it('gives a signed, expiring link for a file beyond the limit or refused for good; a sentence without a base URL', async () => {
    const huge = file(PDF, 'besar.pdf', 'application/pdf', 60 * 1024 * 1024);
    const refused = file(PNG, 'ditolak.png', 'image/png');
    fake.failNext('sendPhoto', 400, 'Bad Request: IMAGE_PROCESS_FAILED');
    queue([huge, refused]);
    await sender('https://aduan.example').drain();
    expect(fake.callsTo('sendDocument')).toEqual([]);
    const [text, links] = fake.sentTexts();
    expect(text).toBe('Tiket ADU-2611-AB12 selesai.');
    expect(links).toContain('besar.pdf');
    expect(links).toMatch(/https:\/\/aduan\.example\/files\/f-besar\.pdf\?exp=\d+&(amp;)?sig=/);
    expect(links).toContain('ditolak.png');
    queue([huge], '5002');
    await sender(null).drain();
    expect(fake.sentTexts().at(-1)).toContain('Petugas melampirkan berkas besar.pdf');
    expect(fake.sentTexts().at(-1)).not.toContain('http');
  });

  it('resumes after a failure part way: the text and the files already sent are not sent again', async () => {
    const id = queue([file(PDF, 'surat.pdf', 'application/pdf'), file(PNG, 'foto.png', 'image/png')]);
    fake.failNext('sendPhoto', 500, 'Internal Server Error');
    const s = sender(null);
    await s.drain();
    expect(status(id)).toBe('pending');
    h.clock.advance(2000);
    await s.drain();
    expect(status(id)).toBe('sent');
    expect(fake.sentTexts()).toEqual(['Tiket ADU-2611-AB12 selesai.']);
    expect(fake.callsTo('sendDocument')).toHaveLength(1);
    expect(fake.callsTo('sendPhoto')).toHaveLength(2);
  });

  it('names the file in a line on a channel that cannot send files (terminal)', async () => {
    const lines: string[] = [];
    const terminal = {
      ...mailboxChannel('terminal'),
      send: async (_: string, m: RenderedMessage) => {
        lines.push(m.text);
        return { platformMessageId: null };
      },
    };
    queue([file(PDF, 'surat.pdf', 'application/pdf')], 'term-1', 'terminal');
    await sender(null, terminal).drain();
    expect(lines[0]).toBe('Tiket ADU-2611-AB12 selesai.');
    expect(lines[1]).toContain('surat.pdf');
  });
});
