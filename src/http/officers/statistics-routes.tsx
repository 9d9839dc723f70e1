// The statistics under /petugas/statistik: the page (every signed-in account, within its scope: admins everything, a
// supervisor its area, an officer its agencies) and the MoU's monthly report as CSV or PDF (each download audited).
import { type Context, Hono } from 'hono';
import type { Clock } from '../../clock.js';
import { KECAMATAN } from '../../data/regions-data.js';
import { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate, witaWallClock } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import { type ReportNames, monthlyReportPdf } from '../../officers/monthly-report-files.js';
import { monthlyReport } from '../../officers/monthly-report.js';
import { scopeOf } from '../../officers/policy.js';
import { statisticsFigures } from '../../officers/statistics-figures.js';
import { ReportMonth, lenientStatisticsQuery, statisticsRange } from '../../officers/statistics-query.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { Boundaries } from '../../understand/boundaries.js';
import { kabkotaByCode } from '../../understand/region-lookup.js';
import { monthlyReportCsv } from './monthly-report-csv.js';
import type { SignedIn } from './officer-session.js';
import { filterOptions } from './officer-view-data.js';
import { StatisticsPage } from './statistics-page.js';
import type { StatNames } from './statistics-sections.js';
import { type Frame, status } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

export type StatisticsDeps = {
  store: Store;
  directory: Directory;
  clock: Clock;
  /** The operator's polygons (BOUNDARIES_FILE), drawn on the maps; null without them. */
  boundaries?: Boundaries | null;
};

const kecamatanNames = new Map(KECAMATAN.map((k) => [k.code, k.name]));

/** What a statistics view calls each key, in `lang`. */
export function statNames(lang: Lang, directory: Directory): StatNames & ReportNames {
  return {
    category: (id) => t(lang, `category.${id}`),
    kabkota: (code) =>
      kabkotaByCode(code)?.name ??
      (code.endsWith('.00') ? t(lang, 'officer.agencies.province') : code || '–'),
    kecamatan: (code) => kecamatanNames.get(code) ?? code,
    agency: (id) => (id ? (directory.agency(id)?.shortName ?? id) : t(lang, 'officer.stats.no_agency')),
    status: (s) => {
      const parsed = TicketStatus.safeParse(s);
      return parsed.success ? status(lang, parsed.data) : s;
    },
    form: (f) => t(lang, f === 'none' ? 'officer.stats.form_none' : `maladministration.${f}`),
  };
}

/** The month before today's (WITA), the report a coordinator sends at the start of a month. */
export function lastMonth(now: number): string {
  const d = witaWallClock(now);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/** Who the report is about, for the PDF's header. */
export function scopeLabel(
  lang: Lang,
  me: { role: string; agencies: string[] },
  directory: Directory,
): string {
  if (me.role === 'admin') return t(lang, 'officer.stats.scope_all');
  const names = me.agencies.map((id) => directory.agency(id)?.name ?? id);
  return names.join(', ') || t(lang, 'officer.stats.scope_all');
}

export function statisticsRoutes(
  deps: StatisticsDeps & { frame: (c: Context, me: SignedIn) => Frame },
): Hono<Env> {
  const { store, directory, clock } = deps;
  const app = new Hono<Env>();

  app.get('/', (c) => {
    const me = c.get('me');
    const lang = c.get('lang');
    const scope = scopeOf(me.officer, directory);
    const now = clock.now();
    const today = witaDate(now);
    const query = lenientStatisticsQuery(c.req.query());
    const figures = statisticsFigures(store, scope, query, statisticsRange(query, today), today);
    const refreshed = store.statisticsSources.marks().refreshedAt;
    return c.html(
      <StatisticsPage
        frame={deps.frame(c, me)}
        figures={figures}
        query={query}
        options={filterOptions(scope, directory)}
        names={statNames(lang, directory)}
        asOf={refreshed > 0 ? witaWallClock(refreshed).toISOString().slice(11, 16) : null}
        month={lastMonth(now)}
        boundaries={deps.boundaries ?? null}
      />,
    );
  });

  /** The report of `?month=` for this account, audited as an export; null (a 404) for a month that is not one. */
  const report = (c: Context<Env>, format: 'csv' | 'pdf') => {
    const me = c.get('me');
    const month = ReportMonth.safeParse(c.req.query('month'));
    if (!month.success) return null;
    store.audit.record({
      at: clock.now(),
      actor: `officer:${me.officer.id}`,
      type: 'officer.exported_statistics',
      data: { format, month: month.data },
    });
    return { me, month: month.data, data: monthlyReport(store, scopeOf(me.officer, directory), month.data) };
  };
  const headers = (type: string, name: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });

  app.get('/bulanan.csv', (c) => {
    const r = report(c, 'csv');
    if (!r) return c.notFound();
    const lang = c.get('lang');
    const text = monthlyReportCsv(lang, r.data, statNames(lang, directory));
    return c.body(text, 200, headers('text/csv; charset=utf-8', `laporan-mou-${r.month}.csv`));
  });

  app.get('/bulanan.pdf', async (c) => {
    const r = report(c, 'pdf');
    if (!r) return c.notFound();
    const lang = c.get('lang');
    const pdf = await monthlyReportPdf(lang, r.data, statNames(lang, directory), {
      scope: scopeLabel(lang, r.me.officer, directory),
      at: new Date(clock.now()),
    });
    return c.body(new Uint8Array(pdf), 200, headers('application/pdf', `laporan-mou-${r.month}.pdf`));
  });

  return app;
}
