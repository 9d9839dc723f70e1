// Officers acting on tickets: the scope decides what exists for them (404 before anything else), supervisors watch,
// the transitions table decides the move, and the citizen hears of it in their conversation, in their language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficerRole } from '../../src/domain/officer.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('TicketActions.changeStatus', () => {
  let h: Harness;
  let number: string;
  let agencyId: string;
  const hash = hashPassword('kata-sandi-uji-1');
  const account = (username: string, role: OfficerRole, agencies: string[]) => {
    const id = h.core.store.officers.add(
      { username, name: null, role, passwordHash: hash, agencies },
      h.clock.now(),
    );
    const officer = h.core.store.officers.get(id);
    if (!officer) throw new Error('no officer');
    return officer;
  };
  /** Files the informal citizen's complaint (anonim) through the real conversation. */
  const file = (chat: string) => {
    const dialogue = DIALOGUES.find((d) => d.name === 'an informal citizen with chat abbreviations');
    for (const turn of dialogue?.turns ?? []) if ('say' in turn) h.say(chat, turn.say);
  };
  const lastTo = (chat: string) => h.core.store.outbox.latest('simulate', chat, 1)[0]?.message.text ?? '';

  beforeEach(() => {
    h = new Harness();
    file('warga');
    const row = h.core.store.ticketInbox.inbox({ kind: 'all' })[0];
    number = row?.number ?? '';
    agencyId = row?.agencyId ?? '';
  });
  afterEach(() => h.close());

  it('routes the ticket to a Banjarmasin agency (the fixture the rest relies on)', () => {
    expect(number).toMatch(/^ADU-/);
    expect(agencyId.startsWith('6371-')).toBe(true);
  });

  it('answers not_found outside the scope, before saying whether the move would be allowed', () => {
    const other = account('lain', 'officer', ['6303-pupr']);
    expect(h.core.actions.changeStatus(other, number, 'ditutup', { message: null, reason: null })).toEqual({
      ok: false,
      problem: 'not_found',
    });
    const farSupervisor = account('korbanjar', 'supervisor', ['6303-koordinator']);
    expect(
      h.core.actions.changeStatus(farSupervisor, number, 'diproses', { message: null, reason: null }),
    ).toEqual({ ok: false, problem: 'not_found' });
    const supervisor = account('korbjm', 'supervisor', ['6371-koordinator']);
    expect(
      h.core.actions.changeStatus(supervisor, number, 'diproses', { message: null, reason: null }),
    ).toEqual({
      ok: false,
      problem: 'read_only',
    });
  });

  it('follows the transitions table and tells the citizen, with the officer message, in the same transaction', () => {
    const officer = account('petugas', 'officer', [agencyId]);
    const act = h.core.actions;
    expect(act.changeStatus(officer, number, 'ditutup', { message: null, reason: null })).toEqual({
      ok: false,
      problem: 'not_allowed',
    });
    expect(act.changeStatus(officer, number, 'ditolak', { message: null, reason: '  ' })).toEqual({
      ok: false,
      problem: 'reason_required',
    });
    const before = lastTo('warga');
    expect(
      act.changeStatus(officer, number, 'diproses', { message: 'Tim kami survei hari Kamis.', reason: null }),
    ).toEqual({ ok: true });
    const told = lastTo('warga');
    expect(told).not.toBe(before);
    expect(told).toContain(number);
    expect(told).toContain('sedang diproses instansi');
    expect(told).toContain('Tim kami survei hari Kamis.');
    const ticket = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    expect(ticket?.status).toBe('diproses');
    const events = h.core.store.ticketEvents.forTicket(ticket?.id ?? -1);
    expect(events.at(-1)).toMatchObject({
      type: 'status_changed',
      actor: 'officer',
      officerId: officer.id,
      from: 'baru',
      to: 'diproses',
      data: { message: 'Tim kami survei hari Kamis.' },
    });
  });

  it('lets a supervisor note but not write to the citizen, and hides the ticket from other agencies', () => {
    const supervisor = account('korbjm', 'supervisor', ['6371-koordinator']);
    const other = account('lain', 'officer', ['6303-pupr']);
    expect(h.core.actions.write(other, number, 'note', 'x')).toEqual({ ok: false, problem: 'not_found' });
    expect(h.core.actions.write(supervisor, number, 'reply', 'Halo')).toEqual({
      ok: false,
      problem: 'read_only',
    });
    expect(h.core.actions.write(supervisor, number, 'note', 'Pantau minggu depan')).toEqual({ ok: true });
    const officer = account('petugas', 'officer', [agencyId]);
    expect(h.core.actions.write(officer, number, 'reply', 'Kami cek besok.')).toEqual({ ok: true });
    expect(lastTo('warga')).toContain('Kami cek besok.');
    const id = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1;
    expect(
      h.core.store.ticketEvents
        .forTicket(id)
        .slice(-2)
        .map((e) => [e.type, e.officerId]),
    ).toEqual([
      ['noted', supervisor.id],
      ['replied', officer.id],
    ]);
  });

  it('asks the citizen a question (menunggu_pelapor): the answer added to the ticket brings it back to diproses', () => {
    const officer = account('petugas', 'officer', [agencyId]);
    const act = h.core.actions;
    expect(act.changeStatus(officer, number, 'menunggu_pelapor', { message: null, reason: null })).toEqual({
      ok: false,
      problem: 'message_required',
    });
    expect(
      act.changeStatus(officer, number, 'menunggu_pelapor', {
        message: 'Di RT berapa lubangnya?',
        reason: null,
      }),
    ).toEqual({ ok: true });
    expect(lastTo('warga')).toContain('Di RT berapa lubangnya?');
    expect(lastTo('warga')).toContain('menunggu jawaban Anda');
    h.say('warga', 'RT 05 pak, depan musholla');
    h.say('warga', 'tambahkan');
    const ticket = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    expect(ticket?.status).toBe('diproses');
    expect(h.core.store.ticketEvents.forTicket(ticket?.id ?? -1).at(-1)).toMatchObject({
      actor: 'citizen',
      from: 'menunggu_pelapor',
      to: 'diproses',
      reason: 'citizen_answered',
    });
    expect(h.core.store.tickets.notes(ticket?.id ?? -1).map((n) => n.text)).toEqual([
      'RT 05 pak, depan musholla',
    ]);
  });

  it('gives the ticket back to the agency after 10 working days without an answer', () => {
    const officer = account('petugas', 'officer', [agencyId]);
    h.core.actions.changeStatus(officer, number, 'menunggu_pelapor', { message: 'Foto lagi?', reason: null });
    h.clock.advance(9 * 24 * 3600_000);
    expect(h.core.actions.returnUnanswered()).toBe(0);
    h.clock.advance(7 * 24 * 3600_000);
    expect(h.core.actions.returnUnanswered()).toBe(1);
    const ticket = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    expect(ticket?.status).toBe('diproses');
    expect(h.core.store.ticketEvents.forTicket(ticket?.id ?? -1).at(-1)?.reason).toBe(
      'citizen_did_not_answer',
    );
  });

  it('lets a supervisor take a ticket of its area over, once, and then act on it', () => {
    const supervisor = account('korbjm', 'supervisor', ['6371-koordinator']);
    const far = account('korbanjar', 'supervisor', ['6303-koordinator']);
    const officer = account('petugas', 'officer', [agencyId]);
    expect(h.core.actions.takeOver(far, number)).toEqual({ ok: false, problem: 'not_found' });
    expect(h.core.actions.takeOver(officer, number)).toEqual({ ok: false, problem: 'not_allowed' });
    expect(
      h.core.actions.changeStatus(supervisor, number, 'diproses', { message: null, reason: null }).ok,
    ).toBe(false);
    expect(h.core.actions.takeOver(supervisor, number)).toEqual({ ok: true });
    expect(h.core.actions.takeOver(supervisor, number)).toEqual({ ok: false, problem: 'not_allowed' });
    expect(
      h.core.actions.changeStatus(supervisor, number, 'diproses', { message: null, reason: null }),
    ).toEqual({
      ok: true,
    });
    expect(h.core.actions.write(supervisor, number, 'reply', 'Kami tangani langsung.')).toEqual({ ok: true });
  });

  it('moves a ticket to another agency (dialihkan): a reason, a new clock, the citizen told, the old agency reading', () => {
    const officer = account('petugas', 'officer', [agencyId]);
    const next = account('dishub', 'officer', ['6371-dishub']);
    const act = h.core.actions;
    expect(act.reassign(next, number, '6371-pupr', 'x')).toEqual({ ok: false, problem: 'not_found' });
    expect(act.reassign(officer, number, 'tidak-ada', 'Bukan kami')).toEqual({
      ok: false,
      problem: 'unknown_agency',
    });
    expect(act.reassign(officer, number, agencyId, 'Bukan kami')).toEqual({
      ok: false,
      problem: 'unknown_agency',
    });
    expect(act.reassign(officer, number, '6371-dishub', ' ')).toEqual({
      ok: false,
      problem: 'reason_required',
    });
    h.clock.advance(3 * 24 * 3600_000);
    expect(act.reassign(officer, number, '6371-dishub', 'Lampu lalu lintas urusan Dishub')).toMatchObject({
      ok: true,
    });
    const told = lastTo('warga');
    expect(told).toContain('dialihkan ke instansi lain');
    expect(told).toContain('Lampu lalu lintas urusan Dishub');
    expect(told).toContain('Dishub');
    const moved = h.core.store.ticketInbox.forOfficer(number, {
      kind: 'agencies',
      agencyIds: ['6371-dishub'],
    });
    // Dishub's own verification: three working days from Thursday 26 November.
    expect(moved).toMatchObject({ status: 'dialihkan', agencyId: '6371-dishub', dueDate: '2026-12-01' });
    // The old agency still sees it, but may only read; the new one acts.
    expect(
      h.core.store.ticketInbox.forOfficer(number, { kind: 'agencies', agencyIds: [agencyId] })?.number,
    ).toBe(number);
    expect(act.changeStatus(officer, number, 'diproses', { message: null, reason: null })).toEqual({
      ok: false,
      problem: 'read_only',
    });
    expect(act.changeStatus(next, number, 'diproses', { message: null, reason: null })).toEqual({ ok: true });
  });

  it('speaks the citizen’s language, and an anonim ticket stays linked at selesai but not at ditutup', () => {
    h.say('warga', '/lang en');
    const officer = account('petugas', 'officer', [agencyId]);
    expect(h.core.actions.changeStatus(officer, number, 'selesai', { message: null, reason: null }).ok).toBe(
      true,
    );
    expect(lastTo('warga')).toContain('responded to');
    expect(h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.conversationId).not.toBeNull();
    expect(h.core.actions.changeStatus(officer, number, 'ditutup', { message: null, reason: null }).ok).toBe(
      true,
    );
    expect(h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.conversationId).toBeNull();
  });
});
