// send(): errors the outbox can act on, the HTML fallback, long messages resumed after a failure, edits, health.
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/locales.js';
import { SendError } from '../../../src/outbox/outbound-channel.js';
import { TelegramUser } from '../../fakes/telegram-bot-api.js';
import { type Rig, rig } from './telegram-rig.js';

const msg = (text: string) => ({ text, choices: [], expecting: 'none' as const });

describe('Telegram channel send()', () => {
  let r: Rig;
  afterEach(async () => {
    await r.close();
  });

  it('gives up on 403 "bot was blocked" and 400, retries 5xx, waits retry_after on 429', async () => {
    r = await rig();
    const { fake, channel } = r;
    fake.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user');
    await expect(channel.send('1', msg('a'))).rejects.toMatchObject({ retryable: false });
    fake.failNext('sendMessage', 400, 'Bad Request: chat not found');
    await expect(channel.send('1', msg('a'))).rejects.toMatchObject({ retryable: false });
    fake.failNext('sendMessage', 502, 'Bad Gateway');
    const e = await channel.send('1', msg('a')).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SendError);
    expect(e).toMatchObject({ retryable: true });
    expect(channel.state()).toBe('failing');
    fake.failNext('sendMessage', 429, 'Too Many Requests: retry after 12', { retry_after: 12 });
    await expect(channel.send('1', msg('a'))).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 12_000,
    });
    expect(await channel.send('1', msg('a'))).toEqual({ platformMessageId: expect.any(String) });
    expect(channel.state()).toBe('connected');
  });

  it('sends as plain text when Telegram cannot parse the HTML', async () => {
    r = await rig();
    r.fake.failNext('sendMessage', 400, "Bad Request: can't parse entities: unexpected end tag");
    await r.channel.send('1', msg('Ketik *selesai* & <kirim>'));
    const [bad, plain] = r.fake.callsTo('sendMessage');
    expect(bad?.body).toMatchObject({ parse_mode: 'HTML', text: 'Ketik <b>selesai</b> &amp; &lt;kirim&gt;' });
    expect(plain?.body.parse_mode).toBeUndefined();
    expect(plain?.body.text).toBe('Ketik selesai & <kirim>');
  });

  it('resumes a long message after the part that failed, without repeating the parts sent', async () => {
    r = await rig();
    const long = Array.from({ length: 3 }, (_, i) => `Bagian ${i}. ${'isi '.repeat(700)}`).join('\n\n');
    r.fake.failNext('sendMessage', 429, 'Too Many Requests', { retry_after: 1 }, 1);
    await expect(r.channel.send('9', msg(long))).rejects.toMatchObject({ retryAfterMs: 1000 });
    await r.channel.send('9', msg(long));
    const texts = r.fake.callsTo('sendMessage').map((c) => String(c.body.text).slice(0, 9));
    expect(texts).toEqual(['Bagian 0.', 'Bagian 1.', 'Bagian 1.', 'Bagian 2.']);
  });

  it('passes an edited message on as an edit of the message it edits, and says what became of it', async () => {
    r = await rig();
    const user = new TelegramUser(7770001, 'Sari');
    await r.say(user.text('halo'));
    await r.say(user.tap('yes'));
    const replies = await r.say({
      edited_message: {
        message_id: 1,
        date: 1_795_000_000,
        edit_date: 1_795_000_060,
        chat: { id: 7770001, type: 'private' },
        from: { id: 7770001, is_bot: false, first_name: 'Sari' },
        text: 'jalan di depan rumah saya rusak parah',
      },
    });
    // 'halo' answered no question: its edit is kept as a note on the draft, and the citizen is told so once.
    expect(replies).toEqual([t('id', 'edit.draft_note')]);
    expect(r.delivered.at(-1)).toMatchObject({ messageId: 'edit:7770001:1:1795000060', edits: '7770001:1' });
  });

  it('reports failing while getUpdates fails and connected once it works again', async () => {
    r = await rig({ channel: { polling: { backoffMs: { min: 30, max: 60 } } } });
    for (let i = 0; i < 3; i++) r.fake.failNext('getUpdates', 502, 'Bad Gateway');
    await r.until(() => r.channel.state() === 'failing', 'failing');
    const user = new TelegramUser(7770002);
    expect((await r.say(user.text('halo'))).length).toBeGreaterThan(0);
    expect(r.channel.state()).toBe('connected');
  });
});
