// Posting tickets to an officers' group with the real telegraf client against the fake Bot API on loopback.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../src/domain/destination.js';
import { TelegramGroupMethod } from '../../src/forwarding/telegram-group.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { ATTACHMENTS, IDENTITY, KEY, TICKET, job, payload } from './ticket-fixture.js';

const GROUP = '-1001234567890';
const dest: Extract<Destination, { method: 'telegram' }> = { id: 'grup', method: 'telegram', chatId: GROUP };
const live = () => new AbortController().signal;

describe('TelegramGroupMethod', () => {
  let tg: FakeTelegram;
  let method: TelegramGroupMethod;
  beforeEach(async () => {
    tg = await new FakeTelegram().start();
    method = new TelegramGroupMethod({ token: tg.token, apiRoot: tg.apiRoot });
  });
  afterEach(() => tg.close());

  it('posts the ticket to the group as HTML without link previews, with signed links and the key as a footer', async () => {
    const p = payload({ attachments: [ATTACHMENTS.photo] }, (a) => ({
      url: `https://aduan.test/files/${a.id}?exp=1795000000&sig=s${a.id}`,
      expiresAt: '2026-11-17T06:05:00.000Z',
    }));
    const out = await method.deliver(job(p, dest), live());
    expect(out).toEqual({ ok: true, remoteId: '1' });
    const [call] = tg.callsTo('sendMessage');
    expect(call?.body).toMatchObject({
      chat_id: GROUP,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    const text = String(call?.body.text);
    for (const part of [
      `<b>Nomor tiket:</b> ${TICKET}`,
      '<b>Kategori:</b> Kesehatan (puskesmas, RSUD, ambulans)',
      '<b>Wilayah:</b> Kecamatan Gambut, Kabupaten Banjar',
      '<b>Alasan penerusan:</b> Kategori kesehatan di Kabupaten Banjar',
      '<b>Batas jawaban:</b> 17 November 2026',
      '<b>Kronologi:</b>\nAntrean di Puskesmas Gambut',
      '<b>Harapan:</b>\nLoket dibuka tepat jam 8.',
      '<a href="https://aduan.test/files/a1?exp=1795000000&amp;sig=sa1">unduh</a>',
      // A biasa reporter: name and phone; never the NIK in a group chat (as in e-mail).
      `<b>Pelapor:</b> ${IDENTITY.name}`,
      `<b>Telepon:</b> ${IDENTITY.phone}`,
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(IDENTITY.nik);
    expect(text.endsWith(`\n\n<i>${TICKET} · id: ${KEY}</i>`)).toBe(true);
  });

  it('waits out a 429 with retry_after, and retries 5xx and an unreachable API', async () => {
    tg.failNext('sendMessage', 429, 'Too Many Requests: retry after 7', { retry_after: 7 });
    expect(await method.deliver(job(payload(), dest), live())).toEqual({
      ok: false,
      retryable: true,
      error: 'telegram 429: Too Many Requests: retry after 7',
      retryAfterMs: 7000,
    });
    tg.failNext('sendMessage', 502, 'Bad Gateway');
    expect(await method.deliver(job(payload(), dest), live())).toMatchObject({ ok: false, retryable: true });
    await tg.close();
    const down = await method.deliver(job(payload(), dest), live());
    expect(down).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('telegram unreachable'),
    });
    expect(JSON.stringify(down)).not.toContain(tg.token);
  });

  it('gives up with a plain error when the bot was kicked or the chat does not exist', async () => {
    tg.failNext('sendMessage', 403, 'Forbidden: bot was kicked from the supergroup chat');
    const kicked = await method.deliver(job(payload(), dest), live());
    expect(kicked).toEqual({
      ok: false,
      retryable: false,
      error: 'telegram 403: Forbidden: bot was kicked from the supergroup chat',
    });
    tg.failNext('sendMessage', 400, 'Bad Request: chat not found');
    expect(await method.deliver(job(payload(), dest), live())).toEqual({
      ok: false,
      retryable: false,
      error: 'telegram 400: Bad Request: chat not found',
    });
  });

  it('names the new chat id when the group became a supergroup', async () => {
    tg.failNext('sendMessage', 400, 'Bad Request: group chat was upgraded to a supergroup chat', {
      migrate_to_chat_id: -1009876543210,
    });
    expect(await method.deliver(job(payload(), dest), live())).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('-1009876543210'),
    });
  });

  it('splits a long ticket over several messages, and a retry goes on after the parts already posted', async () => {
    const story = Array.from(
      { length: 120 },
      (_, i) => `Kalimat ke-${i} tentang antrean yang panjang sekali.`,
    ).join(' ');
    const longStory = `${story}\n\n${story}\n\n${story}`;
    tg.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 }, 1);
    const first = await method.deliver(job(payload({ story: longStory }), dest), live());
    expect(first).toMatchObject({ ok: false, retryable: true, retryAfterMs: 1000 });
    const second = await method.deliver(job(payload({ story: longStory }), dest, 2), live());
    expect(second.ok).toBe(true);

    const texts = tg.sentTexts();
    // The first part once, the second twice (refused, then sent), the rest once.
    expect(texts[1]).toBe(texts[2]);
    const parts = [texts[0], ...texts.slice(2)].map(String);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(second).toEqual({ ok: true, remoteId: parts.map((_, i) => i + 1).join(',') });
    parts.forEach((text, i) => {
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text.endsWith(`<i>${TICKET} · bagian ${i + 1}/${parts.length} · id: ${KEY}</i>`)).toBe(true);
    });
    const sentences = parts.join(' ').match(/Kalimat ke-\d+ tentang antrean yang panjang sekali\./g);
    expect(sentences).toHaveLength(360);
  });

  it('keeps every part under the limit even when the text grows on escaping', async () => {
    const story = '<&>'.repeat(3000);
    expect((await method.deliver(job(payload({ story, location: null }), dest), live())).ok).toBe(true);
    const texts = tg.sentTexts();
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    const all = texts.join('\n');
    expect(all.match(/&lt;/g)).toHaveLength(3000);
    expect(all.match(/&amp;/g)).toHaveLength(3000);
    expect(all).not.toContain('<&>');
  });

  it('shows nothing of a rahasia or anonim reporter, and citizen text as text', async () => {
    const story = '<b>bukan tebal</b> <a href="http://evil.test">klik</a>';
    await method.deliver(job(payload({ identityMode: 'rahasia', story }), dest), live());
    await method.deliver(job(payload({ identityMode: 'anonim' }), dest), live());
    const [rahasia, anonim] = tg.sentTexts();
    expect(rahasia).toContain('<b>Pelapor:</b> dirahasiakan');
    expect(anonim).toContain('<b>Pelapor:</b> anonim');
    for (const secret of [IDENTITY.name, 'Siti', IDENTITY.nik, IDENTITY.phone, 'NIK', 'Telepon']) {
      expect(rahasia).not.toContain(secret);
      expect(anonim).not.toContain(secret);
    }
    expect(rahasia).toContain(
      '&lt;b&gt;bukan tebal&lt;/b&gt; &lt;a href=&quot;http://evil.test&quot;&gt;klik&lt;/a&gt;',
    );
  });

  it('sends nothing once the signal has aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await method.deliver(job(payload(), dest), controller.signal)).toEqual({
      ok: false,
      retryable: true,
      error: 'telegram: aborted',
    });
    expect(tg.callsTo('sendMessage')).toHaveLength(0);
  });
});
