// The statistics page's figures, each a chart (server-rendered SVG) beside the table of the same numbers: volume over
// time, tickets by category, kab/kota, agency, status and form, times, deadline compliance, ratings, the maps and
// the clusters of similar complaints by place. Data in, HTML out; no identity anywhere.
import type { Child } from 'hono/jsx';
import type { Lang } from '../../domain/reply.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { Figures } from '../../officers/statistics-figures.js';
import type { Boundaries } from '../../understand/boundaries.js';
import { BarChart, LineChart, StackedBars } from './svg-charts.js';
import { ComplaintMap } from './svg-map.js';

/** What the page calls each key of the figures. */
export type StatNames = {
  category: (id: string) => string;
  kabkota: (code: string) => string;
  kecamatan: (code: string) => string;
  agency: (id: string) => string;
  status: (s: string) => string;
  form: (f: string) => string;
};

/** Bars shown at most per chart; the table beside it lists them all. */
const TOP = 12;
const COLOURS = ['#0f5132', '#d39e00', '#a61b1b', '#e07b7b', '#9aa5b1'];

function Figure(props: { id: string; title: string; note?: string; chart: Child; table: Child }) {
  return (
    <section class="card figure" id={props.id}>
      <h2>{props.title}</h2>
      {props.note ? <p class="fig-note">{props.note}</p> : null}
      <div class="fig-grid">
        <div class="fig-chart">{props.chart}</div>
        <div class="fig-table">{props.table}</div>
      </div>
    </section>
  );
}

function CountTable(props: {
  lang: Lang;
  head: string;
  rows: { label: string; n: number }[];
  total?: number;
}) {
  const { lang } = props;
  return (
    <table>
      <thead>
        <tr>
          <th>{props.head}</th>
          <th class="num">{t(lang, 'officer.stats.col.tickets')}</th>
          {props.total !== undefined ? <th class="num">%</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <td>{r.label}</td>
            <td class="num">{String(r.n)}</td>
            {props.total !== undefined ? (
              <td class="num">{props.total > 0 ? ((100 * r.n) / props.total).toFixed(1) : '0.0'}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A figure of counts per key: bars of the first `TOP`, every row in the table. */
function CountFigure(props: {
  lang: Lang;
  id: string;
  title: string;
  head: string;
  rows: { label: string; n: number }[];
  total: number;
  note?: string;
}) {
  const { lang } = props;
  const shown = props.rows.slice(0, TOP);
  const desc = t(lang, 'officer.stats.bars_desc', { shown: shown.length, all: props.rows.length });
  return (
    <Figure
      id={props.id}
      title={props.title}
      {...(props.note ? { note: props.note } : {})}
      chart={<BarChart id={`${props.id}-chart`} title={props.title} desc={desc} items={shown} />}
      table={<CountTable lang={lang} head={props.head} rows={props.rows} total={props.total} />}
    />
  );
}

const hours = (lang: Lang, h: number | null) =>
  h === null ? '–' : t(lang, 'officer.stats.hours', { hours: h });

function volumeLabel(lang: Lang, key: string, bucket: Figures['range']['bucket']): string {
  if (bucket === 'month') return formatDate(lang, `${key}-01`, 'month');
  return bucket === 'week' ? t(lang, 'officer.stats.week_of', { date: key }) : key;
}

export function StatisticsSections(props: {
  lang: Lang;
  figures: Figures;
  names: StatNames;
  boundaries: Boundaries | null;
}) {
  const { lang, figures: f, names } = props;
  const label = (rows: { key: string; n: number }[], name: (k: string) => string) =>
    rows.map((r) => ({ label: name(r.key), n: r.n }));
  const volume = f.volume.map((v) => ({ label: volumeLabel(lang, v.key, f.range.bucket), n: v.n }));
  const outcomes = ['on_time', 'late', 'missed_open', 'missed_ended', 'running'] as const;
  const compliance = f.compliance.map((c) => ({
    label: `${names.agency(c.agencyId)} · ${t(lang, `officer.stats.stage.${c.stage}`)}`,
    parts: [c.onTime, c.late, c.missedOpen, c.missedEnded, c.running],
    c,
  }));
  return (
    <>
      <Figure
        id="volume"
        title={t(lang, 'officer.stats.volume')}
        note={t(lang, `officer.stats.bucket.${f.range.bucket}`)}
        chart={
          <LineChart
            id="volume-chart"
            title={t(lang, 'officer.stats.volume')}
            desc={t(lang, 'officer.stats.volume_desc', { total: f.total, buckets: volume.length })}
            points={volume}
          />
        }
        table={<CountTable lang={lang} head={t(lang, 'officer.stats.col.period')} rows={volume} />}
      />
      <CountFigure
        lang={lang}
        id="category"
        title={t(lang, 'officer.stats.by_category')}
        head={t(lang, 'officer.col.category')}
        rows={label(f.byCategory, names.category)}
        total={f.total}
      />
      <CountFigure
        lang={lang}
        id="kabkota"
        title={t(lang, 'officer.stats.by_kabkota')}
        head={t(lang, 'officer.filter.kabkota')}
        rows={label(f.byKabkota, names.kabkota)}
        total={f.total}
      />
      <CountFigure
        lang={lang}
        id="agency"
        title={t(lang, 'officer.stats.by_agency')}
        head={t(lang, 'officer.col.agency')}
        rows={label(f.byAgency, names.agency)}
        total={f.total}
      />
      <CountFigure
        lang={lang}
        id="status"
        title={t(lang, 'officer.stats.by_status')}
        head={t(lang, 'officer.col.status')}
        rows={label(f.byStatus, names.status)}
        total={f.total}
      />
      <CountFigure
        lang={lang}
        id="form"
        title={t(lang, 'officer.stats.by_form')}
        head={t(lang, 'officer.stats.col.form')}
        rows={label(f.byForm, names.form)}
        total={f.total}
      />
      <section class="card figure" id="times">
        <h2>{t(lang, 'officer.stats.times')}</h2>
        <p class="fig-note">{t(lang, 'officer.stats.times_note')}</p>
        <div class="fig-table">
          <table>
            <thead>
              <tr>
                <th />
                <th class="num">{t(lang, 'officer.stats.col.tickets')}</th>
                <th class="num">{t(lang, 'officer.stats.col.median')}</th>
                <th class="num">{t(lang, 'officer.stats.col.p90')}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['first_answer', f.firstAnswer],
                  ['selesai', f.selesai],
                ] as const
              ).map(([key, d]) => (
                <tr>
                  <td>{t(lang, `officer.stats.time.${key}`)}</td>
                  <td class="num">{String(d.count)}</td>
                  <td class="num">{hours(lang, d.medianHours)}</td>
                  <td class="num">{hours(lang, d.p90Hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Figure
        id="compliance"
        title={t(lang, 'officer.stats.compliance')}
        note={t(lang, 'officer.stats.compliance_note')}
        chart={
          <StackedBars
            id="compliance-chart"
            title={t(lang, 'officer.stats.compliance')}
            desc={t(lang, 'officer.stats.compliance_desc', { rows: compliance.length })}
            legend={outcomes.map((o, i) => ({
              label: t(lang, `officer.stats.outcome.${o}`),
              colour: COLOURS[i] ?? '#999',
            }))}
            items={compliance.slice(0, TOP)}
          />
        }
        table={
          <table>
            <thead>
              <tr>
                <th>{t(lang, 'officer.col.agency')}</th>
                {outcomes.map((o) => (
                  <th class="num">{t(lang, `officer.stats.outcome.${o}`)}</th>
                ))}
                <th class="num">{t(lang, 'officer.stats.col.on_time_share')}</th>
              </tr>
            </thead>
            <tbody>
              {compliance.map(({ label: name, parts, c }) => {
                const judged = c.onTime + c.late + c.missedOpen + c.missedEnded;
                return (
                  <tr>
                    <td>{name}</td>
                    {parts.map((n) => (
                      <td class="num">{String(n)}</td>
                    ))}
                    <td class="num">{judged > 0 ? `${((100 * c.onTime) / judged).toFixed(1)}` : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        }
      />
      <Figure
        id="rating"
        title={t(lang, 'officer.stats.rating')}
        note={t(lang, 'officer.stats.rating_note', {
          average: f.rating.average === null ? '–' : f.rating.average.toFixed(2),
          count: f.rating.count,
        })}
        chart={
          <BarChart
            id="rating-chart"
            title={t(lang, 'officer.stats.rating')}
            desc={t(lang, 'officer.stats.rating_desc', { count: f.rating.count })}
            items={f.rating.byScore.map((s) => ({ label: '★'.repeat(Number(s.key)), n: s.n }))}
          />
        }
        table={
          <CountTable
            lang={lang}
            head={t(lang, 'officer.stats.col.score')}
            rows={f.rating.byScore.map((s) => ({ label: s.key, n: s.n }))}
          />
        }
      />
      {(['kabkota', 'kecamatan'] as const).map((level) => {
        const counts = level === 'kabkota' ? f.byKabkota : f.byKecamatan;
        const name = level === 'kabkota' ? names.kabkota : names.kecamatan;
        const title = t(lang, `officer.stats.map.${level}`);
        return (
          <Figure
            id={`map-${level}`}
            title={title}
            note={t(lang, props.boundaries ? 'officer.stats.map_note_polygons' : 'officer.stats.map_note')}
            chart={
              <ComplaintMap
                id={`map-${level}-chart`}
                title={title}
                desc={t(lang, 'officer.stats.map_desc', { places: counts.length })}
                level={level}
                counts={counts}
                boundaries={props.boundaries}
                nameOf={name}
              />
            }
            table={
              <div class="scroll">
                <CountTable
                  lang={lang}
                  head={t(lang, `officer.stats.col.${level}`)}
                  rows={label(counts, name)}
                />
              </div>
            }
          />
        );
      })}
      <Figure
        id="clusters"
        title={t(lang, 'officer.stats.clusters')}
        note={t(lang, 'officer.stats.clusters_note')}
        chart={
          <BarChart
            id="clusters-chart"
            title={t(lang, 'officer.stats.clusters')}
            desc={t(lang, 'officer.stats.bars_desc', { shown: f.clusters.length, all: f.clusters.length })}
            items={f.clusters.map((c) => ({
              label: `${names.kecamatan(c.kecamatan)} · ${names.category(c.category)}`,
              n: c.n,
            }))}
          />
        }
        table={
          <table>
            <thead>
              <tr>
                <th>{t(lang, 'officer.stats.col.kecamatan')}</th>
                <th>{t(lang, 'officer.col.category')}</th>
                <th class="num">{t(lang, 'officer.stats.col.tickets')}</th>
              </tr>
            </thead>
            <tbody>
              {f.clusters.map((c) => (
                <tr>
                  <td>{names.kecamatan(c.kecamatan)}</td>
                  <td>{names.category(c.category)}</td>
                  <td class="num">{String(c.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}
