// The officers' inbox as a view: counts per status, search, the filters and sort (a plain GET form), the list with its
// marks (new reply, no receiver yet, overdue, rating) and the next page. Data in, HTML out.
import type { TicketStatus } from '../../domain/complaint.js';
import { formatDate, t } from '../../i18n/locales.js';
import { type InboxQuery, inboxSearch } from '../../officers/inbox-query.js';
import type { InboxRow } from '../../storage/ticket-inbox.js';
import { AssignedTabs } from './assigned-tabs.js';
import { CsvLink } from './csv-link.js';
import { CategorySelect, type FilterOptions, PlaceSelects } from './filter-selects.js';
import { LaporLink } from './lapor-link.js';
import { Layout } from './layout.js';
import { type Frame, status } from './views.js';

/** The choices the filter form offers: categories, and the kab/kota and agencies within the account's scope. */
export function InboxPage(props: {
  frame: Frame;
  rows: InboxRow[];
  counts: Partial<Record<TicketStatus, number>>;
  statuses: readonly TicketStatus[];
  query: InboxQuery;
  /** The page's own marks: only tickets with a new reply, only those nobody at the agency receives. */
  only: 'reply' | 'unreceived' | null;
  options: FilterOptions;
  today: string;
  next: string | null;
  agencyName: (id: string | null) => string;
  regionName: (code: string) => string;
}) {
  const { lang } = props.frame;
  const q = props.query;
  const total = Object.values(props.counts).reduce((a, b) => a + (b ?? 0), 0);
  const { status: _status, cursor: _cursor, ...kept } = q;
  const tab = (extra: Record<string, string>) => `/petugas${inboxSearch(kept, extra)}`;
  const current = props.only ?? q.status ?? null;
  const filtered = Object.keys(kept).some((k) => k !== 'q' && k !== 'assigned');
  return (
    <Layout lang={lang} title={t(lang, 'officer.inbox.title')} officer={props.frame.officer}>
      <h1>{t(lang, 'officer.inbox.title')}</h1>
      <form method="get" action="/petugas" class="search">
        <input name="q" type="search" value={q.q ?? ''} placeholder={t(lang, 'officer.inbox.search')} />
        <button class="primary" type="submit">
          {t(lang, 'officer.inbox.search_submit')}
        </button>
      </form>
      <Filters frame={props.frame} query={q} options={props.options} open={filtered} />
      <nav class="tabs">
        <a href={tab({})} aria-current={current === null ? 'page' : undefined}>
          {`${t(lang, 'officer.inbox.all')} (${total})`}
        </a>
        <a href={tab({ balasan: '1' })} aria-current={current === 'reply' ? 'page' : undefined}>
          {t(lang, 'officer.inbox.new_replies')}
        </a>
        <a href={tab({ tanpa_penerima: '1' })} aria-current={current === 'unreceived' ? 'page' : undefined}>
          {t(lang, 'officer.inbox.unreceived_tab')}
        </a>
        {props.statuses.map((s) => (
          <a
            href={tab({ status: s })}
            aria-current={current === s ? 'page' : undefined}
            class={(props.counts[s] ?? 0) === 0 && current !== s ? 'zero' : undefined}
          >
            {`${status(lang, s)} (${props.counts[s] ?? 0})`}
          </a>
        ))}
      </nav>
      <AssignedTabs lang={lang} query={q} only={props.only} />
      <CsvLink lang={lang} query={q} only={props.only} />
      <LaporLink lang={lang} query={q} only={props.only} />
      {props.rows.length === 0 ? (
        <p class="card">{t(lang, 'officer.inbox.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'officer.col.number')}</th>
              <th>{t(lang, 'officer.col.status')}</th>
              <th class="wide">{t(lang, 'officer.col.category')}</th>
              <th class="wide">{t(lang, 'officer.col.agency')}</th>
              <th>{t(lang, 'officer.col.due')}</th>
              <th class="wide">{t(lang, 'officer.col.assignee')}</th>
              <th class="wide story">{t(lang, 'officer.col.story')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const late = r.dueDate < props.today && r.clockRunning;
              return (
                <tr>
                  <td class="nowrap">
                    <a href={`/petugas/tiket/${r.number}`}>{r.number}</a>
                  </td>
                  <td>
                    <span class="badge">{status(lang, r.status)}</span>
                    {r.newReply ? (
                      <span class="badge late"> {t(lang, 'officer.inbox.new_reply')}</span>
                    ) : null}
                    {r.rating !== null ? <span class="badge"> {'★'.repeat(r.rating)}</span> : null}
                    {r.unreceived ? (
                      <span class="badge late"> {t(lang, 'officer.inbox.unreceived')}</span>
                    ) : null}
                  </td>
                  <td class="wide">{t(lang, `category.${r.category}`)}</td>
                  <td class="wide">
                    {props.agencyName(r.agencyId)}
                    <br />
                    <small>{props.regionName(r.kabkotaCode)}</small>
                  </td>
                  <td class={late ? 'nowrap late' : 'nowrap'}>
                    {formatDate(lang, r.dueDate, 'day')}
                    {late ? ` · ${t(lang, 'officer.inbox.overdue')}` : ''}
                  </td>
                  <td class="wide">{r.assignee?.name ?? '–'}</td>
                  <td class="wide story">{r.excerpt}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.next ? (
        <p>
          <a href={props.next}>{t(lang, 'officer.inbox.more')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The filter form: a GET to the inbox, folded away unless a filter is on. */
function Filters(props: { frame: Frame; query: InboxQuery; options: FilterOptions; open: boolean }) {
  const { lang } = props.frame;
  const q = props.query;
  const any = <option value="">{t(lang, 'officer.filter.any')}</option>;
  return (
    <details class="card filters" open={props.open}>
      <summary>{t(lang, 'officer.filter.title')}</summary>
      <form method="get" action="/petugas">
        {q.q ? <input type="hidden" name="q" value={q.q} /> : null}
        {q.status ? <input type="hidden" name="status" value={q.status} /> : null}
        {q.assigned ? <input type="hidden" name="assigned" value={q.assigned} /> : null}
        <div class="grid">
          <CategorySelect lang={lang} prefix="f" options={props.options} selected={q.category} />
          <PlaceSelects lang={lang} prefix="f" options={props.options} selected={q} />
          <div>
            <label for="f-from">{t(lang, 'officer.filter.from')}</label>
            <input id="f-from" name="from" type="date" value={q.from ?? ''} />
          </div>
          <div>
            <label for="f-to">{t(lang, 'officer.filter.to')}</label>
            <input id="f-to" name="to" type="date" value={q.to ?? ''} />
          </div>
          <div>
            <label for="f-rating">{t(lang, 'officer.filter.rating')}</label>
            <select id="f-rating" name="rating">
              {any}
              {[5, 4, 3, 2, 1].map((n) => (
                <option value={String(n)} selected={q.rating === n}>
                  {'★'.repeat(n)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="f-sort">{t(lang, 'officer.filter.sort')}</label>
            <select id="f-sort" name="sort">
              {(['newest', 'oldest', 'due'] as const).map((s) => (
                <option value={s} selected={(q.sort ?? 'newest') === s}>
                  {t(lang, `officer.filter.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="check">
            <label>
              <input type="checkbox" name="overdue" value="1" checked={q.overdue === '1'} />{' '}
              {t(lang, 'officer.filter.overdue')}
            </label>
          </div>
        </div>
        <button class="primary" type="submit">
          {t(lang, 'officer.filter.apply')}
        </button>{' '}
        <a href="/petugas">{t(lang, 'officer.filter.reset')}</a>
      </form>
    </details>
  );
}
