// The monthly report for the MoU between Kalsel's governments and Ombudsman RI: per kab/kota and agency, the tickets
// received in the month, answered on time, escalated (the ladder's coordinator or Ombudsman step, or the citizen's
// own request at intake), and the average rating; within the account's scope, from the statistics' rollup.
import type { TicketScope } from '../domain/officer.js';
import type { Store } from '../storage/store.js';

export type ReportLine = {
  kabkotaCode: string;
  /** '' for tickets that have no agency. */
  agencyId: string;
  received: number;
  answeredOnTime: number;
  escalated: number;
  ratings: number;
  /** Average score (1–5, two decimals), null without ratings. */
  averageRating: number | null;
};

export type MonthlyReport = { month: string; lines: ReportLine[]; total: ReportLine };

const average = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

export function monthlyReport(store: Store, scope: TicketScope, month: string): MonthlyReport {
  const query = { cover: { months: [month], weeks: [], days: [] } };
  const by = ['agency_id', 'kabkota_code'] as const;
  const rows = [
    ...store.statisticsRollup.rows(scope, query, 'filed', by),
    ...store.statisticsRollup.rows(scope, query, 'on_time', by),
    ...store.statisticsRollup.rows(scope, query, 'escalated', by),
    ...store.statisticsRollup.rows(scope, query, 'rating', [...by, 'value']),
    // The tickets the scope's agencies got a copy of (Ombudsman's tembusan); days compared as text: -31 ends any month.
    ...store.statisticsCopies
      .rows(scope, { from: `${month}-01`, to: `${month}-31` })
      .filter((r) => r.dim === 'filed' || r.dim === 'on_time' || r.dim === 'escalated' || r.dim === 'rating'),
  ];
  const lines = new Map<string, ReportLine & { ratingSum: number }>();
  for (const r of rows) {
    const key = `${r.kabkotaCode}|${r.agencyId}`;
    const line = lines.get(key) ?? {
      kabkotaCode: r.kabkotaCode,
      agencyId: r.agencyId,
      received: 0,
      answeredOnTime: 0,
      escalated: 0,
      ratings: 0,
      averageRating: null,
      ratingSum: 0,
    };
    if (r.dim === 'filed') line.received += r.n;
    else if (r.dim === 'on_time') line.answeredOnTime += r.n;
    else if (r.dim === 'escalated') line.escalated += r.n;
    else {
      line.ratings += r.n;
      line.ratingSum += Number(r.value) * r.n;
    }
    lines.set(key, line);
  }
  const sorted = [...lines.values()]
    .filter((l) => l.received > 0)
    .sort((a, b) =>
      a.kabkotaCode === b.kabkotaCode
        ? a.agencyId.localeCompare(b.agencyId)
        : a.kabkotaCode.localeCompare(b.kabkotaCode),
    );
  const sum = (f: (l: ReportLine) => number) => sorted.reduce((s, l) => s + f(l), 0);
  const ratingSum = sorted.reduce((s, l) => s + l.ratingSum, 0);
  return {
    month,
    lines: sorted.map(({ ratingSum: s, ...l }) => ({ ...l, averageRating: average(s, l.ratings) })),
    total: {
      kabkotaCode: '',
      agencyId: '',
      received: sum((l) => l.received),
      answeredOnTime: sum((l) => l.answeredOnTime),
      escalated: sum((l) => l.escalated),
      ratings: sum((l) => l.ratings),
      averageRating: average(
        ratingSum,
        sum((l) => l.ratings),
      ),
    },
  };
}
