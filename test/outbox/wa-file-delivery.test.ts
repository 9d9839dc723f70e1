// Officers' files going out on WhatsApp: the Cloud API over the fake Graph API (upload then send, a picture and a
// document, a link beyond the limits, after a permanent refusal or outside the 24-hour window, and a retry after a
// restart that sends no file twice), and WhatsApp Web over the fake client (MessageMedia, 16 MB, retries).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerFileDelivery } from '../../src/app/answer-file-delivery.js';
import { WaCloudChannel } from '../../src/channels/wa-cloud/wa-cloud-channel.js';
import { WaWebChannel } from '../../src/channels/wa-web/wa-web-channel.js';
import type { OutboundFile, RenderedMessage } from '../../src/domain/reply.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { type WaCloudStore, memoryWaCloudStore } from '../../src/ports/wa-cloud-chat-store.js';
import { PHONE_ID, TOKEN, testConfig } from '../channels/wa-cloud/wa-cloud-helpers.js';
import { FakeWwebClient } from '../fakes/fake-wweb-client.js';
import { FakeGraphApi } from '../fakes/graph-api.js';
import { Harness } from '../helpers/harness.js';

const quiet = { warn: () => {}, error: () => {}, info: () => {} };
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% surat\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const MB = 1024 * 1024;
const TEXT = 'Tiket ADU-2611-AB12 selesai.';

function world(h: Harness) {
  const file = (data: Uint8Array, name: string, mime: string, size = data.byteLength): OutboundFile => ({
    id: `f-${name}`,
    ...h.core.files.put(data),
    name,
    mime,
    size,
  });
  /** A fresh sender and file wrapper each time: nothing is remembered in memory between two (a restart). */
  const sender = (channel: Parameters<ReturnType<typeof answerFileDelivery>>[0]) =>
    new OutboxSender(
      h.core.store.outbox,
      [
        answerFileDelivery({
          files: h.core.files,
          baseUrl: 'https://aduan.example',
          secret: 's'.repeat(32),
          ttlMs: 14 * 86_400_000,
          clock: h.clock,
          langOf: () => 'id',
        })(channel),
      ],
      h.clock,
      quiet,
      { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 1000, leaseMs: 60_000 },
    );
  const queue = (name: string, chat: string, files: OutboundFile[]) => {
    const conv = h.core.store.conversations.findOrCreate(name, chat, 'intake', 2, h.clock.now()).id;
    const message: RenderedMessage = { text: TEXT, choices: [], expecting: 'none', files };
    return h.core.store.outbox.add(conv, name, chat, null, message, h.clock.now(), 'ADU-2611-AB12');
  };
  const status = (id: number) => h.core.store.outbox.get(id)?.status;
  return { file, sender, queue, status };
}

describe('officers’ files on the WhatsApp Cloud API', () => {
  const CHAT = '6281234567890';
  let graph: FakeGraphApi;
  let h: Harness;
  let store: WaCloudStore;
  let channel: WaCloudChannel;
  let w: ReturnType<typeof world>;

  beforeEach(async () => {
    graph = await FakeGraphApi.start({ token: TOKEN });
    h = new Harness();
    store = memoryWaCloudStore();
    channel = new WaCloudChannel({ config: testConfig(graph.url), store, clock: h.clock, log: quiet });
    await channel.start(async () => {});
    store.chatFor({ phone: CHAT });
    store.recordInbound(CHAT, h.clock.now());
    w = world(h);
  });
  afterEach(async () => {
    await channel.stop();
    await graph.close();
    h.close();
  });

  const bodies = () => graph.takeSent().map((s) => s.body);

  it('uploads each file, then sends a PNG as a picture and a PDF as a document after the text', async () => {
    const id = w.queue('wacloud', CHAT, [
      w.file(PDF, 'surat.pdf', 'application/pdf'),
      w.file(PNG, 'foto.png', 'image/png'),
    ]);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('sent');
    expect(graph.uploads.map(({ id: _, ...u }) => u)).toEqual([
      {
        phoneNumberId: PHONE_ID,
        messagingProduct: 'whatsapp',
        type: 'application/pdf',
        filename: 'surat.pdf',
        size: PDF.byteLength,
        head: '%PDF-',
      },
      {
        phoneNumberId: PHONE_ID,
        messagingProduct: 'whatsapp',
        type: 'image/png',
        filename: 'foto.png',
        size: PNG.byteLength,
        head: '\x89PNG\r',
      },
    ]);
    const [text, doc, pic] = bodies();
    expect(text.text.body).toBe(TEXT);
    expect(doc).toMatchObject({
      to: CHAT,
      type: 'document',
      document: { id: graph.uploads[0]!.id, filename: 'surat.pdf' },
    });
    expect(pic).toMatchObject({ to: CHAT, type: 'image', image: { id: graph.uploads[1]!.id } });
  });

  it('sends a picture over 5 MB and a WebP as documents; a file over 100 MB as a signed link', async () => {
    w.queue('wacloud', CHAT, [
      w.file(PNG, 'besar.png', 'image/png', 6 * MB),
      w.file(new Uint8Array(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'stiker.webp', 'image/webp'),
      w.file(PDF, 'arsip.pdf', 'application/pdf', 101 * MB),
    ]);
    await w.sender(channel).drain();
    const sent = bodies();
    expect(sent.map((b) => b.type)).toEqual(['text', 'document', 'document', 'text']);
    expect(graph.uploads.map((u) => u.filename)).toEqual(['besar.png', 'stiker.webp']);
    expect(sent[3].text.body).toContain('arsip.pdf');
    expect(sent[3].text.body).toMatch(/https:\/\/aduan\.example\/files\/f-arsip\.pdf\?exp=\d+&sig=/);
  });

  it('gives a link for a file refused for good (upload or send); retries a temporary failure', async () => {
    graph.failNextUpload(400, 131053);
    graph.failAfter(1, 400, 131052);
    const id = w.queue('wacloud', CHAT, [
      w.file(PDF, 'rusak.pdf', 'application/pdf'),
      w.file(PNG, 'ditolak.png', 'image/png'),
    ]);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('sent');
    const sent = bodies();
    expect(sent.map((b) => b.type)).toEqual(['text', 'text']);
    expect(sent[1].text.body).toContain('rusak.pdf');
    expect(sent[1].text.body).toContain('ditolak.png');
  });

  it('resumes after a failure part way, even after a restart: no text or file is sent twice', async () => {
    const id = w.queue('wacloud', CHAT, [
      w.file(PDF, 'surat.pdf', 'application/pdf'),
      w.file(PNG, 'foto.png', 'image/png'),
    ]);
    graph.failAfter(2, 500, 131000);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('pending');
    expect(bodies().map((b) => b.type)).toEqual(['text', 'document']);
    h.clock.advance(2000);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('sent');
    expect(bodies().map((b) => b.type)).toEqual(['image']);
    expect(graph.uploads.map((u) => u.filename)).toEqual(['surat.pdf', 'foto.png', 'foto.png']);
    expect(h.core.store.outbox.parts.of(id)).toBeNull();
  });

  it('outside the 24-hour window holds the text and the file’s link behind the template', async () => {
    const OTHER = '6281299999999';
    store.chatFor({ phone: OTHER });
    const id = w.queue('wacloud', OTHER, [w.file(PDF, 'surat.pdf', 'application/pdf')]);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('sent');
    expect(bodies().map((b) => b.type)).toEqual(['template']);
    expect(graph.uploads).toEqual([]);
    const held = store.takeHeld(OTHER).map((m) => m.text);
    expect(held[0]).toBe(TEXT);
    expect(held[1]).toContain('surat.pdf');
  });
});

describe('officers’ files on WhatsApp Web', () => {
  const CHAT = '6281234567890@c.us';
  let h: Harness;
  let client: FakeWwebClient;
  let channel: WaWebChannel;
  let w: ReturnType<typeof world>;

  beforeEach(async () => {
    h = new Harness();
    client = new FakeWwebClient();
    channel = new WaWebChannel({
      config: {
        operatorToken: null,
        chromiumPath: '/usr/bin/chromium',
        initTimeoutMs: 90_000,
        pairPhone: null,
      },
      sessionDir: '/tmp/aduan-wa-web-test-unused',
      log: quiet,
      createClient: () => client,
      sleep: async () => {},
      sendPauseMs: 0,
      printLogin: () => {},
    });
    await channel.start(async () => {});
    client.connect();
    w = world(h);
  });
  afterEach(async () => {
    await channel.stop();
    h.close();
  });

  it('sends a picture as media and a PDF as a document (MessageMedia in base64), a file over 16 MB as a link', async () => {
    const id = w.queue('whatsapp', CHAT, [
      w.file(PNG, 'foto.png', 'image/png'),
      w.file(PDF, 'surat.pdf', 'application/pdf'),
      w.file(PDF, 'besar.pdf', 'application/pdf', 17 * MB),
    ]);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('sent');
    expect(client.sentMedia).toEqual([
      {
        chatId: CHAT,
        media: { mimetype: 'image/png', data: Buffer.from(PNG).toString('base64'), filename: 'foto.png' },
        options: {},
      },
      {
        chatId: CHAT,
        media: {
          mimetype: 'application/pdf',
          data: Buffer.from(PDF).toString('base64'),
          filename: 'surat.pdf',
        },
        options: { sendMediaAsDocument: true },
      },
    ]);
    const texts = client.takeSent().map((s) => s.text);
    expect(texts[0]).toBe(TEXT);
    expect(texts[1]).toContain('besar.pdf');
    expect(texts[1]).toContain('https://aduan.example/files/f-besar.pdf');
  });

  it('resumes after a failed file send: the text and the first file are not sent again', async () => {
    const id = w.queue('whatsapp', CHAT, [
      w.file(PDF, 'surat.pdf', 'application/pdf'),
      w.file(PNG, 'foto.png', 'image/png'),
    ]);
    const send = client.sendMedia.bind(client);
    let calls = 0;
    client.sendMedia = async (...args) => {
      if (++calls === 2) throw new Error('Evaluation failed: upload');
      return send(...args);
    };
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('pending');
    h.clock.advance(2000);
    await w.sender(channel).drain();
    expect(w.status(id)).toBe('sent');
    expect(client.takeSent().map((s) => s.text)).toEqual([TEXT]);
    expect(client.sentMedia.map((m) => m.media.filename)).toEqual(['surat.pdf', 'foto.png']);
  });
});
