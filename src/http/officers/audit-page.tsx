// The audit log as a view for admins: the filters (a plain GET form), the entries newest first, the next page and the
// CSV export of the same filters. Data in, HTML out; the details are already masked (audit-entry.ts).
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { AUDIT_ACTIONS, type AuditQuery, auditSearch } from '../../officers/audit-query.js';
import { type ShownAuditEntry, detailsText, witaTimestamp } from './audit-entry.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

/** An action's words, or its own name when it has none (one recorded after this list was written). */
export function actionLabel(lang: Lang, action: string): string {
  const key = `officer.audit.action.${action}`;
  const label = t(lang, key);
  return label === key ? action : label;
}

function actorLabel(lang: Lang, e: ShownAuditEntry): string {
  if (e.username) return e.username;
  return e.actor === 'citizen' || e.actor === 'system' || e.actor === 'officer'
    ? t(lang, `officer.actor.${e.actor}`)
    : e.actor;
}

export function AuditPage(props: {
  frame: Frame;
  rows: ShownAuditEntry[];
  query: AuditQuery;
  next: string | null;
}) {
  const { lang } = props.frame;
  const { cursor: _cursor, ...filters } = props.query;
  return (
    <Layout lang={lang} title={t(lang, 'officer.audit.title')} officer={props.frame.officer}>
      <h1>{t(lang, 'officer.audit.title')}</h1>
      <AuditFilters lang={lang} query={filters} />
      <p>
        <a href={`/petugas/audit.csv${auditSearch(filters)}`}>{t(lang, 'officer.audit.export')}</a>
      </p>
      {props.rows.length === 0 ? (
        <p class="card">{t(lang, 'officer.audit.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'officer.audit.col.time')}</th>
              <th>{t(lang, 'officer.audit.col.actor')}</th>
              <th>{t(lang, 'officer.audit.col.action')}</th>
              <th>{t(lang, 'officer.audit.col.ticket')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((e) => {
              const details = detailsText(e);
              return (
                <tr>
                  <td class="nowrap">{witaTimestamp(e.at).slice(0, 19).replace('T', ' ')}</td>
                  <td style="overflow-wrap:anywhere">{actorLabel(lang, e)}</td>
                  <td style="overflow-wrap:anywhere">
                    {actionLabel(lang, e.type)}
                    {details ? (
                      <>
                        <br />
                        <small>{details}</small>
                      </>
                    ) : null}
                  </td>
                  <td class="nowrap">
                    {e.ticketNumber ? <a href={`/petugas/tiket/${e.ticketNumber}`}>{e.ticketNumber}</a> : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.next ? (
        <p>
          <a href={props.next}>{t(lang, 'officer.audit.more')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The filter form: a GET to the same page, open while a filter is on. */
function AuditFilters(props: { lang: Lang; query: Omit<AuditQuery, 'cursor'> }) {
  const { lang, query: q } = props;
  const known: readonly string[] = AUDIT_ACTIONS;
  const actions = q.action && !known.includes(q.action) ? [...known, q.action] : known;
  return (
    <details class="card filters" open={Object.keys(q).length > 0}>
      <summary>{t(lang, 'officer.filter.title')}</summary>
      <form method="get" action="/petugas/audit">
        <div class="grid">
          <div>
            <label for="a-actor">{t(lang, 'officer.audit.filter.actor')}</label>
            <input id="a-actor" name="actor" value={q.actor ?? ''} autocomplete="off" />
          </div>
          <div>
            <label for="a-ticket">{t(lang, 'officer.audit.filter.ticket')}</label>
            <input id="a-ticket" name="ticket" value={q.ticket ?? ''} placeholder="ADU-2611-4K7Q" />
          </div>
          <div>
            <label for="a-action">{t(lang, 'officer.audit.filter.action')}</label>
            <select id="a-action" name="action">
              <option value="">{t(lang, 'officer.filter.any')}</option>
              {actions.map((a) => (
                <option value={a} selected={q.action === a}>
                  {actionLabel(lang, a)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="a-from">{t(lang, 'officer.audit.filter.from')}</label>
            <input id="a-from" name="from" type="date" value={q.from ?? ''} />
          </div>
          <div>
            <label for="a-to">{t(lang, 'officer.audit.filter.to')}</label>
            <input id="a-to" name="to" type="date" value={q.to ?? ''} />
          </div>
        </div>
        <button class="primary" type="submit">
          {t(lang, 'officer.filter.apply')}
        </button>{' '}
        <a href="/petugas/audit">{t(lang, 'officer.filter.reset')}</a>
      </form>
    </details>
  );
}
