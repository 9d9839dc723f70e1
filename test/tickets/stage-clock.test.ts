// The deadline stages through every ticket change: the pure rules (a table of change × open stage → steps), then
// every move of the transitions table, a move to another agency, a merge, a withdrawal and officers' messages run
// through the ticket desk on a real database, each leaving the stages the rules say; pause and resume move the date.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../src/domain/complaint.js';
import type { StageClock } from '../../src/domain/deadline.js';
import { type ClockChange, type OpenClock, clockSteps } from '../../src/tickets/stage-clock.js';
import { MESSAGE_REQUIRED, TRANSITIONS } from '../../src/tickets/transitions.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { Harness, T0 } from '../helpers/harness.js';

const DAY = 86_400_000;
const verify: OpenClock = { stage: 'verify', paused: false };
const answer: OpenClock = { stage: 'answer', paused: false };
const check: OpenClock = { stage: 'field_check', paused: false };
const paused = (o: OpenClock): OpenClock => (o ? { ...o, paused: true } : null);
const move = (from: TicketStatus, to: TicketStatus): ClockChange => ({ kind: 'status', from, to });

describe('the stage rules (pure)', () => {
  const cases: [string, ClockChange, OpenClock, ReturnType<typeof clockSteps>][] = [
    ['filing opens verification', { kind: 'filed' }, null, [{ op: 'open', stage: 'verify' }]],
    [
      'diverifikasi meets it, opens the answer',
      move('baru', 'diverifikasi'),
      verify,
      [{ op: 'meet' }, { op: 'open', stage: 'answer' }],
    ],
    [
      'diproses from baru: verification implied',
      move('baru', 'diproses'),
      verify,
      [{ op: 'meet' }, { op: 'open', stage: 'answer' }],
    ],
    [
      'selesai from baru: both met',
      move('baru', 'selesai'),
      verify,
      [{ op: 'meet' }, { op: 'open_met', stage: 'answer' }],
    ],
    ['ditolak meets verification', move('baru', 'ditolak'), verify, [{ op: 'meet' }]],
    ['ditolak meets the answer (its reason is told)', move('diproses', 'ditolak'), answer, [{ op: 'meet' }]],
    ['a question pauses verification', move('baru', 'menunggu_pelapor'), verify, [{ op: 'pause' }]],
    ['a question pauses the answer', move('diproses', 'menunggu_pelapor'), answer, [{ op: 'pause' }]],
    [
      'the answer to it resumes, and verifies',
      move('menunggu_pelapor', 'diproses'),
      paused(verify),
      [{ op: 'resume' }, { op: 'meet' }, { op: 'open', stage: 'answer' }],
    ],
    [
      'the answer to it resumes the answer stage',
      move('menunggu_pelapor', 'diproses'),
      paused(answer),
      [{ op: 'resume' }],
    ],
    [
      'selesai while waiting: resumed and met',
      move('menunggu_pelapor', 'selesai'),
      paused(answer),
      [{ op: 'resume' }, { op: 'meet' }],
    ],
    ['diproses after diverifikasi changes nothing', move('diverifikasi', 'diproses'), answer, []],
    ['selesai meets the answer', move('diproses', 'selesai'), answer, [{ op: 'meet' }]],
    ['selesai meets a field check', move('diproses', 'selesai'), check, [{ op: 'meet' }]],
    ['selesai once answered: nothing runs', move('diproses', 'selesai'), null, []],
    ['reopened: a new answer stage', move('selesai', 'diproses'), null, [{ op: 'open', stage: 'answer' }]],
    ['closed after selesai: nothing runs', move('selesai', 'ditutup'), null, []],
    ['merged (ditutup) ends the answer', move('diproses', 'ditutup'), answer, [{ op: 'end' }]],
    ['withdrawn ends verification', move('baru', 'dicabut'), verify, [{ op: 'end' }]],
    [
      'withdrawn while waiting ends the paused stage',
      move('menunggu_pelapor', 'dicabut'),
      paused(answer),
      [{ op: 'end' }],
    ],
    [
      'the new agency verifies (after dialihkan)',
      move('dialihkan', 'diverifikasi'),
      verify,
      [{ op: 'meet' }, { op: 'open', stage: 'answer' }],
    ],
    [
      'dialihkan meets the old agency’s verification',
      { kind: 'reassigned' },
      verify,
      [{ op: 'meet' }, { op: 'open', stage: 'verify' }],
    ],
    [
      'dialihkan after verification ends the answer unmet',
      { kind: 'reassigned' },
      answer,
      [{ op: 'end' }, { op: 'open', stage: 'verify' }],
    ],
    [
      'dialihkan while waiting meets the paused verification',
      { kind: 'reassigned' },
      paused(verify),
      [{ op: 'meet' }, { op: 'open', stage: 'verify' }],
    ],
    ['a message meets the answer', { kind: 'replied' }, answer, [{ op: 'meet' }]],
    ['a message meets a field check', { kind: 'replied' }, check, [{ op: 'meet' }]],
    [
      'a message before verification verifies and answers (the agency acted, and answered)',
      { kind: 'replied' },
      verify,
      [{ op: 'meet' }, { op: 'open_met', stage: 'answer' }],
    ],
    ['a message once answered changes nothing', { kind: 'replied' }, null, []],
    [
      'a field check replaces the answer',
      { kind: 'field_check', days: 14, reason: 'ukur' },
      answer,
      [{ op: 'open_field_check', days: 14, reason: 'ukur' }],
    ],
  ];
  it.each(cases)('%s', (_, change, open, steps) => {
    expect(clockSteps(change, open)).toEqual(steps);
  });
});

/** A status move carrying the officer's message to the citizen. */
const said = (from: TicketStatus, to: TicketStatus): ClockChange => ({
  kind: 'status',
  from,
  to,
  message: true,
});

describe('a message sent with a status change (pure)', () => {
  const cases: [string, ClockChange, OpenClock, ReturnType<typeof clockSteps>][] = [
    [
      'baru→diproses with "Perbaikan dijadwalkan Senin": verified and answered at once',
      said('baru', 'diproses'),
      verify,
      [{ op: 'meet' }, { op: 'open_met', stage: 'answer' }],
    ],
    [
      'baru→diverifikasi with a message: the answer stage opens met',
      said('baru', 'diverifikasi'),
      verify,
      [{ op: 'meet' }, { op: 'open_met', stage: 'answer' }],
    ],
    [
      'diverifikasi→diproses with a message meets the answer',
      said('diverifikasi', 'diproses'),
      answer,
      [{ op: 'meet' }],
    ],
    ['a message with diproses meets a field check', said('diproses', 'diproses'), check, [{ op: 'meet' }]],
    [
      'back from the citizen with a message: resumed, then met',
      said('menunggu_pelapor', 'diproses'),
      paused(answer),
      [{ op: 'resume' }, { op: 'meet' }],
    ],
    [
      'back from the citizen before verification: resumed, verified, answered',
      said('menunggu_pelapor', 'diproses'),
      paused(verify),
      [{ op: 'resume' }, { op: 'meet' }, { op: 'open_met', stage: 'answer' }],
    ],
    [
      'reopened with a message: the new answer stage is met',
      said('selesai', 'diproses'),
      null,
      [{ op: 'open_met', stage: 'answer' }],
    ],
    [
      'a question (menunggu_pelapor) is no answer: it pauses',
      said('diproses', 'menunggu_pelapor'),
      answer,
      [{ op: 'pause' }],
    ],
    ['ditolak meets it already, once', said('diproses', 'ditolak'), answer, [{ op: 'meet' }]],
    ['selesai meets it already, once', said('diproses', 'selesai'), answer, [{ op: 'meet' }]],
    [
      'selesai straight from baru: both met, once',
      said('baru', 'selesai'),
      verify,
      [{ op: 'meet' }, { op: 'open_met', stage: 'answer' }],
    ],
    [
      'closed with a message: the answer met, not ended',
      said('diproses', 'ditutup'),
      answer,
      [{ op: 'meet' }],
    ],
    ['once answered a message changes nothing', said('diverifikasi', 'diproses'), null, []],
    ['without a message it stays unmet', move('diverifikasi', 'diproses'), answer, []],
  ];
  it.each(cases)('%s', (_, change, open, steps) => {
    expect(clockSteps(change, open)).toEqual(steps);
  });
});

/** Tuesday 24 November 2026, 10:00 WITA: a day after filing. */
const T1 = T0 + DAY;

/** How a ticket at `baru` reaches each status at T0 (dialihkan: moved to Kab. Banjar's RSUD Ratu Zalecha). */
const PATHS: Record<Exclude<TicketStatus, 'dicabut' | 'ditutup'>, TicketStatus[]> = {
  baru: [],
  diverifikasi: ['diverifikasi'],
  diproses: ['diproses'],
  menunggu_pelapor: ['diverifikasi', 'menunggu_pelapor'],
  selesai: ['diproses', 'selesai'],
  ditolak: ['ditolak'],
  dialihkan: [],
};

/** [stage, due, how it stands] of each stage, oldest first. */
const summary = (stages: StageClock[]) =>
  stages.map((s) => [
    s.stage,
    s.dueOn,
    s.metAt !== null ? 'met' : s.endedAt !== null ? 'ended' : s.pausedAt !== null ? 'paused' : 'running',
  ]);

/**
 * From each status, each move the table allows, made at T1 — what the ticket's last stages are then. Filing at T0
 * (Monday 23 November) opens verification due Thursday 26; verified at T0 the answer is due Monday 30, at T1
 * Tuesday 1 December.
 */
const MOVES: Record<string, string[][]> = {
  'baru→diverifikasi': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'running'],
  ],
  'baru→diproses': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'running'],
  ],
  'baru→menunggu_pelapor': [['verify', '2026-11-26', 'paused']],
  'baru→selesai': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'met'],
  ],
  'baru→ditolak': [['verify', '2026-11-26', 'met']],
  'diverifikasi→diproses': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'running'],
  ],
  'diverifikasi→menunggu_pelapor': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'paused'],
  ],
  'diverifikasi→selesai': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'met'],
  ],
  'diverifikasi→ditolak': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'met'],
  ],
  'diproses→menunggu_pelapor': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'paused'],
  ],
  'diproses→selesai': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'met'],
  ],
  'diproses→ditolak': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'met'],
  ],
  // Paused on Monday, resumed on Tuesday: one working day later.
  'menunggu_pelapor→diproses': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'running'],
  ],
  'menunggu_pelapor→selesai': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'met'],
  ],
  'menunggu_pelapor→ditolak': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'met'],
  ],
  'selesai→diproses': [
    ['answer', '2026-11-30', 'met'],
    ['answer', '2026-12-01', 'running'],
  ],
  'selesai→ditutup': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-11-30', 'met'],
  ],
  'ditolak→ditutup': [['verify', '2026-11-26', 'met']],
  // The old agency's verification met by dialihkan at T0, the new agency's from then.
  'dialihkan→diverifikasi': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'running'],
  ],
  'dialihkan→diproses': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'running'],
  ],
  'dialihkan→menunggu_pelapor': [
    ['verify', '2026-11-26', 'met'],
    ['verify', '2026-11-26', 'paused'],
  ],
  'dialihkan→selesai': [
    ['verify', '2026-11-26', 'met'],
    ['answer', '2026-12-01', 'met'],
  ],
  'dialihkan→ditolak': [
    ['verify', '2026-11-26', 'met'],
    ['verify', '2026-11-26', 'met'],
  ],
};

describe('the stages through the ticket desk', () => {
  let h: Harness;
  let n = 0;
  /** An officer account of Dinkes Kab. Banjar, who makes the moves. */
  let officerId = 0;
  beforeEach(() => {
    h = new Harness();
    officerId = h.core.store.officers.add(
      { username: 'petugas', name: null, role: 'officer', passwordHash: 'x', agencies: ['6303-dinkes'] },
      T0,
    );
  });
  afterEach(() => h.close());

  /** A new ticket of Dinkes Kab. Banjar filed at T0 from its own chat, moved along `path` at T0. */
  const ticketAt = (from: keyof typeof PATHS) => {
    const conv = h.core.store.conversations.findOrCreate('telegram', `w${n++}`, 'intake', 2, T0).id;
    const filed = h.core.tickets.file(complaint({ story: `cerita ${n}` }), conv, true, T0);
    if (filed.kind !== 'filed') throw new Error('not filed');
    const id = h.core.store.tickets.findForChat(conv, filed.ticket)?.id ?? 0;
    let status: TicketStatus = 'baru';
    if (from === 'dialihkan') {
      const t = { id, number: filed.ticket, status, agencyId: '6303-dinkes' };
      h.core.tickets.reassign(t, { agencyId: '6303-rsud', name: 'RSUD' }, { officerId, reason: 'x' }, T0);
      status = 'dialihkan';
    }
    for (const to of PATHS[from]) {
      const r = h.core.tickets.move({ id, status }, to, { officerId, reason: 'x', message: asked(to) }, T0);
      if (!r.ok) throw new Error(`${status}→${to}: ${r.problem}`);
      status = to;
    }
    return { id, status, conv, number: filed.ticket };
  };
  const stages = (id: number) => summary(h.core.store.ticketDeadlines.history(id));
  /** The moves alone: a message only where the move needs one (the question of menunggu_pelapor). */
  const asked = (to: TicketStatus) => (MESSAGE_REQUIRED.has(to) ? 'x' : null);

  it('covers every move of the transitions table', () => {
    const table = Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`));
    expect(Object.keys(MOVES).sort()).toEqual(table.sort());
  });

  it.each(Object.entries(MOVES))('%s leaves the stages the rules say', (key, expected) => {
    const [from, to] = key.split('→') as [keyof typeof PATHS, TicketStatus];
    const t = ticketAt(from);
    const r = h.core.tickets.move(
      { id: t.id, status: t.status },
      to,
      { officerId, reason: 'x', message: asked(to) },
      T1,
    );
    expect(r).toEqual({ ok: true });
    expect(stages(t.id).slice(-expected.length)).toEqual(expected);
    // The inbox's due date is the running stage's.
    const running = h.core.store.ticketDeadlines.current(t.id);
    const due = h.core.store.ticketInbox.forOfficer(t.number, { kind: 'all' })?.dueDate;
    if (running) expect(due).toBe(running.dueOn);
  });

  it('files with verification due in VERIFY_DAYS and tells both dates', () => {
    const conv = h.core.store.conversations.findOrCreate('telegram', 'f', 'intake', 2, T0).id;
    expect(h.core.tickets.file(complaint(), conv, true, T0)).toMatchObject({
      verifyDue: '2026-11-26',
      due: '2026-12-03',
      days: 5,
    });
  });

  it('dialihkan after verification ends the old answer unmet; the new agency verifies in its days', () => {
    const t = ticketAt('diproses');
    const ticket = { id: t.id, number: t.number, status: t.status, agencyId: '6303-dinkes' };
    h.core.tickets.reassign(ticket, { agencyId: '6303-rsud', name: 'RSUD' }, { officerId, reason: 'x' }, T1);
    expect(stages(t.id)).toEqual([
      ['verify', '2026-11-26', 'met'],
      ['answer', '2026-11-30', 'ended'],
      ['verify', '2026-11-27', 'running'],
    ]);
    expect(h.core.store.ticketDeadlines.current(t.id)?.agencyId).toBe('6303-rsud');
  });

  it('a merge and a withdrawal end the running stage', () => {
    const a = ticketAt('diproses');
    const b = ticketAt('diproses');
    h.core.tickets.merge(
      { id: a.id, number: a.number, status: 'diproses' },
      { id: b.id, number: b.number },
      { officerId, note: null },
      T1,
    );
    expect(stages(a.id).at(-1)).toEqual(['answer', '2026-11-30', 'ended']);
    expect(stages(b.id).at(-1)).toEqual(['answer', '2026-11-30', 'running']);
    const c = ticketAt('baru');
    h.core.tickets.withdraw(c.conv, c.number, T1);
    expect(stages(c.id)).toEqual([['verify', '2026-11-26', 'ended']]);
  });

  it('the first officer message meets the answer; before verification, both (the agency acted, and answered)', () => {
    const fresh = ticketAt('baru');
    h.core.tickets.write({ id: fresh.id }, 'replied', { officerId, text: 'Kami periksa.' }, T1);
    expect(stages(fresh.id)).toEqual([
      ['verify', '2026-11-26', 'met'],
      ['answer', '2026-12-01', 'met'],
    ]);
    const worked = ticketAt('diproses');
    h.core.tickets.write({ id: worked.id }, 'noted', { officerId, text: 'internal' }, T1);
    expect(stages(worked.id).at(-1)?.[2]).toBe('running');
    h.core.tickets.write({ id: worked.id }, 'replied', { officerId, text: 'Sudah kami jadwalkan.' }, T1);
    expect(stages(worked.id).at(-1)).toEqual(['answer', '2026-11-30', 'met']);
  });

  it('a message with the move answers: no answer deadline left to miss, no ladder', () => {
    const scheduled = ticketAt('baru');
    const by = { officerId, reason: null, message: 'Perbaikan dijadwalkan Senin.' };
    h.core.tickets.move({ id: scheduled.id, status: 'baru' }, 'diproses', by, T1);
    expect(stages(scheduled.id)).toEqual([
      ['verify', '2026-11-26', 'met'],
      ['answer', '2026-12-01', 'met'],
    ]);
    const verified = ticketAt('diverifikasi');
    h.core.tickets.move({ id: verified.id, status: 'diverifikasi' }, 'diproses', by, T1);
    expect(stages(verified.id).at(-1)).toEqual(['answer', '2026-11-30', 'met']);
    const asking = ticketAt('diverifikasi');
    h.core.tickets.move({ id: asking.id, status: 'diverifikasi' }, 'menunggu_pelapor', by, T1);
    expect(stages(asking.id).at(-1)).toEqual(['answer', '2026-11-30', 'paused']);
    expect(h.core.store.ticketDeadlines.climbing('2026-12-31', 10).map((s) => s.ticketId)).not.toContain(
      verified.id,
    );
  });

  it('pause and resume move the due date by the working days the citizen held it, over Christmas', () => {
    // Verified on Monday 21 December: the answer is due 5 working days on (22, 23, 28, 29, 30).
    const at = Date.parse('2026-12-21T02:00:00Z');
    h.clock.set(at);
    const conv = h.core.store.conversations.findOrCreate('telegram', 'natal', 'intake', 2, at).id;
    const filed = h.core.tickets.file(complaint(), conv, true, at);
    if (filed.kind !== 'filed') throw new Error('not filed');
    const id = h.core.store.tickets.findForChat(conv, filed.ticket)?.id ?? 0;
    const by = { officerId, reason: null, message: 'Kapan kejadiannya?' };
    h.core.tickets.move({ id, status: 'baru' }, 'diproses', { ...by, message: null }, at);
    expect(h.core.store.ticketDeadlines.current(id)?.dueOn).toBe('2026-12-30');
    h.core.tickets.move({ id, status: 'diproses' }, 'menunggu_pelapor', by, at + 2 * DAY); // Wednesday 23
    // The citizen answers on Monday 28: 24 (cuti bersama), 25 (Christmas) and the weekend do not count; 28 does.
    h.core.tickets.append(conv, filed.ticket, 'Tanggal 20.', [], Date.parse('2026-12-28T02:00:00Z'));
    expect(h.core.store.ticketDeadlines.current(id)).toMatchObject({ dueOn: '2026-12-31', pausedAt: null });
    expect(h.core.store.ticketInbox.forOfficer(filed.ticket, { kind: 'all' })?.dueDate).toBe('2026-12-31');
  });
});
