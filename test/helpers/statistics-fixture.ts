// Five tickets with hand-known times, stages, ratings and links for the statistics tests, written straight into the
// store (not through the ticket desk, whose deadline wiring is not what these tests are about), then counted.
//
//   A  PUPR Banjarmasin, infrastruktur, Banjarmasin Utara, filed Wed 23 Dec 2026 10:00 WITA; replied Mon 28 Dec 10:00
//      (14 h + cuti bersama 24, Christmas 25, the weekend + 10 h = 24 h), selesai Tue 29 Dec 10:00 (48 h); rated 5;
//      verify met 24 Dec (due 30 Dec: on time), answer met 28 Dec (due 5 Jan: on time); penundaan berlarut.
//   B  PUPR Banjarmasin, infrastruktur, Banjarmasin Utara, filed Fri 27 Nov 15:00; replied Mon 30 Nov 09:00 (9 + 9 =
//      18 h), selesai Wed 2 Dec 18:00 (9 + 24 + 24 + 18 = 75 h → 72); rated 3; verify met 1 Dec (due 30 Nov: late),
//      answer open due 8 Dec (missed, still open on 31 Dec); the ladder's coordinator step fired. Linked to A.
//   C  kesehatan in Kab. Banjar (Gambut), filed Mon 23 Nov 10:00 to Dinkes; replied 12:30 (2 h); Dinkes' verify (due
//      26 Nov) ended unmet 27 Nov when it went to the RSUD, whose verify runs to 5 Jan; permintaan imbalan.
//   D  PUPR Banjarmasin, infrastruktur, Banjarmasin Timur, filed Mon 23 Nov 11:00; escalated at intake; verify paused
//      (due 26 Nov); penundaan berlarut.
//   E  Dinkes Kab. Banjar, kesehatan, filed 15 Oct 2026 (outside a November–December range).
import type { Complaint, TicketStatus } from '../../src/domain/complaint.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import type { Harness } from './harness.js';

/** Thursday 31 December 2026, 10:00 WITA: the statistics are read on this day. */
export const READ_AT = Date.parse('2026-12-31T10:00:00+08:00');
const at = (wita: string) => Date.parse(`${wita}+08:00`);

export type StatisticsFixture = Record<'a' | 'b' | 'c' | 'd' | 'e', { id: number; number: string }>;

export function statisticsFixture(h: Harness): StatisticsFixture {
  const { store } = h.core;
  let seq = 0;
  const file = (
    filedAt: string,
    agencyId: string,
    over: Partial<Complaint>,
  ): { id: number; number: string } => {
    seq++;
    const now = at(filedAt);
    const conv = store.conversations.findOrCreate('telegram', `warga-${seq}`, 'intake', 2, now).id;
    const number = `ADU-26${String(seq).padStart(2, '0')}-STA${seq}`;
    const id = store.tickets.create(complaint(over), number, conv, '2027-01-05', now);
    store.tickets.setRouting(id, agencyId, {
      agencyName: agencyId,
      rule: 'test',
      why: { kind: 'text', text: 'test' },
      details: [],
      fallback: false,
      also: [],
    });
    store.ticketEvents.add({
      ticketId: id,
      at: now,
      actor: 'citizen',
      type: 'filed',
      from: null,
      to: 'baru',
      reason: null,
    });
    return { id, number };
  };
  const event = (
    ticketId: number,
    when: string,
    type: 'replied' | 'status_changed',
    to: TicketStatus | null,
  ) => {
    if (to) store.tickets.updateStatus(ticketId, to, at(when));
    store.ticketEvents.add({ ticketId, at: at(when), actor: 'officer', type, from: null, to, reason: null });
  };
  const road = { category: 'infrastruktur', kabkotaCode: '63.71', agency: 'Dinas PUPR' } as const;
  const health = { category: 'kesehatan', kabkotaCode: '63.03', kecamatanCode: '63.03.03' } as const;
  const deadlines = store.ticketDeadlines;

  const e = file('2026-10-15T09:00:00', '6303-dinkes', { ...health, maladministration: null });

  const c = file('2026-11-23T10:00:00', '6303-dinkes', {
    ...health,
    maladministration: 'permintaan_imbalan',
  });
  deadlines.open(
    { ticketId: c.id, stage: 'verify', agencyId: '6303-dinkes', dueOn: '2026-11-26' },
    at('2026-11-23T10:00:00'),
  );
  event(c.id, '2026-11-23T12:30:00', 'replied', null);
  store.tickets.reassign(c.id, '6303-dinkes', '6303-rsud', '2027-01-05', at('2026-11-27T09:00:00'));
  store.ticketEvents.add({
    ticketId: c.id,
    at: at('2026-11-27T09:00:00'),
    actor: 'officer',
    type: 'status_changed',
    from: 'baru',
    to: 'dialihkan',
    reason: 'salah instansi',
  });
  deadlines.open(
    { ticketId: c.id, stage: 'verify', agencyId: '6303-rsud', dueOn: '2027-01-05' },
    at('2026-11-27T09:00:00'),
  );

  const d = file('2026-11-23T11:00:00', '6371-pupr', {
    ...road,
    kecamatanCode: '63.71.02',
    escalate: true,
    maladministration: 'penundaan_berlarut',
  });
  deadlines.open(
    { ticketId: d.id, stage: 'verify', agencyId: '6371-pupr', dueOn: '2026-11-26' },
    at('2026-11-23T11:00:00'),
  );
  deadlines.pause(d.id, at('2026-11-24T09:00:00'));

  const b = file('2026-11-27T15:00:00', '6371-pupr', {
    ...road,
    kecamatanCode: '63.71.04',
    maladministration: null,
  });
  deadlines.open(
    { ticketId: b.id, stage: 'verify', agencyId: '6371-pupr', dueOn: '2026-11-30' },
    at('2026-11-27T15:00:00'),
  );
  event(b.id, '2026-11-30T09:00:00', 'replied', null);
  event(b.id, '2026-12-01T09:00:00', 'status_changed', 'diverifikasi');
  deadlines.meet(b.id, at('2026-12-01T09:00:00'));
  const bAnswer = deadlines.open(
    { ticketId: b.id, stage: 'answer', agencyId: '6371-pupr', dueOn: '2026-12-08' },
    at('2026-12-01T09:00:00'),
  );
  event(b.id, '2026-12-02T18:00:00', 'status_changed', 'selesai');
  store.tickets.setRating(b.id, 3, null, at('2026-12-03T09:00:00'));
  deadlines.fire({ id: bAnswer, ticketId: b.id }, 'reminder', at('2026-12-09T08:00:00'));
  deadlines.fire({ id: bAnswer, ticketId: b.id }, 'coordinator', at('2026-12-11T08:00:00'));

  const a = file('2026-12-23T10:00:00', '6371-pupr', {
    ...road,
    kecamatanCode: '63.71.04',
    maladministration: 'penundaan_berlarut',
  });
  deadlines.open(
    { ticketId: a.id, stage: 'verify', agencyId: '6371-pupr', dueOn: '2026-12-30' },
    at('2026-12-23T10:00:00'),
  );
  event(a.id, '2026-12-24T08:00:00', 'status_changed', 'diverifikasi');
  deadlines.meet(a.id, at('2026-12-24T08:00:00'));
  deadlines.open(
    { ticketId: a.id, stage: 'answer', agencyId: '6371-pupr', dueOn: '2027-01-05' },
    at('2026-12-24T08:00:00'),
  );
  event(a.id, '2026-12-28T10:00:00', 'replied', null);
  deadlines.meet(a.id, at('2026-12-28T10:00:00'));
  event(a.id, '2026-12-29T10:00:00', 'status_changed', 'selesai');
  store.tickets.setRating(a.id, 5, 'cepat', at('2026-12-30T09:00:00'));
  store.ticketEvents.add({
    ticketId: a.id,
    at: at('2026-12-30T09:00:00'),
    actor: 'citizen',
    type: 'rated',
    from: null,
    to: null,
    reason: null,
  });
  store.tickets.link(a.id, b.id, 0.8, 'similar', at('2026-12-23T10:00:00'));

  h.clock.set(READ_AT);
  h.core.statistics.refresh(10_000);
  return { a, b, c, d, e };
}
