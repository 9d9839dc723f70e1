// The statistics against hand-computed fixtures (test/helpers/statistics-fixture.ts): hours on working days across a
// weekend, Christmas and cuti bersama; stage outcomes; ratings; scope (an officer its agencies, a coordinator its
// kab/kota); filters; the rollup counted again without double counting; the MoU month; the range cover.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketScope } from '../../src/domain/officer.js';
import { coverRange, hoursBucket } from '../../src/domain/statistics.js';
import { WorkingDays } from '../../src/domain/working-days.js';
import { monthlyReport } from '../../src/officers/monthly-report.js';
import { workingHours } from '../../src/officers/statistics-facts.js';
import { statisticsFigures } from '../../src/officers/statistics-figures.js';
import { type StatisticsQuery, statisticsRange } from '../../src/officers/statistics-query.js';
import { Harness } from '../helpers/harness.js';
import { type StatisticsFixture, statisticsFixture } from '../helpers/statistics-fixture.js';

const at = (wita: string) => Date.parse(`${wita}+08:00`);
const TODAY = '2026-12-31';
const NOV_DEC = { from: '2026-11-01', to: '2026-12-31' };
const ALL: TicketScope = { kind: 'all' };
const PUPR: TicketScope = { kind: 'agencies', agencyIds: ['6371-pupr'] };

describe('statistics figures', () => {
  let h: Harness;
  let fx: StatisticsFixture;
  const figures = (scope: TicketScope, q: StatisticsQuery = NOV_DEC) =>
    statisticsFigures(h.core.store, scope, q, statisticsRange(q, TODAY), TODAY);

  beforeEach(() => {
    h = new Harness();
    fx = statisticsFixture(h);
  });
  afterEach(() => h.close());

  it('counts hours on working days only: weekends, national holidays and cuti bersama are left out', () => {
    const calendar = new WorkingDays();
    expect(workingHours(at('2026-11-27T15:00:00'), at('2026-11-30T09:00:00'), calendar)).toBe(18);
    expect(workingHours(at('2026-12-23T10:00:00'), at('2026-12-28T10:00:00'), calendar)).toBe(24);
    expect(workingHours(at('2026-12-24T10:00:00'), at('2026-12-27T10:00:00'), calendar)).toBe(0);
    expect(workingHours(at('2026-11-23T10:00:00'), at('2026-11-23T12:30:00'), calendar)).toBe(2.5);
    expect([hoursBucket(2.5), hoursBucket(47.9), hoursBucket(75), hoursBucket(99_999)]).toEqual([
      2, 47, 72, 1440,
    ]);
  });

  it('reads a range as whole months, then whole weeks from Monday, then the days left over', () => {
    expect(coverRange('2026-11-01', '2026-12-31')).toEqual({
      months: ['2026-11', '2026-12'],
      weeks: [],
      days: [],
    });
    expect(coverRange('2026-11-15', '2027-01-10')).toEqual({
      months: ['2026-12'],
      weeks: ['2026-11-16', '2026-11-23', '2027-01-04'],
      days: [
        { from: '2026-11-15', to: '2026-11-15' },
        { from: '2026-11-30', to: '2026-11-30' },
        { from: '2027-01-01', to: '2027-01-03' },
      ],
    });
    expect(coverRange('2026-12-03', '2026-12-05')).toEqual({
      months: [],
      weeks: [],
      days: [{ from: '2026-12-03', to: '2026-12-05' }],
    });
    expect(coverRange('2026-12-01', '2026-12-20', true)).toEqual({
      months: ['2026-12'],
      weeks: [],
      days: [],
    });
    expect(coverRange('2026-12-03', '2026-12-17', true)).toEqual({
      months: [],
      weeks: ['2026-12-07', '2026-12-14'],
      days: [{ from: '2026-12-03', to: '2026-12-06' }],
    });
    expect(coverRange('2026-11-15', '2026-12-20', false, false).days).toEqual([
      { from: '2026-11-15', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-20' },
    ]);
  });

  it('gives the hand-computed figures to an admin', () => {
    const f = figures(ALL);
    expect(f.range).toEqual({ ...NOV_DEC, bucket: 'week' });
    expect(f.total).toBe(4);
    expect(f.byCategory).toEqual([
      { key: 'infrastruktur', n: 3 },
      { key: 'kesehatan', n: 1 },
    ]);
    expect(f.byKabkota).toEqual([
      { key: '63.71', n: 3 },
      { key: '63.03', n: 1 },
    ]);
    expect(f.byAgency).toEqual([
      { key: '6371-pupr', n: 3 },
      { key: '6303-rsud', n: 1 },
    ]);
    expect(f.byStatus).toEqual([
      { key: 'selesai', n: 2 },
      { key: 'baru', n: 1 },
      { key: 'dialihkan', n: 1 },
    ]);
    expect(f.byForm).toEqual([
      { key: 'penundaan_berlarut', n: 2 },
      { key: 'permintaan_imbalan', n: 1 },
      { key: 'none', n: 1 },
    ]);
    expect(f.firstAnswer).toEqual({ count: 3, medianHours: 18, p90Hours: 24 });
    expect(f.selesai).toEqual({ count: 2, medianHours: 48, p90Hours: 72 });
    expect(f.rating).toEqual({
      count: 2,
      average: 4,
      byScore: [
        { key: '5', n: 1 },
        { key: '4', n: 0 },
        { key: '3', n: 1 },
        { key: '2', n: 0 },
        { key: '1', n: 0 },
      ],
    });
    expect(f.escalated).toBe(2);
    expect(f.answeredOnTime).toBe(1);
    expect(f.compliance).toEqual([
      {
        agencyId: '6303-dinkes',
        stage: 'verify',
        onTime: 0,
        late: 0,
        missedOpen: 0,
        missedEnded: 1,
        running: 0,
      },
      {
        agencyId: '6303-rsud',
        stage: 'verify',
        onTime: 0,
        late: 0,
        missedOpen: 0,
        missedEnded: 0,
        running: 1,
      },
      {
        agencyId: '6371-pupr',
        stage: 'verify',
        onTime: 1,
        late: 1,
        missedOpen: 0,
        missedEnded: 0,
        running: 1,
      },
      {
        agencyId: '6371-pupr',
        stage: 'answer',
        onTime: 1,
        late: 0,
        missedOpen: 1,
        missedEnded: 0,
        running: 0,
      },
    ]);
    expect(f.byKecamatan).toEqual([
      { key: '63.71.04', n: 2 },
      { key: '63.03.03', n: 1 },
      { key: '63.71.02', n: 1 },
    ]);
    expect(f.clusters).toEqual([{ kecamatan: '63.71.04', category: 'infrastruktur', n: 2 }]);
    const volume = Object.fromEntries(f.volume.map((v) => [v.key, v.n]));
    expect(f.volume[0]?.key).toBe('2026-10-26');
    expect(f.volume.at(-1)?.key).toBe('2026-12-28');
    expect(volume['2026-11-23']).toBe(3);
    expect(volume['2026-12-21']).toBe(1);
    expect(f.volume.reduce((s, v) => s + v.n, 0)).toBe(4);
  });

  it('reads the last twelve months per month by default, and a short range per day', () => {
    const f = figures(ALL, {});
    expect(f.range).toEqual({ from: '2026-01-01', to: TODAY, bucket: 'month' });
    expect(f.total).toBe(5);
    expect(f.volume).toHaveLength(12);
    expect(f.volume.filter((v) => v.n > 0)).toEqual([
      { key: '2026-10', n: 1 },
      { key: '2026-11', n: 3 },
      { key: '2026-12', n: 1 },
    ]);
    const days = figures(ALL, { from: '2026-11-20', to: '2026-11-30' });
    expect(days.range.bucket).toBe('day');
    expect(days.total).toBe(3);
    expect(days.volume.filter((v) => v.n > 0)).toEqual([
      { key: '2026-11-23', n: 2 },
      { key: '2026-11-27', n: 1 },
    ]);
  });

  it('keeps each account to its scope: an officer its agencies (their stages too), a coordinator its kab/kota', () => {
    const pupr = figures(PUPR);
    expect(pupr.total).toBe(3);
    expect(pupr.byAgency).toEqual([{ key: '6371-pupr', n: 3 }]);
    expect(pupr.compliance.map((c) => c.agencyId)).toEqual(['6371-pupr', '6371-pupr']);
    const dinkes = figures({ kind: 'agencies', agencyIds: ['6303-dinkes'] });
    expect(dinkes.total).toBe(0);
    expect(dinkes.compliance).toEqual([
      {
        agencyId: '6303-dinkes',
        stage: 'verify',
        onTime: 0,
        late: 0,
        missedOpen: 0,
        missedEnded: 1,
        running: 0,
      },
    ]);
    const coordinator = figures({ kind: 'kabkota', codes: ['63.71'] });
    expect(coordinator.total).toBe(3);
    expect(coordinator.byKabkota).toEqual([{ key: '63.71', n: 3 }]);
    expect(figures({ kind: 'agencies', agencyIds: ['6372-pupr'] }).total).toBe(0);
    expect(figures({ kind: 'agencies', agencyIds: [] }).total).toBe(0);
  });

  it('narrows by category, kab/kota, agency and range', () => {
    expect(figures(ALL, { ...NOV_DEC, category: 'kesehatan' }).total).toBe(1);
    expect(figures(ALL, { ...NOV_DEC, kabkota: '63.03' }).byKecamatan).toEqual([{ key: '63.03.03', n: 1 }]);
    const agency = figures(ALL, { ...NOV_DEC, agency: '6371-pupr' });
    expect(agency.total).toBe(3);
    expect(agency.escalated).toBe(2);
    expect(figures(ALL, { from: '2026-12-01', to: '2026-12-31' }).total).toBe(1);
    expect(figures(ALL, { from: '2026-11-24', to: '2026-12-22' }).total).toBe(1);
    expect(figures(PUPR, { ...NOV_DEC, agency: '6303-rsud' }).total).toBe(0);
  });

  it('counts a changed ticket again without counting it twice', () => {
    const before = figures(ALL);
    expect(h.core.statistics.refresh()).toBe(true);
    expect(figures(ALL)).toEqual(before);
    h.core.store.ticketEvents.add({
      ticketId: fx.d.id,
      at: at('2026-11-24T10:00:00'),
      actor: 'officer',
      type: 'replied',
      from: null,
      to: null,
      reason: null,
    });
    h.core.store.tickets.updateStatus(fx.d.id, 'diproses', at('2026-11-24T10:00:00'));
    h.core.statistics.refresh();
    const after = figures(ALL);
    expect(after.total).toBe(4);
    expect(after.firstAnswer).toEqual({ count: 4, medianHours: 18, p90Hours: 24 });
    expect(after.byStatus).toEqual([
      { key: 'selesai', n: 2 },
      { key: 'dialihkan', n: 1 },
      { key: 'diproses', n: 1 },
    ]);
  });

  it('makes the MoU month per kab/kota and agency', () => {
    const november = monthlyReport(h.core.store, ALL, '2026-11');
    expect(november.lines).toEqual([
      {
        kabkotaCode: '63.03',
        agencyId: '6303-rsud',
        received: 1,
        answeredOnTime: 0,
        escalated: 0,
        ratings: 0,
        averageRating: null,
      },
      {
        kabkotaCode: '63.71',
        agencyId: '6371-pupr',
        received: 2,
        answeredOnTime: 0,
        escalated: 2,
        ratings: 1,
        averageRating: 3,
      },
    ]);
    expect(november.total).toMatchObject({ received: 3, escalated: 2, ratings: 1, averageRating: 3 });
    const december = monthlyReport(h.core.store, PUPR, '2026-12');
    expect(december.lines).toEqual([
      {
        kabkotaCode: '63.71',
        agencyId: '6371-pupr',
        received: 1,
        answeredOnTime: 1,
        escalated: 0,
        ratings: 1,
        averageRating: 5,
      },
    ]);
    expect(monthlyReport(h.core.store, { kind: 'kabkota', codes: ['63.03'] }, '2026-12').lines).toEqual([]);
  });
});
