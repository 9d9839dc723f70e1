// A whole complaint over WhatsApp Web: fake client → adapter → real runtime (temp SQLite) → outbox → adapter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaWebChannel } from '../../../src/channels/wa-web/wa-web-channel.js';
import { OutboxSender } from '../../../src/outbox/outbox-sender.js';
import { FakeWwebClient } from '../../fakes/fake-wweb-client.js';
import { Harness } from '../../helpers/harness.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const CONFIG = {
  chromiumPath: '/usr/bin/chromium',
  initTimeoutMs: 5_000,
  pairPhone: null,
  operatorToken: null,
};
const SITI = '6281234567890@c.us';
const SITI_LID = '118830163341418@lid';
const STORY =
  'Selamat pagi. Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.';

describe('whatsapp web: a complaint end to end', () => {
  let h: Harness;
  let fake: FakeWwebClient;
  let channel: WaWebChannel;
  let sender: OutboxSender;

  beforeEach(async () => {
    h = new Harness();
    fake = new FakeWwebClient();
    channel = new WaWebChannel({
      config: CONFIG,
      sessionDir: h.dir,
      log: quiet,
      createClient: () => fake,
      now: () => h.clock.now(),
      sleep: async (ms) => h.clock.advance(ms),
    });
    sender = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet);
    await channel.start(async (msg) => {
      h.core.runtime.handle(msg);
    });
    fake.connect();
  });
  afterEach(async () => {
    await channel.stop();
    h.close();
  });

  /** The citizen sends a text from `from`; returns the bot's answers (all sent texts, joined). */
  async function say(from: string, text: string): Promise<{ text: string; to: string[] }> {
    fake.text(from, text);
    await channel.idle();
    await sender.drain();
    h.clock.advance(5_000);
    const sent = fake.takeSent();
    return { text: sent.map((s) => s.text).join('\n---\n'), to: [...new Set(sent.map((s) => s.chatId))] };
  }

  const whatsappConversations = () =>
    h.core.db
      .prepare(`SELECT chat_id FROM conversations WHERE channel = 'whatsapp'`)
      .all()
      .map((r) => (r as { chat_id: string }).chat_id);

  it('files a complaint with the choices answered by digits', async () => {
    expect(channel.state()).toBe('connected');
    const consent = await say(SITI, 'halo');
    expect(consent.text).toContain('1. Setuju\n2. Tidak setuju');
    expect(consent.text).toContain('Balas dengan angka 1–2.');
    expect((await say(SITI, '1')).text).toContain('ceritakan apa yang terjadi');
    // The story says what the problem is: the guess comes at once, its choices numbered.
    expect((await say(SITI, STORY)).text).toContain('Benar begitu?');
    // A KTP is an office's service: no spot and no photo are asked.
    expect((await say(SITI, '1')).text).toContain('1. Sudah\n2. Belum');
    expect((await say(SITI, '2')).text).toContain('Apa yang Anda harapkan');
    const identity = await say(SITI, 'KTP saya segera dicetak');
    // The question lists its options itself: no second list, only the hint.
    expect(identity.text.match(/^1\. /gm)).toHaveLength(1);
    expect(identity.text).toContain('Balas dengan angka 1–3.');
    expect((await say(SITI, '1')).text).toContain('nama lengkap');
    expect((await say(SITI, 'Siti Rahmah')).text).toContain('NIK');
    const summary = await say(SITI, '6371045708900001');
    // WhatsApp vouched for the phone: the flow did not ask for it.
    expect(summary.text).toContain('+6281234567890');
    expect(summary.text).toContain('[Kirim]  [Ubah]  [Batal]');
    const done = await say(SITI, 'kirim');
    expect(done.text).toMatch(/ADU-\d{4}-[A-Z0-9]+/);
    expect(done.to).toEqual([SITI]);

    const [filed] = h.complaints();
    expect(filed?.complaint).toMatchObject({
      channel: 'whatsapp',
      phone: '+6281234567890',
      name: 'Siti Rahmah',
      category: 'adminduk',
    });
    expect(whatsappConversations()).toEqual([SITI]);
  });

  it('keeps one conversation when the same citizen writes from @lid and from @c.us', async () => {
    fake.lids.set(SITI_LID, SITI);
    const first = await say(SITI_LID, 'halo');
    expect(first.text).toContain('Setuju');
    // Replies go to the address the citizen wrote from (a LID-only chat may refuse its phone id).
    expect(first.to).toEqual([SITI_LID]);
    expect((await say(SITI, '1')).text).toContain('ceritakan apa yang terjadi');
    expect((await say(SITI_LID, STORY)).text).toContain('Benar begitu?');
    expect(whatsappConversations()).toEqual([SITI]);
    expect(h.conversationState(SITI, 'whatsapp')).not.toBeNull();
    // One lookup: the mapping is cached.
    expect(fake.lidLookups).toEqual([[SITI_LID]]);
  });

  it('keys the conversation by the lid when WhatsApp will not give the phone', async () => {
    const reply = await say(SITI_LID, 'halo');
    expect(reply.to).toEqual([SITI_LID]);
    expect(whatsappConversations()).toEqual([SITI_LID]);
  });
});
