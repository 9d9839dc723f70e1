// The statistics page (/petugas/statistik): the filters (a plain GET form), the headline figures, every figure as a
// chart and a table, and the MoU's monthly report to download (CSV or PDF). Data in, HTML out.
import type { Lang } from '../../domain/reply.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { Figures } from '../../officers/statistics-figures.js';
import type { StatisticsQuery } from '../../officers/statistics-query.js';
import type { Boundaries } from '../../understand/boundaries.js';
import { CategorySelect, type FilterOptions, PlaceSelects } from './filter-selects.js';
import { Layout } from './layout.js';
import { type StatNames, StatisticsSections } from './statistics-sections.js';
import type { Frame } from './views.js';

/** The page's own layout: figures side by side with their tables on a wide screen, stacked on a phone. */
const CSS = `
.stats-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem;margin-bottom:1rem}
.kpis div{background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:.6rem .8rem}.kpis b{display:block;font-size:1.3rem}
.fig-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;align-items:start}
.fig-note{margin:.2rem 0 .6rem;color:#5b6675;font-size:.9rem}svg.chart{width:100%;height:auto;max-width:480px}
.fig-table{overflow-x:auto}.fig-table table{font-size:.9rem}td.num,th.num{text-align:right;white-space:nowrap}
.scroll{max-height:24rem;overflow-y:auto}.report{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
.report label{margin:0}.report input{width:auto}.report button{margin-top:0}
@media (max-width:760px){.fig-grid{grid-template-columns:1fr}}
`;

export function StatisticsPage(props: {
  frame: Frame;
  figures: Figures;
  query: StatisticsQuery;
  options: FilterOptions;
  names: StatNames;
  /** When the rollup last caught up (ms), or null before its first pass. */
  asOf: string | null;
  /** The month the report form offers first (YYYY-MM). */
  month: string;
  boundaries: Boundaries | null;
}) {
  const { lang } = props.frame;
  const f = props.figures;
  const share = (n: number) => (f.total > 0 ? ` (${((100 * n) / f.total).toFixed(1)}%)` : '');
  return (
    <Layout lang={lang} title={t(lang, 'officer.stats.title')} officer={props.frame.officer}>
      <style>{CSS}</style>
      <div class="stats-head">
        <h1>{t(lang, 'officer.stats.title')}</h1>
        <small>
          {props.asOf
            ? t(lang, 'officer.stats.as_of', { time: props.asOf })
            : t(lang, 'officer.stats.not_yet')}
        </small>
      </div>
      <p class="fig-note">
        {t(lang, 'officer.stats.range', {
          from: formatDate(lang, f.range.from, 'day'),
          to: formatDate(lang, f.range.to, 'day'),
        })}
      </p>
      <Filters lang={lang} query={props.query} options={props.options} range={f.range} />
      <div class="kpis">
        <div>
          {t(lang, 'officer.stats.kpi.total')}
          <b>{String(f.total)}</b>
        </div>
        <div>
          {t(lang, 'officer.stats.kpi.on_time')}
          <b>{`${f.answeredOnTime}${share(f.answeredOnTime)}`}</b>
        </div>
        <div>
          {t(lang, 'officer.stats.kpi.escalated')}
          <b>{`${f.escalated}${share(f.escalated)}`}</b>
        </div>
        <div>
          {t(lang, 'officer.stats.kpi.rating', { count: f.rating.count })}
          <b>{f.rating.average === null ? '–' : f.rating.average.toFixed(2)}</b>
        </div>
      </div>
      <StatisticsSections lang={lang} figures={f} names={props.names} boundaries={props.boundaries} />
      <section class="card" id="report">
        <h2>{t(lang, 'officer.stats.report')}</h2>
        <p class="fig-note">{t(lang, 'officer.stats.report_note')}</p>
        <form method="get" action="/petugas/statistik/bulanan.csv" class="report">
          <div>
            <label for="r-month">{t(lang, 'officer.stats.report_month')}</label>
            <input id="r-month" name="month" type="month" value={props.month} required />
          </div>
          <button class="primary" type="submit">
            {t(lang, 'officer.stats.report_csv')}
          </button>
          <button class="primary" type="submit" formaction="/petugas/statistik/bulanan.pdf">
            {t(lang, 'officer.stats.report_pdf')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** The filter form: a GET to this page; the range is always shown filled in. */
function Filters(props: {
  lang: Lang;
  query: StatisticsQuery;
  options: FilterOptions;
  range: Figures['range'];
}) {
  const { lang, query: q } = props;
  return (
    <details class="card filters" open={Boolean(q.kabkota || q.agency || q.category || q.from || q.to)}>
      <summary>{t(lang, 'officer.filter.title')}</summary>
      <form method="get" action="/petugas/statistik">
        <div class="grid">
          <div>
            <label for="s-from">{t(lang, 'officer.filter.from')}</label>
            <input id="s-from" name="from" type="date" value={props.range.from} />
          </div>
          <div>
            <label for="s-to">{t(lang, 'officer.filter.to')}</label>
            <input id="s-to" name="to" type="date" value={props.range.to} />
          </div>
          <PlaceSelects lang={lang} prefix="s" options={props.options} selected={q} />
          <CategorySelect lang={lang} prefix="s" options={props.options} selected={q.category} />
        </div>
        <button class="primary" type="submit">
          {t(lang, 'officer.filter.apply')}
        </button>{' '}
        <a href="/petugas/statistik">{t(lang, 'officer.filter.reset')}</a>
      </form>
    </details>
  );
}
