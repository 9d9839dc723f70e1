// The ticket's end, told to the citizen: at `selesai` they are asked whether it is solved, then to rate it (1–5) and
// comment; "belum" sends it back to the agency; typed-back choices work; three answers not understood end politely;
// silence for 10 days closes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../src/domain/officer.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { QUIET_CLOSE_MS } from '../../src/officers/ticket-actions.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('rating a ticket the agency called done', () => {
  let h: Harness;
  let number: string;
  let officer: Officer;
  const chat = 'warga';

  beforeEach(() => {
    h = new Harness();
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say(chat, turn.say);
    const row = h.core.store.ticketInbox.inbox({ kind: 'all' })[0];
    number = row?.number ?? '';
    const id = h.core.store.officers.add(
      {
        username: 'capil',
        name: null,
        role: 'officer',
        passwordHash: hashPassword('x'),
        agencies: [row?.agencyId ?? ''],
      },
      h.clock.now(),
    );
    const found = h.core.store.officers.get(id);
    if (!found) throw new Error('no officer');
    officer = found;
  });
  afterEach(() => h.close());

  const done = (message: string | null = 'KTP sudah dicetak, silakan ambil.') => {
    expect(h.core.actions.changeStatus(officer, number, 'selesai', { message, reason: null })).toEqual({
      ok: true,
    });
    return h.core.store.outbox.latest('simulate', chat, 1)[0]?.message;
  };
  const ticket = () => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });

  it('asks whether it is solved, then a score and a comment, and stores them on the ticket', () => {
    const asked = done();
    expect(asked?.expecting).toBe('resolved');
    expect(asked?.text).toContain('KTP sudah dicetak, silakan ambil.');
    expect(asked?.text).toContain(number);
    expect(h.say(chat, 'sudah').map((r) => r.expecting)).toEqual(['rating']);
    expect(h.say(chat, '⭐⭐⭐⭐').map((r) => r.expecting)).toEqual(['rating_comment']);
    const thanks = h.say(chat, 'Petugasnya ramah, terima kasih');
    expect(thanks.map((r) => r.expecting)).toEqual(['none']);
    expect(thanks[0]?.text).toContain(number);
    expect(ticket()?.rating).toEqual({ score: 4, comment: 'Petugasnya ramah, terima kasih' });
    expect(h.conversationState(chat)).toBe('submitted');
  });

  it('takes the choices typed back: the label, its number, the other words', () => {
    done();
    expect(h.say(chat, '1').map((r) => r.expecting)).toEqual(['rating']);
    expect(h.say(chat, '5 – sangat baik').map((r) => r.expecting)).toEqual(['rating_comment']);
    expect(h.say(chat, 'Lewati').map((r) => r.expecting)).toEqual(['none']);
    expect(ticket()?.rating).toEqual({ score: 5, comment: null });
  });

  it('sends it back to the agency on "belum", and the officer sees why', () => {
    done();
    const back = h.say(chat, 'belum pak, masih belum bisa diambil');
    expect(back[0]?.text).toContain('kembalikan ke instansi');
    expect(ticket()?.status).toBe('diproses');
    const last = h.core.store.ticketEvents.forTicket(ticket()?.id ?? -1).at(-1);
    expect(last).toMatchObject({
      actor: 'citizen',
      from: 'selesai',
      to: 'diproses',
      reason: 'citizen_not_resolved',
    });
  });

  it('ends politely after three answers it cannot read, without a rating', () => {
    done();
    h.say(chat, '🤔');
    h.say(chat, '👀');
    const end = h.say(chat, '🙂');
    expect(end.map((r) => r.expecting)).toEqual(['none']);
    expect(h.conversationState(chat)).toBe('submitted');
    expect(ticket()?.rating).toBeNull();
  });

  it('closes a ticket left at selesai for 10 days and tells the citizen', () => {
    done();
    h.clock.advance(QUIET_CLOSE_MS - 60_000);
    expect(h.core.actions.closeQuietResolved()).toBe(0);
    h.clock.advance(120_000);
    expect(h.core.actions.closeQuietResolved()).toBe(1);
    expect(ticket()?.status).toBe('ditutup');
    expect(h.core.store.outbox.latest('simulate', chat, 1)[0]?.message.text).toContain('ditutup');
  });

  it('only notifies a citizen who is in the middle of a new complaint, without taking over the conversation', () => {
    h.say(chat, 'saya mau lapor lagi soal jalan rusak di depan rumah');
    const state = h.conversationState(chat);
    const told = done();
    expect(told?.text).toContain(number);
    expect(told?.expecting).not.toBe('resolved');
    expect(h.conversationState(chat)).toBe(state);
  });
});
