// End to end through the REAL telegraf against the fake Bot API: a whole complaint by polling, duplicates, a 429,
// a photo, a file too large, an album as one step, and groups.
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/locales.js';
import { TelegramUser } from '../../fakes/telegram-bot-api.js';
import { type Rig, jpeg, lastButtons, rig } from './telegram-rig.js';

const plain = (html: string) => html.replace(/<\/?b>/g, '');

describe('Telegram channel (polling, real telegraf)', () => {
  let r: Rig;
  afterEach(async () => {
    await r.close();
  });

  it('files a whole complaint: /start, buttons, story, contact, until the ticket number', async () => {
    r = await rig();
    const { fake } = r;
    const siti = new TelegramUser(5550001);
    // Startup: the command menu in both languages, polling instead of a webhook.
    expect(fake.callsTo('getMe')).toHaveLength(1);
    expect(fake.callsTo('deleteWebhook')).toHaveLength(1);
    const menus = fake.callsTo('setMyCommands');
    expect(menus.map((m) => m.body.language_code)).toEqual([undefined, 'en']);
    expect(menus[0]?.body.commands).toEqual([
      { command: 'start', description: t('id', 'command.start') },
      { command: 'batal', description: t('id', 'command.batal') },
      { command: 'bantuan', description: t('id', 'command.bantuan') },
      { command: 'status', description: t('id', 'command.status') },
    ]);

    const consent = await r.say(siti.text('/start'));
    expect(consent.map(plain).join('\n')).toContain(t('id', 'ask.consent'));
    expect(lastButtons(fake)).toContain('yes');
    expect(fake.callsTo('sendMessage')[0]?.body.parse_mode).toBe('HTML');

    const story = await r.say(siti.tap('yes'));
    expect(story.join('\n')).toContain(t('id', 'ask.story'));
    expect(fake.callsTo('answerCallbackQuery').length).toBeGreaterThanOrEqual(1);

    const guess = await r.say(
      siti.text(
        'Selamat pagi. Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.',
      ),
    );
    expect(guess.join('\n')).toContain('Disdukcapil');
    const answers: Record<string, unknown>[] = [
      siti.tap(lastButtons(fake)[0] ?? 'yes'),
      siti.text('belum'),
      siti.text('KTP saya segera dicetak'),
      siti.text('1'),
      siti.text('Siti Rahmah'),
      siti.text('6371045708900001'),
    ];
    for (const a of answers) await r.say(a);
    // The phone question offers Telegram's own "share my number" button.
    const phoneAsk = fake.callsTo('sendMessage').at(-1)?.body.reply_markup;
    expect(phoneAsk).toMatchObject({
      keyboard: [
        [{ text: t('id', 'channel.share_phone'), request_contact: true }],
        [{ text: expect.any(String) }],
      ],
      one_time_keyboard: true,
    });
    const summary = await r.say(siti.contact('6281234567890'));
    expect(summary.join('\n')).toContain('Siti Rahmah');
    // The leftover phone keyboard is removed or replaced by the summary's buttons.
    expect(lastButtons(fake)).toContain('send');
    const done = await r.say(siti.tap('send'));
    expect(done.join('\n')).toMatch(/ADU-\d{4}-/);

    const [filed] = r.h.complaints();
    expect(filed?.complaint).toMatchObject({
      channel: 'telegram',
      name: 'Siti Rahmah',
      phone: '+6281234567890',
      category: 'adminduk',
    });
    // Text is answered at once: no "typing…" call doubles the requests to the Bot API.
    expect(fake.callsTo('sendChatAction')).toEqual([]);
    expect(r.channel.state()).toBe('connected');
  });

  it('processes an update delivered twice once (same message, new update_id)', async () => {
    r = await rig();
    const budi = new TelegramUser(5550002, 'Budi');
    const hello = budi.text('halo');
    await r.say(hello);
    const sent = r.fake.sentTexts().length;
    r.fake.push(hello);
    await r.until(() => r.fake.pendingUpdates === 0 && r.delivered.length === 2, 'the redelivery');
    await r.sender.drain();
    expect(r.inboundCount()).toBe(1);
    expect(r.fake.sentTexts().length).toBe(sent);
    // A button pressed once but delivered twice, too.
    const tap = budi.tap('yes', 'cb-same');
    await r.say(tap);
    const afterTap = r.fake.sentTexts().length;
    r.fake.push(tap);
    await r.until(() => r.delivered.length === 4, 'the redelivered tap');
    await r.sender.drain();
    expect(r.inboundCount()).toBe(2);
    expect(r.fake.sentTexts().length).toBe(afterTap);
  });

  it('retries a failed delivery without confirming the update, then processes it once', async () => {
    r = await rig({ channel: { polling: { backoffMs: { min: 20, max: 100 } } } });
    r.failDeliveries.count = 2;
    const ani = new TelegramUser(5550003, 'Ani');
    const texts = await r.say(ani.text('halo'));
    expect(texts.length).toBeGreaterThan(0);
    expect(r.inboundCount()).toBe(1);
    expect(r.delivered).toHaveLength(1);
    await r.until(() => r.fake.callsTo('getUpdates').some((c) => c.body.offset === 1001), 'the confirmation');
    // The update was asked for again (offset unchanged) until it was committed, and only then confirmed.
    const offsets = r.fake.callsTo('getUpdates').map((c) => c.body.offset);
    expect(offsets.filter((o) => o === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('honours a 429 retry_after: the message goes later, once', async () => {
    r = await rig();
    const { fake, h } = r;
    fake.failNext('sendMessage', 429, 'Too Many Requests: retry after 3', { retry_after: 3 });
    const dedi = new TelegramUser(5550004, 'Dedi');
    const inbound = r.inboundCount();
    fake.push(dedi.text('halo'));
    await r.until(() => r.inboundCount() > inbound && fake.callsTo('sendMessage').length === 1, 'the 429');
    await r.sender.drain();
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    const row = h.core.db.prepare('SELECT status, next_attempt_at, attempts FROM outbox').get();
    expect(row).toMatchObject({ status: 'pending', next_attempt_at: h.clock.now() + 3000, attempts: 1 });
    h.clock.advance(2999);
    await r.sender.drain();
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    h.clock.advance(1);
    await r.sender.drain();
    await r.sender.drain();
    const sends = fake.callsTo('sendMessage');
    expect(sends).toHaveLength(2);
    expect(sends[1]?.body.text).toBe(sends[0]?.body.text);
    expect(h.core.db.prepare('SELECT status FROM outbox').all()).toEqual([{ status: 'sent' }]);
  });

  it('downloads a photo into the attachments, and refuses a file over the limit', async () => {
    r = await rig({ maxFileBytes: 1024 * 1024 });
    const { fake, h } = r;
    const rina = new TelegramUser(5550005, 'Rina');
    await r.say(rina.text('halo'));
    await r.say(rina.tap('yes'));
    fake.addFile('photo-1', jpeg(1, 5000));
    const ack = await r.say(rina.photo('photo-1'));
    expect(ack.join('\n')).toContain('Berkas diterima');
    expect(fake.callsTo('getFile').map((c) => c.body.file_id)).toEqual(['photo-1']);
    // A download takes a moment: the citizen sees "typing…" meanwhile.
    expect(fake.callsTo('sendChatAction').map((c) => c.body.action)).toEqual(['typing']);
    const rows = h.core.db.prepare('SELECT kind, mime, size FROM attachments').all();
    expect(rows).toEqual([{ kind: 'photo', mime: 'image/jpeg', size: 5000 }]);

    const before = fake.sentTexts().length;
    fake.push(
      rina.photo('huge', { photo: [{ file_id: 'huge', width: 4000, height: 3000, file_size: 3_000_000 }] }),
    );
    await r.until(() => fake.sentTexts().length > before, 'the refusal');
    expect(fake.sentTexts().at(-1)).toBe(t('id', 'channel.file_too_large', { max: 1 }));
    expect(fake.callsTo('getFile')).toHaveLength(1);
  });

  it('delivers an album of 3 photos arriving as separate updates as ONE message', async () => {
    r = await rig();
    const { fake, h } = r;
    const joko = new TelegramUser(5550006, 'Joko');
    await r.say(joko.text('halo'));
    await r.say(joko.tap('yes'));
    const inbound = r.inboundCount();
    const before = fake.sentTexts().length;
    const polls = fake.callsTo('getUpdates').length;
    for (const i of [1, 2, 3]) {
      fake.addFile(`album-${i}`, jpeg(10 + i));
      fake.push(
        joko.photo(`album-${i}`, { media_group_id: 'grp-1', ...(i === 1 ? { caption: 'bukti' } : {}) }),
      );
      await new Promise((res) => setTimeout(res, 20));
    }
    await r.until(
      () => r.inboundCount() > inbound && r.outboxBusy() === 0 && fake.sentTexts().length > before,
    );
    await new Promise((res) => setTimeout(res, 200));
    await r.sender.drain();
    expect(r.inboundCount()).toBe(inbound + 1);
    expect(fake.callsTo('getUpdates').length - polls).toBeGreaterThanOrEqual(3); // the parts came in separate polls
    expect(fake.sentTexts().slice(before)).toHaveLength(1);
    const row = h.core.db
      .prepare('SELECT dedup_key AS key, body FROM inbound_messages ORDER BY id DESC LIMIT 1')
      .get();
    expect(row).toMatchObject({ key: 'album:5550006:grp-1' });
    const body = row && typeof row === 'object' && 'body' in row ? JSON.parse(String(row.body)) : null;
    expect(body).toMatchObject({ text: 'bukti' });
    expect(body.attachments).toHaveLength(3);
    expect(h.core.db.prepare('SELECT COUNT(*) AS n FROM attachments').get()).toEqual({ n: 3 });
    expect(r.delivered.at(-1)?.media?.map((m) => m.data[4])).toEqual([11, 12, 13]);
  });

  it('answers a group once with "private only" and stays silent in the officers group', async () => {
    r = await rig();
    const { fake } = r;
    const group = (chatId: number, text: string, id: number) => ({
      message: {
        message_id: id,
        chat: { id: chatId, type: 'supergroup', title: 'Warga' },
        from: { id: 77, is_bot: false, first_name: 'Warga' },
        text,
      },
    });
    fake.push(group(-100555, 'lapor pak', 1));
    await r.until(() => fake.sentTexts().length === 1, 'the group answer');
    expect(fake.callsTo('sendMessage')[0]?.body).toMatchObject({
      chat_id: '-100555',
      text: t('id', 'channel.private_only'),
    });
    fake.push(group(-100555, 'halo?', 2));
    fake.push(group(-100777, 'rapat jam 9', 3));
    await r.until(() => fake.pendingUpdates === 0, 'the group messages');
    await new Promise((res) => setTimeout(res, 50));
    expect(fake.sentTexts()).toHaveLength(1);
    expect(r.inboundCount()).toBe(0);
  });
});
