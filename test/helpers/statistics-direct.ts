// The statistics figures computed straight from the tickets, for comparing with the rollup's: every ticket's facts
// read and keyed as the refresher keys them, then those filed in the range counted one by one (no rollup, no cover).
import type { TicketScope } from '../../src/domain/officer.js';
import { daysOf, mondayOf } from '../../src/domain/statistics.js';
import type { WorkingDays } from '../../src/domain/working-days.js';
import { countedTicket } from '../../src/officers/statistics-facts.js';
import type { Compliance, Count, Duration, Figures } from '../../src/officers/statistics-figures.js';
import type { StatisticsQuery, StatisticsRange } from '../../src/officers/statistics-query.js';
import type { CountedTicket } from '../../src/storage/statistics-rollup.js';
import type { Harness } from './harness.js';

/** One key of one ticket in the range, within the scope and filters. */
type Hit = { dim: string; value: string; agency: string; kabkota: string; category: string; day: string };

const STAGES = ['verify', 'answer', 'field_check'] as const;

function counts(keys: readonly string[]): Count[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}

/** Nearest rank over the tickets' hours, one by one. */
function duration(hours: number[]): Duration {
  const sorted = [...hours].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length === 0 ? null : (sorted[Math.ceil(p * sorted.length) - 1] ?? null));
  return { count: sorted.length, medianHours: at(0.5), p90Hours: at(0.9) };
}

function compliance(hits: readonly Hit[], today: string): Compliance[] {
  const out = new Map<string, Compliance>();
  for (const h of hits) {
    const [stageName, outcome, due = ''] = h.value.split('|');
    const stage = STAGES.find((s) => s === stageName);
    if (!stage) continue;
    const c = out.get(`${h.agency}|${stage}`) ?? {
      agencyId: h.agency,
      stage,
      onTime: 0,
      late: 0,
      missedOpen: 0,
      missedEnded: 0,
      running: 0,
    };
    if (outcome === 'on_time') c.onTime++;
    else if (outcome === 'late') c.late++;
    else if (outcome === 'missed_ended') c.missedEnded++;
    else if (outcome === 'open' && due < today) c.missedOpen++;
    else if (outcome === 'open' || outcome === 'paused') c.running++;
    out.set(`${h.agency}|${stage}`, c);
  }
  return [...out.values()]
    .filter((c) => c.onTime + c.late + c.missedOpen + c.missedEnded + c.running > 0)
    .sort(
      (a, b) =>
        (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0) ||
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
    );
}

/** Every ticket of the database with its keys, read from its facts now. */
export function keyedTickets(h: Harness, calendar: WorkingDays): CountedTicket[] {
  const { store, db } = h.core;
  return db
    .prepare('SELECT id FROM tickets ORDER BY id')
    .pluck()
    .all()
    .flatMap((id) => {
      const source = typeof id === 'number' ? store.statisticsSources.ticket(id) : null;
      return source ? [countedTicket(source, calendar)] : [];
    });
}

export function directFigures(
  tickets: readonly CountedTicket[],
  scope: TicketScope,
  q: StatisticsQuery,
  range: StatisticsRange,
  today: string,
): Figures {
  const hits: Hit[] = [];
  for (const t of tickets) {
    if (t.day < range.from || t.day > range.to) continue;
    if ((q.kabkota && t.kabkotaCode !== q.kabkota) || (q.category && t.category !== q.category)) continue;
    if (scope.kind === 'kabkota' && !scope.codes.includes(t.kabkotaCode)) continue;
    for (const k of t.keys) {
      const agency = k.agencyId ?? t.agencyId ?? '';
      if (scope.kind === 'agencies' && !scope.agencyIds.includes(agency)) continue;
      if (q.agency && agency !== q.agency) continue;
      hits.push({
        dim: k.dim,
        value: k.value,
        agency,
        kabkota: t.kabkotaCode,
        category: t.category,
        day: t.day,
      });
    }
  }
  const of = (dim: string) => hits.filter((x) => x.dim === dim);
  const filed = of('filed');
  const forms = counts(of('malad').map((x) => x.value));
  const withForm = of('malad').length;
  const ratings = of('rating').map((x) => Number(x.value));
  const bucket = (day: string) =>
    range.bucket === 'day' ? day : range.bucket === 'week' ? mondayOf(day) : day.slice(0, 7);
  const buckets = [...new Set(daysOf(range.from, range.to).map(bucket))];
  return {
    range,
    total: filed.length,
    byCategory: counts(filed.map((x) => x.category)),
    byKabkota: counts(filed.map((x) => x.kabkota)),
    byAgency: counts(filed.map((x) => x.agency)),
    byStatus: counts(of('status').map((x) => x.value)),
    byForm: [...forms, ...(filed.length > withForm ? [{ key: 'none', n: filed.length - withForm }] : [])],
    volume: buckets.map((key) => ({ key, n: filed.filter((x) => bucket(x.day) === key).length })),
    firstAnswer: duration(of('answer_h').map((x) => Number(x.value))),
    selesai: duration(of('done_h').map((x) => Number(x.value))),
    compliance: compliance(of('stage'), today),
    rating: {
      count: ratings.length,
      average:
        ratings.length === 0
          ? null
          : Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 100) / 100,
      byScore: [5, 4, 3, 2, 1].map((s) => ({ key: String(s), n: ratings.filter((r) => r === s).length })),
    },
    escalated: of('escalated').length,
    answeredOnTime: of('on_time').length,
    byKecamatan: counts(of('kecamatan').map((x) => x.value)),
    clusters: counts(of('linked').map((x) => `${x.value}|${x.category}`))
      .filter((c) => c.n >= 2)
      .slice(0, 10)
      .map((c) => {
        const [kecamatan = '', category = ''] = c.key.split('|');
        return { kecamatan, category, n: c.n };
      }),
  };
}
