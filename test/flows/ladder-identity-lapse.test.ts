// The identity question before Ombudsman's copy lapses when the agency acts first, transcript style (Indonesian): an
// officer's question (menunggu_pelapor) takes the chat and the citizen's answer reaches the ticket; a reply, a
// verification, a move to another agency, selesai or ditolak settles it; no copy goes for a stage no longer
// missed, and an answer arriving after the stage was met changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../src/domain/officer.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import {
  LADDER,
  OMBUDSMAN,
  deliveriesTo,
  endOpenStages,
  ombudsmanByMail,
  openStage,
  sweepOn,
} from '../helpers/ladder-fixture.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const ANONIM = 'an informal citizen with chat abbreviations';

describe('the identity question lapses when the agency acts first', () => {
  let h: Harness;
  let open = false;
  afterEach(() => {
    if (open) h.close();
    open = false;
  });

  /** Files the anonim dialogue's complaint and climbs its stage to Ombudsman's step: the question is asked. */
  const asked = () => {
    if (open) h.close();
    h = new Harness();
    open = true;
    for (const turn of DIALOGUES.find((d) => d.name === ANONIM)?.turns ?? [])
      if ('say' in turn) h.say('warga', turn.say);
    const id = h.core.store.officers.add(
      { username: 'admin', name: null, role: 'admin', passwordHash: hashPassword('x'), agencies: [] },
      h.clock.now(),
    );
    const admin: Officer | null = h.core.store.officers.get(id);
    if (!admin) throw new Error('no admin');
    ombudsmanByMail(h, id);
    endOpenStages(h);
    const number = h.complaints()[0]?.number ?? '';
    const { ticketId } = openStage(h, number);
    sweepOn(h, LADDER.reminder);
    sweepOn(h, LADDER.coordinator);
    sweepOn(h, LADDER.ombudsman);
    expect(h.conversationState('warga')).toBe('identityConsent');
    return { number, ticketId, admin };
  };
  const say = (text: string) => h.say('warga', text);
  const types = (ticketId: number) => h.core.store.ticketEvents.forTicket(ticketId).map((e) => e.type);
  const told = (n: number) =>
    h.core.store.outbox.latest('simulate', 'warga', n).map((e) => e.message.text ?? '');
  /** Past the 3 working days a held copy waits (the next stage may climb on its own days meanwhile). */
  const noCopyLater = (ticketId: number) => {
    for (const date of ['2026-12-10', '2026-12-14', '2026-12-21']) sweepOn(h, date);
    expect(types(ticketId)).not.toContain('escalated');
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(0);
  };

  it('gives the chat to the officer’s question: "nomor 12" reaches the ticket as the citizen’s answer, no copy', () => {
    const { number, ticketId, admin } = asked();
    expect(
      h.core.actions.changeStatus(admin, number, 'menunggu_pelapor', {
        message: 'Rumahnya nomor berapa, pak?',
        reason: null,
      }),
    ).toEqual({ ok: true });
    const [lapsed, question] = told(2);
    expect(lapsed).toContain(
      'Pertanyaan tentang identitas Anda untuk Ombudsman RI Kalsel tidak perlu dijawab lagi',
    );
    expect(question).toContain('Rumahnya nomor berapa, pak?');
    expect(question).toContain('menunggu jawaban Anda');
    expect(question).not.toContain('Bolehkah kami sertakan identitas Anda');
    expect(h.conversationState('warga')).toBe('submitted');
    expect(
      h.core.store.ticketEvents.forTicket(ticketId).find((e) => e.type === 'identity_dropped'),
    ).toMatchObject({
      actor: 'system',
      reason: 'stage_paused',
    });

    const answer = say('nomor 12');
    expect(answer.map((r) => r.expecting)).not.toContain('identity_consent');
    say('tambahkan');
    const ticket = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    expect(ticket?.status).toBe('diproses');
    expect(h.core.store.tickets.notes(ticketId).map((n) => n.text)).toEqual(['nomor 12']);
    expect(types(ticketId)).not.toContain('identity_refused');
    noCopyLater(ticketId);
  });

  it('settles the question when the agency answers (a reply), without a copy', () => {
    const { number, ticketId, admin } = asked();
    expect(h.core.actions.write(admin, number, 'reply', 'Tim kami sudah ke lokasi hari ini.')).toEqual({
      ok: true,
    });
    const [lapsed, reply] = told(2);
    expect(lapsed).toContain('tidak perlu dijawab lagi');
    expect(reply).toContain('Tim kami sudah ke lokasi hari ini.');
    expect(reply).not.toContain('Bolehkah kami sertakan identitas Anda');
    expect(h.conversationState('warga')).toBe('submitted');
    expect(
      h.core.store.ticketEvents.forTicket(ticketId).find((e) => e.type === 'identity_dropped')?.reason,
    ).toBe('stage_met');
    // What the citizen types next is not read as a consent.
    expect(say('iya').map((r) => r.expecting)).not.toContain('identity_consent');
    expect(types(ticketId)).not.toContain('identity_given');
    noCopyLater(ticketId);
  });

  it('settles it when the agency verifies, moves, finishes or rejects the ticket', () => {
    const verified = asked();
    h.core.actions.changeStatus(verified.admin, verified.number, 'diverifikasi', {
      message: null,
      reason: null,
    });
    expect(h.conversationState('warga')).toBe('submitted');
    noCopyLater(verified.ticketId);

    const moved = asked();
    expect(
      h.core.actions.reassign(moved.admin, moved.number, '6371-dinkes', 'Urusan Dinas Kesehatan').ok,
    ).toBe(true);
    expect(
      h.core.store.ticketEvents.forTicket(moved.ticketId).find((e) => e.type === 'identity_dropped')?.reason,
    ).toBe('stage_met');
    expect(h.conversationState('warga')).toBe('submitted');

    // Done: the chat asks whether it is solved, as at rest.
    const done = asked();
    expect(
      h.core.actions.changeStatus(done.admin, done.number, 'selesai', { message: null, reason: null }),
    ).toEqual({ ok: true });
    expect(types(done.ticketId)).toContain('identity_dropped');
    expect(h.conversationState('warga')).toBe('rateResolved');
    noCopyLater(done.ticketId);

    const refused = asked();
    expect(
      h.core.actions.changeStatus(refused.admin, refused.number, 'ditolak', {
        message: null,
        reason: 'Bukan kewenangan pemkot',
      }),
    ).toEqual({ ok: true });
    expect(types(refused.ticketId)).toContain('identity_dropped');
    expect(h.conversationState('warga')).toBe('submitted');
    noCopyLater(refused.ticketId);
  });

  it('sends no copy for an answer that arrives after the stage asked about was met', () => {
    const { number, ticketId } = asked();
    // Met outside the officers' actions (as a direct change of the stage): the chat still holds the question.
    h.core.store.ticketDeadlines.meet(ticketId, h.clock.now());
    say('iya boleh');
    say('Rina Marlina');
    say('6371045708900001');
    expect(
      h.core.store.ticketEvents.forTicket(ticketId).find((e) => e.type === 'identity_dropped')?.reason,
    ).toBe('stage_met');
    expect(types(ticketId)).not.toContain('identity_given');
    expect(types(ticketId)).not.toContain('escalated');
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(0);
    expect(h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.complaint.identityMode).toBe(
      'anonim',
    );
  });
});
