// An officer's update reaching a Telegram citizen through the real telegraf and the fake Bot API: a question answered
// by replying to it, the message at selesai, then "sudah beres?" and the rating with buttons, stored on the ticket.
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramUser } from '../../fakes/telegram-bot-api.js';
import { type Rig, lastButtons, rig } from './telegram-rig.js';

describe('Telegram: an officer answers and the citizen rates', () => {
  let r: Rig;
  afterEach(async () => {
    await r.close();
  });

  it('takes a reply to the officer question onto the ticket, then the rating from buttons', async () => {
    r = await rig();
    const { fake, h } = r;
    const siti = new TelegramUser(5550101);
    await r.say(siti.text('/start'));
    await r.say(siti.tap('yes'));
    await r.say(
      siti.text('KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.'),
    );
    for (const a of [
      siti.tap(lastButtons(fake)[0] ?? 'yes'),
      siti.text('belum'),
      siti.text('KTP saya segera dicetak'),
      siti.text('1'),
      siti.text('Siti Rahmah'),
      siti.text('6371045708900001'),
      siti.contact('6281234567890'),
    ])
      await r.say(a);
    const done = await r.say(siti.tap('send'));
    const number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(done.join('\n'))?.[0] ?? '';
    expect(number).not.toBe('');

    const row = h.core.store.ticketInbox.inbox({ kind: 'all' })[0];
    const id = h.core.store.officers.add(
      { username: 'capil', name: null, role: 'officer', passwordHash: 'x', agencies: [row?.agencyId ?? ''] },
      h.clock.now(),
    );
    const officer = h.core.store.officers.get(id);
    if (!officer) throw new Error('no officer');

    // The officer asks; the citizen answers by replying to that message, and the answer lands on the ticket.
    const asked = fake.sentTexts().length;
    h.core.actions.changeStatus(officer, number, 'menunggu_pelapor', {
      message: 'Apakah Ibu sudah menerima SMS pengambilan?',
      reason: null,
    });
    await r.until(() => fake.sentTexts().length > asked, 'the question');
    const questionId = fake.messageIdOf('Apakah Ibu sudah menerima SMS pengambilan?');
    expect(questionId).not.toBeNull();
    const ack = await r.say(siti.reply('Belum ada SMS sama sekali pak', questionId ?? 0));
    expect(ack.join('\n')).toContain(number);
    const ticketId = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1;
    expect(h.core.store.tickets.notes(ticketId).map((n) => n.text)).toEqual([
      'Belum ada SMS sama sekali pak',
    ]);
    expect(h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.status).toBe('diproses');

    const before = fake.sentTexts().length;
    expect(
      h.core.actions.changeStatus(officer, number, 'selesai', {
        message: 'KTP sudah jadi, ambil di loket 2.',
        reason: null,
      }),
    ).toEqual({ ok: true });
    await r.until(() => fake.sentTexts().length > before, 'the update');
    const update = fake.sentTexts().slice(before).join('\n');
    expect(update).toContain('KTP sudah jadi, ambil di loket 2.');
    expect(update).toContain(number);
    expect(lastButtons(fake)).toEqual(['yes', 'no']);

    await r.say(siti.tap('yes'));
    expect(lastButtons(fake)).toEqual(['1', '2', '3', '4', '5']);
    await r.say(siti.tap('5'));
    expect(lastButtons(fake)).toEqual(['skip']);
    const thanks = await r.say(siti.tap('skip'));
    expect(thanks.join('\n')).toContain('Terima kasih');
    expect(h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.rating).toEqual({
      score: 5,
      comment: null,
    });
  });
});
