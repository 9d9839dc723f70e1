// Any range of days from the rollup (whole months, whole weeks, then single days) gives the same figures as the
// tickets counted one by one: ranges that start and end mid-week and mid-month, across a year's end, up to today;
// every scope and filter; again after tickets change and are counted again; and migration 038's day rows, derived
// from the counted tickets' keys, are the ones the refresher writes (each day summing to its week and month).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../src/domain/complaint.js';
import type { TicketScope } from '../../src/domain/officer.js';
import { WorkingDays } from '../../src/domain/working-days.js';
import { statisticsFigures } from '../../src/officers/statistics-figures.js';
import { type StatisticsQuery, statisticsRange } from '../../src/officers/statistics-query.js';
import { sql as statisticsDays } from '../../src/storage/migrations/038-statistics-days.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { Harness } from '../helpers/harness.js';
import { directFigures, keyedTickets } from '../helpers/statistics-direct.js';

const at = (wita: string) => Date.parse(`${wita}+08:00`);
const HOUR = 3_600_000;
/** Friday 15 January 2027, 10:00 WITA: the figures are read on this day. */
const TODAY = '2027-01-15';
const READ_AT = at('2027-01-15T10:00:00');
const FIRST = at('2026-10-05T08:00:00');
const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

/** Where tickets go: kab/kota, its agencies (the second one takes the moved tickets) and kecamatan. */
const PLACES = [
  { kabkota: '63.71', agencies: ['6371-pupr', '6371-dinkes'], kecamatan: ['63.71.02', '63.71.04'] },
  { kabkota: '63.03', agencies: ['6303-dinkes', '6303-rsud'], kecamatan: ['63.03.03', '63.03.05'] },
  { kabkota: '63.72', agencies: ['6372-pupr', '6372-dinkes'], kecamatan: ['63.72.01'] },
] as const;
const CATEGORIES = ['infrastruktur', 'kesehatan', 'adminduk'] as const;
const FORMS = [null, 'penundaan_berlarut', 'permintaan_imbalan'] as const;

const RANGES: StatisticsQuery[] = [
  { from: '2026-10-07', to: '2026-12-16' }, // Wednesday to Wednesday, mid-month to mid-month (per week)
  { from: '2026-10-14', to: '2027-01-09' }, // across the year's end (per month)
  { from: '2026-11-11', to: '2026-11-26' }, // within a month, mid-week at both ends (per day)
  { from: '2026-10-29', to: '2026-11-04' }, // one week across a month's end, Thursday to Wednesday
  { from: '2026-11-03', to: '2027-02-10' }, // past today: the last month and week count whole
  { from: '2026-10-01', to: '2026-12-31' }, // whole months
  { from: '2026-11-18', to: '2026-11-18' }, // one day
];
const SCOPES: TicketScope[] = [
  { kind: 'all' },
  { kind: 'agencies', agencyIds: ['6371-pupr'] },
  { kind: 'agencies', agencyIds: ['6303-dinkes', '6303-rsud'] },
  { kind: 'kabkota', codes: ['63.03'] },
  { kind: 'kabkota', codes: ['63.71', '63.72'] },
];
/** Each scope on its own, each filter for an admin, and a filter within a scope. */
const VIEWS: [TicketScope, StatisticsQuery][] = [
  ...SCOPES.map((scope): [TicketScope, StatisticsQuery] => [scope, {}]),
  [{ kind: 'all' }, { category: 'kesehatan' }],
  [{ kind: 'all' }, { kabkota: '63.71' }],
  [{ kind: 'all' }, { agency: '6371-dinkes' }],
  [
    { kind: 'agencies', agencyIds: ['6303-dinkes', '6303-rsud'] },
    { agency: '6303-dinkes', category: 'kesehatan' },
  ],
  [{ kind: 'kabkota', codes: ['63.71', '63.72'] }, { agency: '6371-dinkes' }],
];

/** A small deterministic generator (a linear congruential one): the same tickets every run. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((s / 2_147_483_648) * n);
  };
}

describe('statistics over any range of days', () => {
  let h: Harness;
  const calendar = new WorkingDays();
  let rnd = random(17);
  let seq = 0;

  /** Files one ticket straight into the store (as the statistics fixture does), with what happened to it after. */
  const file = (filedAt: number): number => {
    const { store } = h.core;
    seq++;
    const place = PLACES[rnd(PLACES.length)] ?? PLACES[0];
    const agency = place.agencies[0];
    const conv = store.conversations.findOrCreate('telegram', `warga-${seq}`, 'intake', 2, filedAt).id;
    const id = store.tickets.create(
      complaint({
        category: CATEGORIES[rnd(CATEGORIES.length)] ?? 'lainnya',
        kabkotaCode: place.kabkota,
        kecamatanCode: place.kecamatan[rnd(place.kecamatan.length)] ?? null,
        maladministration: FORMS[rnd(FORMS.length)] ?? null,
        escalate: rnd(8) === 0,
      }),
      `ADU-27${String(seq).padStart(4, '0')}-DAY`,
      conv,
      day(filedAt + 10 * 24 * HOUR),
      filedAt,
    );
    store.tickets.setRouting(id, agency, {
      agencyName: agency,
      rule: 'test',
      why: { kind: 'text', text: 'test' },
      details: [],
      fallback: false,
      also: [],
    });
    const event = (
      when: number,
      type: 'filed' | 'replied' | 'status_changed' | 'rated',
      to: TicketStatus | null,
    ) =>
      store.ticketEvents.add({
        ticketId: id,
        at: when,
        actor: 'officer',
        type,
        from: null,
        to,
        reason: null,
      });
    event(filedAt, 'filed', 'baru');
    const deadlines = store.ticketDeadlines;
    deadlines.open(
      { ticketId: id, stage: 'verify', agencyId: agency, dueOn: day(filedAt + 3 * 24 * HOUR) },
      filedAt,
    );
    const fate = rnd(10);
    const later = (hours: number) => filedAt + hours * HOUR + rnd(60) * 60_000;
    if (fate === 0) deadlines.pause(id, later(20));
    if (fate === 1) {
      const moved = later(24 + rnd(100));
      store.tickets.reassign(id, agency, place.agencies[1], day(moved + 5 * 24 * HOUR), moved);
      event(moved, 'status_changed', 'dialihkan');
      deadlines.open(
        { ticketId: id, stage: 'verify', agencyId: place.agencies[1], dueOn: day(moved) },
        moved,
      );
    }
    if (fate >= 2) {
      const verified = later(rnd(120));
      store.tickets.updateStatus(id, 'diverifikasi', verified);
      event(verified, 'status_changed', 'diverifikasi');
      deadlines.meet(id, verified);
      const due = day(verified + (2 + rnd(6)) * 24 * HOUR);
      const answer = deadlines.open(
        { ticketId: id, stage: 'answer', agencyId: agency, dueOn: due },
        verified,
      );
      if (rnd(6) === 0) deadlines.fire({ id: answer, ticketId: id }, 'coordinator', verified + 200 * HOUR);
      const replied = verified + (1 + rnd(200)) * HOUR;
      if (fate >= 4 && replied < READ_AT) {
        event(replied, 'replied', null);
        deadlines.meet(id, replied);
        const done = replied + rnd(300) * HOUR;
        if (fate >= 6 && done < READ_AT) {
          store.tickets.updateStatus(id, 'selesai', done);
          event(done, 'status_changed', 'selesai');
          if (fate >= 8) {
            store.tickets.setRating(id, 1 + rnd(5), null, done + HOUR);
            event(done + HOUR, 'rated', null);
          }
        }
      }
    }
    if (seq > 5 && rnd(4) === 0) store.tickets.link(id, id - 1 - rnd(5), 0.8, 'similar', filedAt);
    return id;
  };

  const check = () => {
    const tickets = keyedTickets(h, calendar);
    for (const range of RANGES)
      for (const [scope, filter] of VIEWS) {
        const q = { ...range, ...filter };
        const r = statisticsRange(q, TODAY);
        const fromRollup = statisticsFigures(h.core.store, scope, q, r, TODAY);
        expect(fromRollup, JSON.stringify({ q, scope })).toEqual(directFigures(tickets, scope, q, r, TODAY));
      }
  };

  const rollup = () =>
    h.core.db
      .prepare(
        'SELECT dim, period, agency_id, kabkota_code, category, value, n FROM stat_rollup ORDER BY 1, 2, 3, 4, 5, 6',
      )
      .all();

  beforeEach(() => {
    rnd = random(17);
    seq = 0;
    h = new Harness({ at: FIRST });
    for (let t = FIRST; t < at('2027-01-14T00:00:00'); t += (5 + rnd(9)) * HOUR) file(t);
    h.clock.set(READ_AT);
    expect(h.core.statistics.refresh(10_000)).toBe(true);
  });
  afterEach(() => h.close());

  it('gives the figures of the tickets themselves for ranges that start and end mid-week and mid-month', () => {
    expect(
      statisticsFigures(h.core.store, { kind: 'all' }, {}, statisticsRange({}, TODAY), TODAY).total,
    ).toBe(seq);
    check();
  });

  it('still does after tickets change and are counted again', () => {
    const { store } = h.core;
    const first = RANGES[0] ?? {};
    const figures = () =>
      statisticsFigures(store, { kind: 'all' }, first, statisticsRange(first, TODAY), TODAY);
    const before = figures();
    const changed = [7, 30, 61, 95, 140, 170].filter((id) => id <= seq);
    for (const id of changed) {
      store.tickets.updateStatus(id, 'selesai', READ_AT);
      store.ticketEvents.add({
        ticketId: id,
        at: READ_AT,
        actor: 'officer',
        type: 'replied',
        from: null,
        to: null,
        reason: null,
      });
      store.ticketEvents.add({
        ticketId: id,
        at: READ_AT,
        actor: 'officer',
        type: 'status_changed',
        from: null,
        to: 'selesai',
        reason: null,
      });
      store.ticketDeadlines.meet(id, READ_AT);
    }
    // One moved to another agency: its first agency keeps the stage it had, the new one starts its own.
    const moved = 45;
    store.tickets.reassign(
      moved,
      store.ticketDeadlines.facts(moved)?.agencyId ?? null,
      '6371-dinkes',
      TODAY,
      READ_AT,
    );
    store.ticketEvents.add({
      ticketId: moved,
      at: READ_AT,
      actor: 'officer',
      type: 'status_changed',
      from: null,
      to: 'dialihkan',
      reason: 'salah instansi',
    });
    store.ticketDeadlines.open(
      { ticketId: moved, stage: 'verify', agencyId: '6371-dinkes', dueOn: TODAY },
      READ_AT,
    );
    // A new ticket on a mid-week day in November, linked to an older one there: that one's cluster changes too.
    const late = file(at('2026-11-19T09:00:00'));
    store.tickets.link(late, 80, 0.9, 'similar', READ_AT);
    h.clock.advance(60_000);
    expect(h.core.statistics.refresh(10_000)).toBe(true);
    const after = figures();
    expect(after.total).toBe(before.total + 1);
    expect(after.selesai.count).toBeGreaterThan(before.selesai.count);
    expect(after.byStatus).not.toEqual(before.byStatus);
    check();
  });

  it('derives the day rows of migration 038 from the counted tickets, each day summing to its week and month', () => {
    const db = h.core.db;
    const written = rollup();
    db.exec("DELETE FROM stat_rollup WHERE period LIKE 'D%' AND dim <> 'filed'");
    db.exec('CREATE INDEX stat_tickets_day ON stat_tickets (day)');
    db.exec(statisticsDays);
    expect(rollup()).toEqual(written);
    const mismatched = db
      .prepare(
        `SELECT dim, p, agency_id, kabkota_code, category, value FROM (
           SELECT dim, 'M' || substr(period, 2, 7) AS p, agency_id, kabkota_code, category, value, n FROM stat_rollup
             WHERE period LIKE 'D%'
           UNION ALL SELECT dim, 'W' || date(substr(period, 2), '-' || ((strftime('%w', substr(period, 2)) + 6) % 7) || ' days'),
             agency_id, kabkota_code, category, value, n FROM stat_rollup WHERE period LIKE 'D%'
           UNION ALL SELECT dim, period, agency_id, kabkota_code, category, value, -n FROM stat_rollup
             WHERE period NOT LIKE 'D%')
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0`,
      )
      .all();
    expect(mismatched).toEqual([]);
    expect(
      db.prepare("SELECT count(*) FROM stat_rollup WHERE period LIKE 'D%' AND dim = 'stage'").pluck().get(),
    ).toBeGreaterThan(0);
  });
});
