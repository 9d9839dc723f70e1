// Officers acting from their agency's Telegram group over the real telegraf and the fake Bot API: linking with a
// one-time code in a private chat (right, wrong, expired, throttled), the ticket's buttons for each kind of account
// (a non-linked member and other accounts refused, nothing changed), and `/balas` relayed to the citizen only as a
// reply to the ticket's message; chatter is never relayed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer, OfficerRole } from '../../../src/domain/officer.js';
import { TelegramGroupMethod } from '../../../src/forwarding/telegram-group.js';
import { TelegramDesk } from '../../../src/officers/telegram-desk.js';
import { CODE_TTL_MS, TelegramLinking, WRONG_WINDOW_MS } from '../../../src/officers/telegram-linking.js';
import { TelegramUser } from '../../fakes/telegram-bot-api.js';
import { job, payload } from '../../forwarding/ticket-fixture.js';
import { enableTestTotp } from '../../helpers/two-factor.js';
import { DIALOGUES } from '../../transcripts/dialogues.js';
import { type Rig, lastButtons, rig } from './telegram-rig.js';

/** The officers' group of the rig's settings, and the citizen's private chat. */
const GROUP = -100777;
const CITIZEN = '5550101';

describe('Telegram: officers act from their agency group', () => {
  let r: Rig;
  let linking: TelegramLinking;
  let number = '';
  /** The message the ticket was posted as in the group (one part: it carries the buttons). */
  let ticketMessage = 0;
  let nextId = 900;

  const sentTo = (chat: number | string) =>
    r.fake
      .callsTo('sendMessage')
      .filter((c) => String(c.body.chat_id) === String(chat))
      .map((c) => String(c.body.text));
  const ticket = () => r.h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
  const replies = () =>
    r.h.core.store.ticketEvents.forTicket(ticket()?.id ?? -1).filter((e) => e.type === 'replied');

  /** Pushes an update and waits for the bot's next message to `chat`; returns its text. */
  const answerIn = async (chat: number | string, update: Record<string, unknown>) => {
    const before = sentTo(chat).length;
    r.fake.push(update);
    await r.until(() => sentTo(chat).length > before, `an answer in ${chat}`);
    return sentTo(chat).slice(before).join('\n');
  };
  /** Pushes a button press and waits for its answerCallbackQuery. */
  const press = async (update: Record<string, unknown>) => {
    const before = r.fake.callsTo('answerCallbackQuery').length;
    r.fake.push(update);
    await r.until(() => r.fake.callsTo('answerCallbackQuery').length > before, 'the button answer');
    return r.fake.callsTo('answerCallbackQuery').at(-1)?.body ?? {};
  };

  /** A member of the officers' group. */
  const member = (id: number, first_name = 'Budi') => {
    const chat = { id: GROUP, type: 'supergroup', title: 'Disdukcapil Banjarmasin' };
    const from = { id, is_bot: false, first_name };
    return {
      press: (data: string) => ({
        callback_query: {
          id: `cb-${id}-${nextId++}`,
          from,
          chat_instance: 'grup',
          message: { message_id: ticketMessage, date: 1_795_000_000, chat },
          data,
        },
      }),
      say: (text: string, replyTo?: number) => ({
        message: {
          message_id: nextId++,
          date: 1_795_000_000,
          chat,
          from,
          text,
          ...(replyTo === undefined
            ? {}
            : {
                reply_to_message: {
                  message_id: replyTo,
                  date: 1_795_000_000,
                  chat,
                  from: { id: r.fake.botId, is_bot: true, first_name: 'Aduan' },
                  text: '…',
                },
              }),
        },
      }),
    };
  };

  const account = (username: string, role: OfficerRole, agencies: string[]): Officer => {
    const store = r.h.core.store;
    const id = store.officers.add(
      { username, name: `Petugas ${username}`, role, passwordHash: 'x', agencies },
      r.h.clock.now(),
    );
    // Admins have two-step verification on, as they must to act (test/officers/telegram-desk-two-factor.test.ts).
    if (role === 'admin') enableTestTotp(r.h, id);
    const officer = store.officers.get(id);
    if (!officer) throw new Error('no account');
    return officer;
  };
  /** Links a Telegram user to the account with a fresh code, as the officer would from the web page. */
  const linkUser = async (userId: number, officer: Officer) => {
    const { code } = linking.newCode(officer);
    const answer = await answerIn(userId, new TelegramUser(userId, 'Budi').text(`/tautkan ${code}`));
    expect(answer).toContain(`tertaut ke ${officer.username}`);
  };

  beforeEach(async () => {
    r = await rig({
      officerDesk: (h) => {
        linking = new TelegramLinking({ store: h.core.store, clock: h.clock, random: h.core.ids.random });
        return new TelegramDesk({ store: h.core.store, actions: h.core.actions, linking });
      },
    });
    // A citizen files a complaint on Telegram (its replies marked sent), then it is forwarded to the group.
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    for (const turn of d?.turns ?? []) if ('say' in turn) r.h.say(CITIZEN, turn.say, 'telegram');
    number = r.h.core.store.ticketInbox.inbox({ kind: 'all' })[0]?.number ?? '';
    expect(number).toMatch(/^ADU-/);
    const store = r.h.core.store;
    const method = new TelegramGroupMethod({
      token: r.fake.token,
      apiRoot: r.fake.apiRoot,
      posted: (chatId, messageId, n) => store.telegramOfficers.recordMessage(chatId, messageId, n),
    });
    const base = payload();
    const forwarded = await method.deliver(
      job(
        { ...base, ticket: { ...base.ticket, number } },
        { id: 'grup', method: 'telegram', chatId: `${GROUP}` },
      ),
      new AbortController().signal,
    );
    expect(forwarded.ok).toBe(true);
    ticketMessage = r.fake.messageIdOf(`Nomor tiket:</b> ${number}`) ?? 0;
    expect(lastButtons(r.fake)).toEqual([
      `aduan:${number}:diverifikasi`,
      `aduan:${number}:diproses`,
      `aduan:${number}:selesai`,
    ]);
  });
  afterEach(async () => {
    await r.close();
  });

  it('links with a one-time code in a private chat: wrong, expired and throttled codes refused, never the flow', async () => {
    const capil = account('capil', 'officer', [ticket()?.agencyId ?? '']);
    const inbound = r.inboundCount();
    const budi = new TelegramUser(7001, 'Budi');

    expect(await answerIn(7001, budi.text('/tautkan 2345ABCDEF'))).toContain(
      'Kode salah atau sudah kedaluwarsa',
    );
    expect(await answerIn(7001, budi.text('/tautkan'))).toContain('Kirim /tautkan KODE');

    const expired = linking.newCode(capil).code;
    r.h.clock.advance(CODE_TTL_MS + 1000);
    expect(await answerIn(7001, budi.text(`/tautkan ${expired}`))).toContain('Kode salah');
    expect(linking.officerOf('7001')).toBeNull();

    // Typed in lower case with a space: still the code. A new code replaces an earlier one.
    const replaced = linking.newCode(capil).code;
    const { code } = linking.newCode(capil);
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    expect(await answerIn(7001, budi.text(`/tautkan ${replaced}`))).toContain('Kode salah');
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;
    expect(await answerIn(7001, budi.text(`/tautkan ${typed}`))).toContain(
      'Akun Telegram Anda tertaut ke capil',
    );
    expect(linking.officerOf('7001')?.username).toBe('capil');
    // A code works once.
    expect(await answerIn(7001, budi.text(`/tautkan ${code}`))).toContain('Kode salah');

    // Five wrong tries within the hour: the sixth is refused even with a right code, until the hour is over.
    const eve = new TelegramUser(7002, 'Eve');
    for (let i = 0; i < 5; i++) await answerIn(7002, eve.text(`/tautkan 2345ABCDE${i + 2}`));
    const right = linking.newCode(capil).code;
    expect(await answerIn(7002, eve.text(`/tautkan ${right}`))).toContain('Terlalu banyak kode yang salah');
    expect(linking.officerOf('7002')).toBeNull();
    r.h.clock.advance(WRONG_WINDOW_MS);
    const later = linking.newCode(capil).code;
    expect(await answerIn(7002, eve.text(`/tautkan ${later}`))).toContain('tertaut ke capil');
    // Linking again replaces: one Telegram user per account, one account per user.
    expect(linking.officerOf('7002')?.username).toBe('capil');
    expect(linking.officerOf('7001')).toBeNull();

    // A code typed in the group is refused there and stops working.
    const exposed = linking.newCode(capil).code;
    expect(await answerIn(GROUP, member(7001).say(`/tautkan ${exposed}`))).toContain('chat pribadi');
    expect(await answerIn(7001, budi.text(`/tautkan ${exposed}`))).toContain('Kode salah');

    // None of it reached the citizen flow, and both links are in the audit trail.
    expect(r.inboundCount()).toBe(inbound);
    expect(r.h.core.store.conversations.find('telegram', '7001')).toBeNull();
    const audit = r.h.core.db
      .prepare("SELECT type FROM audit_events WHERE type LIKE 'officer.telegram%' ORDER BY id")
      .pluck()
      .all();
    expect(audit).toEqual(['officer.telegram_linked', 'officer.telegram_linked']);
  });

  it('moves the ticket by button only for a linked account that may act on it, and tells the citizen', async () => {
    const agency = ticket()?.agencyId ?? '';
    await linkUser(8002, account('pupr', 'officer', ['6371-pupr']));
    await linkUser(8003, account('korbjm', 'supervisor', ['6371-koordinator']));
    await linkUser(8004, account('capil', 'officer', [agency]));
    await linkUser(8005, account('admin', 'admin', []));
    const citizenBefore = sentTo(CITIZEN).length;

    // Not linked: an alert that says how to link; nothing changes.
    const stranger = await press(member(8001, 'Tamu').press(`aduan:${number}:diproses`));
    expect(stranger).toMatchObject({ show_alert: true });
    expect(String(stranger.text)).toContain('/tautkan');
    // Another agency's officer and a supervisor that did not take it over: refused, nothing changes.
    for (const user of [8002, 8003]) {
      const refused = await press(member(user).press(`aduan:${number}:diproses`));
      expect(refused).toMatchObject({
        show_alert: true,
        text: `Akun Anda tidak dapat menindaklanjuti tiket ${number}.`,
      });
    }
    expect(ticket()?.status).toBe('baru');
    expect(sentTo(GROUP).filter((t) => t.startsWith('✓'))).toEqual([]);

    // The agency's officer: the ticket moves, the group is told who did it, and so is the citizen's chat.
    const done = await press(member(8004).press(`aduan:${number}:diproses`));
    expect(done).toMatchObject({ text: `✓ ${number}: diproses`, show_alert: false });
    expect(ticket()?.status).toBe('diproses');
    await r.until(() => sentTo(GROUP).includes(`✓ ${number} diproses oleh Petugas capil`), 'the group line');
    await r.until(() => sentTo(CITIZEN).length > citizenBefore, 'the citizen update');
    expect(sentTo(CITIZEN).slice(citizenBefore).join('\n')).toContain(number);
    const moved = r.h.core.store.ticketEvents.forTicket(ticket()?.id ?? -1).at(-1);
    expect(moved).toMatchObject({ type: 'status_changed', from: 'baru', to: 'diproses', actor: 'officer' });

    // A move the table does not allow from here: a polite refusal.
    const back = await press(member(8004).press(`aduan:${number}:diverifikasi`));
    expect(back).toMatchObject({ show_alert: true });
    expect(String(back.text)).toContain('tidak dapat diubah menjadi "diverifikasi"');
    expect(ticket()?.status).toBe('diproses');

    // An admin may act on every ticket.
    expect(await press(member(8005).press(`aduan:${number}:selesai`))).toMatchObject({ show_alert: false });
    expect(ticket()?.status).toBe('selesai');
  });

  it('relays /balas to the citizen only as a linked officer’s reply to the ticket’s message', async () => {
    await linkUser(8004, account('capil', 'officer', [ticket()?.agencyId ?? '']));
    await linkUser(8002, account('pupr', 'officer', ['6371-pupr']));
    const citizenBefore = sentTo(CITIZEN).length;
    const capil = member(8004);

    // Chatter, even as a reply to the ticket, /balas not as a reply, a non-linked member, another agency's officer,
    // and another bot's command: nothing reaches the citizen.
    r.fake.push(capil.say('rapat jam 9 ya', ticketMessage));
    r.fake.push(capil.say('/balas@LainBot halo', ticketMessage));
    expect(await answerIn(GROUP, capil.say('/balas Tim kami survei Kamis.'))).toContain(
      'balas (reply) pesan tiketnya dengan /balas',
    );
    expect(await answerIn(GROUP, member(8001).say('/balas halo', ticketMessage))).toContain('belum tertaut');
    expect(await answerIn(GROUP, member(8002).say('/balas halo', ticketMessage))).toContain(
      `tidak dapat menindaklanjuti tiket ${number}`,
    );
    expect(await answerIn(GROUP, capil.say('/balas', ticketMessage))).toContain('balas (reply)');
    await r.sender.drain();
    expect(r.outboxBusy()).toBe(0);
    expect(sentTo(CITIZEN).length).toBe(citizenBefore);
    expect(replies()).toEqual([]);
    expect(sentTo(GROUP).join('\n')).not.toContain('rapat');

    // A reply to the ticket's message, addressed to this bot or not: the officer's message to the citizen.
    expect(await answerIn(GROUP, capil.say('/balas Tim kami survei Kamis.', ticketMessage))).toBe(
      `✓ Terkirim ke pelapor ${number}.`,
    );
    await r.until(() => sentTo(CITIZEN).length > citizenBefore, 'the officer message');
    expect(sentTo(CITIZEN).slice(citizenBefore).join('\n')).toContain('Tim kami survei Kamis.');
    expect(
      await answerIn(GROUP, capil.say('/balas@AduanKalselBot Mohon bawa KK asli.', ticketMessage)),
    ).toContain('Terkirim');
    await r.until(
      () => sentTo(CITIZEN).some((t) => t.includes('Mohon bawa KK asli.')),
      'the second officer message',
    );
    expect(replies().map((e) => e.data?.text)).toEqual(['Tim kami survei Kamis.', 'Mohon bawa KK asli.']);

    // The bot's own line about the ticket (after a button) is a ticket message too.
    await press(capil.press(`aduan:${number}:diproses`));
    await r.until(() => r.fake.messageIdOf(`${number} diproses oleh`) !== null, 'the group line');
    const line = r.fake.messageIdOf(`${number} diproses oleh`) ?? 0;
    expect(await answerIn(GROUP, capil.say('/balas Sudah kami jadwalkan.', line))).toContain('Terkirim');
  });
});
