// The statistics page's figures, folded from the rollup within an account's scope: tickets by category, kab/kota,
// agency, status and form of maladministration; volume over time; time to the first answer and to selesai (hours on
// working days); deadline compliance per agency and stage; ratings; the map; clusters of similar complaints by place.
import type { TicketScope } from '../domain/officer.js';
import { type StatDim, type StatRow, coverRange, daysOf, mondayOf, nextMonth } from '../domain/statistics.js';
import type { GroupColumn } from '../storage/statistics-rollup.js';
import type { Store } from '../storage/store.js';
import type { Bucket, StatisticsQuery, StatisticsRange } from './statistics-query.js';

/** A count per key (a category, a kab/kota code, an agency id, a status, a form, a kecamatan code), most first. */
export type Count = { key: string; n: number };

/** Median and 90th percentile of hours on working days, over `count` tickets (null when none). */
export type Duration = { count: number; medianHours: number | null; p90Hours: number | null };

export type Compliance = {
  agencyId: string;
  stage: 'verify' | 'answer' | 'field_check';
  onTime: number;
  late: number;
  /** Past the due date and still open. */
  missedOpen: number;
  /** Past the due date, then ended unmet (closed, withdrawn, moved). */
  missedEnded: number;
  /** Running, not yet due, or paused while the officers wait for the citizen. */
  running: number;
};

export type Figures = {
  range: StatisticsRange;
  total: number;
  byCategory: Count[];
  byKabkota: Count[];
  byAgency: Count[];
  byStatus: Count[];
  /** Per form; `none` for the tickets without one. */
  byForm: Count[];
  /** Tickets filed per bucket (`YYYY-MM-DD` a day or a week's Monday, `YYYY-MM` a month), every bucket listed. */
  volume: Count[];
  firstAnswer: Duration;
  selesai: Duration;
  compliance: Compliance[];
  rating: { count: number; average: number | null; byScore: Count[] };
  escalated: number;
  answeredOnTime: number;
  byKecamatan: Count[];
  /** Tickets linked to a similar one in the same kecamatan, per kecamatan and category, most first (top 10). */
  clusters: { kecamatan: string; category: string; n: number }[];
};

/** What each figure sums its dimension by. */
const GROUPS: Record<StatDim, readonly GroupColumn[]> = {
  filed: ['agency_id', 'kabkota_code', 'category'],
  status: ['value'],
  malad: ['value'],
  kecamatan: ['value'],
  linked: ['value', 'category'],
  answer_h: ['value'],
  done_h: ['value'],
  rating: ['value'],
  escalated: [],
  on_time: [],
  stage: ['value', 'agency_id'],
};

const STAGES = ['verify', 'answer', 'field_check'] as const;

/** Counts summed per key, most first (then by key). */
function tally(rows: readonly StatRow[], key: (r: StatRow) => string): Count[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.n);
  return [...m]
    .map(([k, n]) => ({ key: k, n }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}

/** Nearest-rank percentile over a histogram of whole hours. */
function duration(rows: readonly StatRow[]): Duration {
  const hist = tally(rows, (r) => r.value)
    .map((c) => ({ hours: Number(c.key), n: c.n }))
    .sort((a, b) => a.hours - b.hours);
  const count = hist.reduce((s, h) => s + h.n, 0);
  const at = (p: number): number | null => {
    if (count === 0) return null;
    const rank = Math.ceil(p * count);
    let seen = 0;
    for (const h of hist) {
      seen += h.n;
      if (seen >= rank) return h.hours;
    }
    return null;
  };
  return { count, medianHours: at(0.5), p90Hours: at(0.9) };
}

function compliance(rows: readonly StatRow[], today: string): Compliance[] {
  const byKey = new Map<string, Compliance>();
  for (const r of rows) {
    const [stage, outcome, due = ''] = r.value.split('|');
    const s = STAGES.find((x) => x === stage);
    if (!s) continue;
    const key = `${r.agencyId}|${s}`;
    const c = byKey.get(key) ?? {
      agencyId: r.agencyId,
      stage: s,
      onTime: 0,
      late: 0,
      missedOpen: 0,
      missedEnded: 0,
      running: 0,
    };
    if (outcome === 'on_time') c.onTime += r.n;
    else if (outcome === 'late') c.late += r.n;
    else if (outcome === 'missed_ended') c.missedEnded += r.n;
    else if (outcome === 'open' && due < today) c.missedOpen += r.n;
    else if (outcome === 'open' || outcome === 'paused') c.running += r.n;
    byKey.set(key, c);
  }
  return [...byKey.values()]
    .filter((c) => c.onTime + c.late + c.missedOpen + c.missedEnded + c.running > 0)
    .sort(
      (a, b) =>
        (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0) ||
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
    );
}

/** The bucket a day falls in. */
function bucketOf(day: string, bucket: Bucket): string {
  return bucket === 'day' ? day : bucket === 'week' ? mondayOf(day) : day.slice(0, 7);
}

/** Every bucket of the range, in order. */
function bucketsOf(range: StatisticsRange): string[] {
  if (range.bucket === 'month') {
    const out: string[] = [];
    for (let m = range.from.slice(0, 7); m <= range.to.slice(0, 7); m = nextMonth(m)) out.push(m);
    return out;
  }
  return [...new Set(daysOf(range.from, range.to).map((d) => bucketOf(d, range.bucket)))];
}

export function statisticsFigures(
  store: Store,
  scope: TicketScope,
  q: StatisticsQuery,
  range: StatisticsRange,
  today: string,
): Figures {
  const filters = {
    ...(q.kabkota ? { kabkota: q.kabkota } : {}),
    ...(q.agency ? { agency: q.agency } : {}),
    ...(q.category ? { category: q.category } : {}),
  };
  const query = { cover: coverRange(range.from, range.to, range.to >= today), ...filters };
  // The tickets the scope's agencies got a copy of (Ombudsman's tembusan) count beside their own.
  const copied = store.statisticsCopies.rows(scope, { from: range.from, to: range.to, ...filters });
  const of = (dim: StatDim) => [
    ...store.statisticsRollup.rows(scope, query, dim, GROUPS[dim]),
    ...copied.filter((r) => r.dim === dim),
  ];
  const filed = of('filed');
  const total = filed.reduce((s, r) => s + r.n, 0);
  const forms = tally(of('malad'), (r) => r.value);
  const withForm = forms.reduce((s, c) => s + c.n, 0);
  const ratings = of('rating');
  const rated = ratings.reduce((s, r) => s + r.n, 0);
  const ratingSum = ratings.reduce((s, r) => s + Number(r.value) * r.n, 0);

  const volumeCover =
    range.bucket === 'month'
      ? coverRange(range.from, range.to, range.to >= today, false)
      : { months: [], days: [{ from: range.from, to: range.to }] };
  const perBucket = new Map(bucketsOf(range).map((b) => [b, 0]));
  for (const p of store.statisticsRollup.filedPerPeriod(scope, { ...volumeCover, ...filters })) {
    const key = p.period.startsWith('M') ? p.period.slice(1) : bucketOf(p.period.slice(1), range.bucket);
    if (perBucket.has(key)) perBucket.set(key, (perBucket.get(key) ?? 0) + p.n);
  }
  for (const r of copied) {
    const key = bucketOf(r.day, range.bucket);
    if (r.dim === 'filed' && perBucket.has(key)) perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
  }

  const clusters = tally(of('linked'), (r) => `${r.value}|${r.category}`)
    .filter((c) => c.n >= 2)
    .slice(0, 10)
    .map((c) => {
      const [kecamatan = '', category = ''] = c.key.split('|');
      return { kecamatan, category, n: c.n };
    });

  return {
    range,
    total,
    byCategory: tally(filed, (r) => r.category),
    byKabkota: tally(filed, (r) => r.kabkotaCode),
    byAgency: tally(filed, (r) => r.agencyId),
    byStatus: tally(of('status'), (r) => r.value),
    byForm: [...forms, ...(total > withForm ? [{ key: 'none', n: total - withForm }] : [])],
    volume: [...perBucket].map(([key, n]) => ({ key, n })),
    firstAnswer: duration(of('answer_h')),
    selesai: duration(of('done_h')),
    compliance: compliance(of('stage'), today),
    rating: {
      count: rated,
      average: rated === 0 ? null : Math.round((ratingSum / rated) * 100) / 100,
      byScore: [5, 4, 3, 2, 1].map((s) => ({
        key: String(s),
        n: ratings.filter((r) => r.value === String(s)).reduce((a, r) => a + r.n, 0),
      })),
    },
    escalated: of('escalated').reduce((s, r) => s + r.n, 0),
    answeredOnTime: of('on_time').reduce((s, r) => s + r.n, 0),
    byKecamatan: tally(of('kecamatan'), (r) => r.value),
    clusters,
  };
}
