// The escalation ladder with an injected clock: the reminder the day after a missed due date, the coordinator watching
// 2 working days later, Ombudsman's copy 5 working days after that; the citizen told each time; each step once
// (two sweeps a day, two at the same instant, a restart in the middle); working days across holidays; a paused or a
// met stage never climbs; the intake escalation is the copy; a ticket without a chat gets it without questions.
import { afterEach, describe, expect, it } from 'vitest';
import { complaint } from '../forwarding/ticket-fixture.js';
import {
  type AssignmentFixture,
  PUPR,
  ROAD,
  assignmentFixture,
  fileTicket,
} from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import {
  LADDER,
  OMBUDSMAN,
  deliveriesTo,
  endOpenStages,
  lastTold,
  ombudsmanByMail,
  openStage,
  sweepOn,
} from '../helpers/ladder-fixture.js';

const COORDINATOR = '6371-koordinator';

describe('the escalation ladder', () => {
  let h: Harness;
  afterEach(() => h.close());

  const setUp = (at?: number) => {
    h = new Harness(at === undefined ? {} : { at });
    const f = assignmentFixture(h);
    const s = h.core.store;
    s.telegramOfficers.link('7001', f.budi.id, h.clock.now());
    s.officerNotices.saveSettings(
      f.coordinator.id,
      { email: 'kor@example.go.id', newTicket: 'none', reply: 'none', deadline: 'email' },
      h.clock.now(),
    );
    ombudsmanByMail(h, f.admin.id);
    endOpenStages(h);
    return f;
  };
  const events = (ticketId: number) => h.core.store.ticketEvents.forTicket(ticketId);
  const typesOf = (ticketId: number) => events(ticketId).map((e) => e.type);
  const notices = (ticketId: number) =>
    h.core.db
      .prepare(
        'SELECT recipient, channel, kind, key FROM officer_notifications WHERE ticket_id = ? ORDER BY id',
      )
      .all(ticketId) as { recipient: string; channel: string; kind: string; key: string }[];
  const ombudsmanAccount = (f: AssignmentFixture) => {
    const id = h.core.store.officers.add(
      { username: 'ombud', name: null, role: 'supervisor', passwordHash: 'x', agencies: [OMBUDSMAN] },
      h.clock.now(),
    );
    h.core.store.officerNotices.saveSettings(
      id,
      { email: 'ombud@example.go.id', newTicket: 'email', reply: 'none', deadline: 'none' },
      h.clock.now(),
    );
    return { id, admin: f.admin.id };
  };

  it('reminds, lets the coordinator watch, then copies Ombudsman, telling the citizen each time, never twice', () => {
    const f = setUp();
    const omb = ombudsmanAccount(f);
    const { ticketId, stageId } = openStage(h, f.road);
    const told = () => lastTold(h, 'telegram', 'warga-jalan')[0] ?? '';

    expect(sweepOn(h, LADDER.due)).toBe(0);
    // The reminder, the day after the due date: PUPR's officer (Telegram) and group, the citizen in plain words.
    expect(sweepOn(h, LADDER.reminder)).toBe(1);
    expect(h.core.ladder.sweep()).toBe(0);
    expect(told()).toContain(
      `Batas waktu pemeriksaan awal pengaduan ${f.road} (25 November 2026) sudah terlewati`,
    );
    expect(told()).toContain('Kami sudah mengingatkan Dinas PUPR Kota Banjarmasin');
    expect(notices(ticketId).filter((n) => n.kind === 'overdue')).toEqual([
      { recipient: `officer:${f.budi.id}`, channel: 'telegram', kind: 'overdue', key: `stage:${stageId}` },
    ]);
    expect(typesOf(ticketId)).toContain('reminded');

    // A restart in the middle: the steps taken are stored, the next ones come on their day.
    h.restart();
    expect(sweepOn(h, LADDER.reminder)).toBe(0);
    expect(sweepOn(h, '2026-11-27')).toBe(0);
    // Two working days later the coordinator watches: its supervisor told by e-mail, the citizen told.
    expect(sweepOn(h, LADDER.coordinator)).toBe(1);
    expect(sweepOn(h, LADDER.coordinator)).toBe(0);
    const watch = events(ticketId).find((e) => e.type === 'watcher_added');
    expect(watch?.data).toEqual({ agency: COORDINATOR, name: 'Admin LAPOR! Pemkot Banjarmasin' });
    expect(told()).toContain('Mulai hari ini Admin LAPOR! Pemkot Banjarmasin, pengelola pengaduan');
    expect(notices(ticketId)).toContainEqual({
      recipient: `officer:${f.coordinator.id}`,
      channel: 'email',
      kind: 'overdue',
      key: `stage:${stageId}`,
    });

    // Five working days after that Ombudsman gets the copy: its destination, its account, the event, the citizen.
    expect(sweepOn(h, '2026-12-04')).toBe(0);
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(0);
    expect(sweepOn(h, LADDER.ombudsman)).toBe(1);
    expect(sweepOn(h, LADDER.ombudsman)).toBe(0);
    expect(sweepOn(h, '2026-12-08')).toBe(0);
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(1);
    expect(events(ticketId).find((e) => e.type === 'escalated')?.data).toEqual({
      to: OMBUDSMAN,
      name: 'Ombudsman RI Kalsel',
      why: 'deadline',
      identity: 'given',
    });
    expect(notices(ticketId)).toContainEqual({
      recipient: `officer:${omb.id}`,
      channel: 'email',
      kind: 'new_ticket',
      key: OMBUDSMAN,
    });
    expect(told()).toContain(`Pengaduan ${f.road} sudah kami teruskan juga ke Ombudsman RI Kalsel`);
    // Its forwarding may carry the ticket now (Ombudsman is among the agencies it goes to, with the reason).
    expect(h.core.store.forwardingViews.forTicket(ticketId)?.routing.also.map((a) => a.agencyId)).toEqual([
      OMBUDSMAN,
    ]);
    expect(h.core.store.ticketDeadlines.ladder(ticketId).map((l) => l.level)).toEqual([
      'reminder',
      'coordinator',
      'ombudsman',
    ]);
    expect(typesOf(ticketId).filter((t) => t === 'escalated' || t === 'watcher_added')).toHaveLength(2);
    expect(lastTold(h, 'telegram', 'warga-jalan', 10).filter((t) => t.includes(f.road))).toHaveLength(3);
  });

  it('counts the working days around holidays: Proklamasi (17 Aug) and Maulid (25 Aug 2026)', () => {
    const f = setUp(Date.parse('2026-08-10T10:00:00+08:00'));
    const { ticketId } = openStage(h, f.road, '2026-08-13');
    expect(sweepOn(h, '2026-08-13')).toBe(0);
    expect(sweepOn(h, '2026-08-14')).toBe(1);
    // Monday 17 August is a holiday: two working days after Friday 14 are Tuesday 18 and Wednesday 19.
    expect(sweepOn(h, '2026-08-17')).toBe(0);
    expect(sweepOn(h, '2026-08-18')).toBe(0);
    expect(sweepOn(h, '2026-08-19')).toBe(1);
    // Five after Wednesday 19: 20, 21, 24, (25 is Maulid), 26, 27.
    expect(sweepOn(h, '2026-08-26')).toBe(0);
    expect(sweepOn(h, '2026-08-27')).toBe(1);
    expect(
      h.core.store.ticketDeadlines.ladder(ticketId).map((l) => [l.level, new Date(l.firedAt).toISOString()]),
    ).toEqual([
      ['reminder', '2026-08-14T01:00:00.000Z'],
      ['coordinator', '2026-08-19T01:00:00.000Z'],
      ['ombudsman', '2026-08-27T01:00:00.000Z'],
    ]);
  });

  it('never climbs a paused stage (waiting for the citizen), and a met stage stops it', () => {
    const f = setUp();
    const paused = openStage(h, f.road);
    h.core.store.ticketDeadlines.pause(paused.ticketId, h.clock.now());
    const met = openStage(h, f.drain);
    expect(sweepOn(h, LADDER.reminder)).toBe(1);
    h.core.store.ticketDeadlines.meet(met.ticketId, h.clock.now());
    for (const date of [LADDER.coordinator, LADDER.ombudsman, '2026-12-21']) expect(sweepOn(h, date)).toBe(0);
    expect(h.core.store.ticketDeadlines.ladder(paused.ticketId)).toEqual([]);
    expect(h.core.store.ticketDeadlines.ladder(met.ticketId).map((l) => l.level)).toEqual(['reminder']);
    // A ticket waiting for the citizen (menunggu_pelapor) does not climb even if its stage were running.
    const waiting = fileTicket(h, 'warga-tunggu', { ...ROAD, story: 'Lampu jalan padam di Jl. Cempaka.' });
    const w = openStage(h, waiting);
    expect(
      h.core.actions.changeStatus(f.budi, waiting, 'menunggu_pelapor', {
        message: 'Di titik mana?',
        reason: null,
      }),
    ).toEqual({ ok: true });
    openStage(h, waiting);
    expect(sweepOn(h, '2026-12-28')).toBe(0);
    expect(h.core.store.ticketDeadlines.ladder(w.ticketId)).toEqual([]);
  });

  it('takes the citizen’s escalation at intake as the copy: the ladder never makes a second one', () => {
    const f = setUp();
    const number = fileTicket(h, 'warga-ombudsman', {
      ...ROAD,
      story: 'Jembatan Sungai Andai rusak, sudah lapor kelurahan tapi tidak ada tindak lanjut.',
      escalate: true,
    });
    const { ticketId } = openStage(h, number);
    const copies = () => events(ticketId).filter((e) => e.type === 'escalated');
    expect(copies().map((e) => e.data?.why)).toEqual(['citizen']);
    const queued = deliveriesTo(h, OMBUDSMAN);
    for (const date of [LADDER.reminder, LADDER.coordinator, LADDER.ombudsman])
      expect(sweepOn(h, date)).toBe(1);
    expect(copies()).toHaveLength(1);
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(queued);
    expect(h.core.store.ticketDeadlines.climbing('2026-12-31', 10)).toEqual([]);
    expect(f.road).not.toBe(number);
  });

  it('copies Ombudsman without identity questions for an anonim ticket that has no chat', () => {
    const f = setUp();
    const conv = h.core.store.conversations.findOrCreate(
      'telegram',
      'warga-anonim',
      'intake',
      2,
      h.clock.now(),
    ).id;
    const filed = h.core.tickets.file(
      complaint({ ...ROAD, identityMode: 'anonim', name: null, nik: null, phone: null }),
      conv,
      true,
      h.clock.now(),
    );
    if (filed.kind !== 'filed') throw new Error('not filed');
    const { ticketId } = openStage(h, filed.ticket);
    h.core.store.tickets.detachChat(ticketId);
    for (const date of [LADDER.reminder, LADDER.coordinator, LADDER.ombudsman])
      expect(sweepOn(h, date)).toBe(1);
    expect(typesOf(ticketId)).not.toContain('identity_asked');
    expect(events(ticketId).find((e) => e.type === 'escalated')?.data?.identity).toBe('withheld');
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(1);
    expect(h.core.store.ticketInbox.forOfficer(filed.ticket, { kind: 'all' })?.agencyId).toBe(PUPR);
    expect(f.admin.role).toBe('admin');
  });
});
