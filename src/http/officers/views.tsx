// The officers' pages as views: sign-in, the inbox and the ticket page (data in, HTML out; no access decisions here).
import type { Complaint, TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { InboxRow, OfficerTicket } from '../../storage/tickets.js';
import { Layout } from './layout.js';

export type Frame = { lang: Lang; officer: { name: string; csrf: string } };

const status = (lang: Lang, s: TicketStatus) => t(lang, `ticket.status.${s}`);

export function SignInPage(props: { lang: Lang; csrf: string; problem: string | null; username?: string }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'officer.login.title')}>
      <div class="card" style="max-width:420px;margin:2rem auto">
        <h1>{t(lang, 'officer.login.title')}</h1>
        {props.problem ? (
          <p class="note error" role="alert">
            {props.problem}
          </p>
        ) : null}
        <form method="post" action="/petugas/masuk">
          <input type="hidden" name="csrf" value={props.csrf} />
          <label for="username">{t(lang, 'officer.login.username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={props.username ?? ''}
          />
          <label for="password">{t(lang, 'officer.login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button class="primary" type="submit">
            {t(lang, 'officer.login.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function MessagePage(props: { lang: Lang; title: string; text: string }) {
  return (
    <Layout lang={props.lang} title={props.title}>
      <p class="note error">{props.text}</p>
    </Layout>
  );
}

export function InboxPage(props: {
  frame: Frame;
  rows: InboxRow[];
  counts: Partial<Record<TicketStatus, number>>;
  statuses: readonly TicketStatus[];
  current: TicketStatus | 'reply' | 'unreceived' | null;
  /** The search words as typed. */
  query: string;
  today: string;
  next: string | null;
  agencyName: (id: string | null) => string;
  regionName: (code: string) => string;
}) {
  const { lang } = props.frame;
  const total = Object.values(props.counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <Layout lang={lang} title={t(lang, 'officer.inbox.title')} officer={props.frame.officer}>
      <h1>{t(lang, 'officer.inbox.title')}</h1>
      <form method="get" action="/petugas" style="display:flex;gap:.5rem;margin-bottom:.8rem">
        <input name="q" type="search" value={props.query} placeholder={t(lang, 'officer.inbox.search')} />
        <button class="primary" type="submit" style="margin-top:0">
          {t(lang, 'officer.inbox.search_submit')}
        </button>
      </form>
      <nav class="tabs">
        <a href="/petugas" aria-current={props.current === null ? 'page' : undefined}>
          {`${t(lang, 'officer.inbox.all')} (${total})`}
        </a>
        <a href="/petugas?balasan=1" aria-current={props.current === 'reply' ? 'page' : undefined}>
          {t(lang, 'officer.inbox.new_replies')}
        </a>
        <a
          href="/petugas?tanpa_penerima=1"
          aria-current={props.current === 'unreceived' ? 'page' : undefined}
        >
          {t(lang, 'officer.inbox.unreceived_tab')}
        </a>
        {props.statuses.map((s) => (
          <a href={`/petugas?status=${s}`} aria-current={props.current === s ? 'page' : undefined}>
            {`${status(lang, s)} (${props.counts[s] ?? 0})`}
          </a>
        ))}
      </nav>
      {props.rows.length === 0 ? (
        <p class="card">{t(lang, 'officer.inbox.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'officer.col.number')}</th>
              <th>{t(lang, 'officer.col.status')}</th>
              <th class="wide">{t(lang, 'officer.col.category')}</th>
              <th class="wide">{t(lang, 'officer.col.region')}</th>
              <th class="wide">{t(lang, 'officer.col.agency')}</th>
              <th>{t(lang, 'officer.col.due')}</th>
              <th class="wide">{t(lang, 'officer.col.story')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const late =
                r.dueDate < props.today && !['selesai', 'ditutup', 'dicabut', 'ditolak'].includes(r.status);
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
                  <td class="wide">{props.regionName(r.kabkotaCode)}</td>
                  <td class="wide">{props.agencyName(r.agencyId)}</td>
                  <td class={late ? 'nowrap late' : 'nowrap'}>
                    {formatDate(lang, r.dueDate, 'day')}
                    {late ? ` · ${t(lang, 'officer.inbox.overdue')}` : ''}
                  </td>
                  <td class="wide">{r.excerpt}</td>
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

export type Reporter =
  | { kind: 'shown'; name: string | null; phone: string | null; nik: string | null }
  | {
      kind: 'hidden' | 'anonim';
    };

export function TicketPage(props: {
  frame: Frame;
  ticket: OfficerTicket;
  events: TicketEvent[];
  /** The citizen's later additions. */
  additions: { text: string; createdAt: number }[];
  /** The conversation up to the filing; null when the chat is no longer linked. */
  transcript: { from: 'citizen' | 'bot'; text: string }[] | null;
  reporter: Reporter;
  next: readonly TicketStatus[];
  mayAct: boolean;
  /** A supervisor that watches this ticket may take it over. */
  mayTakeOver: boolean;
  /** The directory's agencies to move the ticket to; empty when it may not be moved. */
  agencies: { id: string; name: string }[];
  flash: { ok: boolean; text: string } | null;
  agencyName: string;
  regionName: string;
}) {
  const { lang } = props.frame;
  const { ticket } = props;
  const c: Complaint = ticket.complaint;
  return (
    <Layout lang={lang} title={ticket.number} officer={props.frame.officer}>
      <p>
        <a href="/petugas">{t(lang, 'officer.ticket.back')}</a>
      </p>
      <h1>
        {ticket.number} <span class="badge">{status(lang, ticket.status)}</span>
      </h1>
      {props.flash ? (
        <p class={props.flash.ok ? 'note' : 'note error'} aria-live="polite">
          {props.flash.text}
        </p>
      ) : null}
      <section class="card">
        <h2>{t(lang, 'officer.ticket.complaint')}</h2>
        <dl>
          <dt>{t(lang, 'officer.col.category')}</dt>
          <dd>{t(lang, `category.${c.category}`)}</dd>
          <dt>{t(lang, 'officer.col.agency')}</dt>
          <dd>{props.agencyName}</dd>
          <dt>{t(lang, 'officer.field.place')}</dt>
          <dd>{[c.address, props.regionName].filter(Boolean).join(', ')}</dd>
          <dt>{t(lang, 'officer.field.date')}</dt>
          <dd>{c.incidentDate ? formatDate(lang, c.incidentDate.date, c.incidentDate.precision) : '–'}</dd>
          <dt>{t(lang, 'officer.field.story')}</dt>
          <dd>{c.story}</dd>
          <dt>{t(lang, 'officer.field.expectation')}</dt>
          <dd>{c.expectation}</dd>
          <dt>{t(lang, 'officer.col.created')}</dt>
          <dd>{formatDate(lang, witaDate(ticket.createdAt), 'day')}</dd>
          <dt>{t(lang, 'officer.col.due')}</dt>
          <dd>{formatDate(lang, ticket.dueDate, 'day')}</dd>
          <dt>{t(lang, 'officer.ticket.reporter')}</dt>
          <dd>
            {props.reporter.kind === 'shown'
              ? [props.reporter.name, props.reporter.phone, props.reporter.nik].filter(Boolean).join(' · ')
              : props.reporter.kind === 'hidden'
                ? t(lang, 'officer.ticket.reporter.hidden')
                : t(lang, 'officer.ticket.reporter.anonim')}
          </dd>
          {ticket.rating ? (
            <>
              <dt>{t(lang, 'officer.ticket.rating')}</dt>
              <dd>
                {`${'★'.repeat(ticket.rating.score)}${'☆'.repeat(5 - ticket.rating.score)} ${ticket.rating.score}/5`}
                {ticket.rating.comment ? ` · “${ticket.rating.comment}”` : ''}
              </dd>
            </>
          ) : null}
          {ticket.routing ? (
            <>
              <dt>{t(lang, 'officer.ticket.routing')}</dt>
              <dd>{ticket.routing.reason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {props.additions.length > 0 ? (
        <section class="card">
          <h2>{t(lang, 'officer.ticket.additions')}</h2>
          <dl>
            {props.additions.map((a) => (
              <>
                <dt>{formatDate(lang, witaDate(a.createdAt), 'day')}</dt>
                <dd>{a.text}</dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
      <section class="card">
        <h2>{t(lang, 'officer.ticket.action')}</h2>
        {!props.mayAct ? (
          <>
            <p>{t(lang, 'officer.ticket.read_only')}</p>
            {props.mayTakeOver ? (
              <form method="post" action={`/petugas/tiket/${ticket.number}/ambil-alih`}>
                <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
                <button class="primary" type="submit">
                  {t(lang, 'officer.ticket.take_over')}
                </button>
              </form>
            ) : null}
          </>
        ) : props.next.length === 0 ? (
          <p>{t(lang, 'officer.ticket.final')}</p>
        ) : (
          <form method="post" action={`/petugas/tiket/${ticket.number}/status`}>
            <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
            <label for="status">{t(lang, 'officer.ticket.to')}</label>
            <select id="status" name="status">
              {props.next.map((s) => (
                <option value={s}>{status(lang, s)}</option>
              ))}
            </select>
            <label for="message">{t(lang, 'officer.ticket.message')}</label>
            <textarea id="message" name="message" rows={3} maxlength={2000} />
            <label for="reason">{t(lang, 'officer.ticket.reason')}</label>
            <input id="reason" name="reason" maxlength={500} />
            <button class="primary" type="submit">
              {t(lang, 'officer.ticket.submit')}
            </button>
          </form>
        )}
      </section>
      {props.mayAct && props.agencies.length > 0 ? (
        <section class="card">
          <h2>{t(lang, 'officer.ticket.reassign')}</h2>
          <form method="post" action={`/petugas/tiket/${ticket.number}/alihkan`}>
            <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
            <label for="agency">{t(lang, 'officer.ticket.reassign.agency')}</label>
            <input id="agency" name="agency" list="agency-list" required autocomplete="off" />
            <datalist id="agency-list">
              {props.agencies.map((a) => (
                <option value={a.id}>{a.name}</option>
              ))}
            </datalist>
            <label for="reassign-reason">{t(lang, 'officer.ticket.reassign.reason')}</label>
            <input id="reassign-reason" name="reason" maxlength={500} required />
            <button class="primary" type="submit">
              {t(lang, 'officer.ticket.reassign.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {props.mayAct ? (
        <section class="card">
          <h2>{t(lang, 'officer.ticket.reply')}</h2>
          {props.ticket.conversationId === null ? (
            <p>{t(lang, 'officer.ticket.no_chat')}</p>
          ) : (
            <form method="post" action={`/petugas/tiket/${ticket.number}/balas`}>
              <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
              <label for="reply">{t(lang, 'officer.ticket.reply.label')}</label>
              <textarea id="reply" name="text" rows={3} maxlength={2000} required />
              <button class="primary" type="submit">
                {t(lang, 'officer.ticket.reply.submit')}
              </button>
            </form>
          )}
        </section>
      ) : null}
      <section class="card">
        <h2>{t(lang, 'officer.ticket.note')}</h2>
        <form method="post" action={`/petugas/tiket/${ticket.number}/catatan`}>
          <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
          <label for="note">{t(lang, 'officer.ticket.note.label')}</label>
          <textarea id="note" name="text" rows={2} maxlength={2000} required />
          <button class="primary" type="submit">
            {t(lang, 'officer.ticket.note.submit')}
          </button>
        </form>
      </section>
      <details class="card">
        <summary>
          <strong>{t(lang, 'officer.ticket.transcript')}</strong>
        </summary>
        {props.transcript === null ? (
          <p>{t(lang, 'officer.transcript.none')}</p>
        ) : (
          <dl>
            {props.transcript.map((line) => (
              <>
                <dt>{t(lang, `officer.transcript.${line.from}`)}</dt>
                <dd>{line.text}</dd>
              </>
            ))}
          </dl>
        )}
      </details>
      <section class="card">
        <h2>{t(lang, 'officer.ticket.history')}</h2>
        <ol>
          {props.events.map((e) => (
            <li>
              {`${formatDate(lang, witaDate(e.at), 'day')} · ${t(lang, `officer.actor.${e.actor}`)}: `}
              {eventText(lang, e)}
              {typeof e.data?.message === 'string' ? <div>“{e.data.message}”</div> : null}
              {typeof e.data?.text === 'string' ? <div>“{e.data.text}”</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function eventText(lang: Lang, e: TicketEvent): string {
  if (e.type === 'status_changed')
    return `${t(lang, 'officer.event.status_changed', {
      from: e.from ? status(lang, e.from) : '–',
      to: e.to ? status(lang, e.to) : '–',
    })}${e.reason ? ` (${e.reason})` : ''}`;
  if (e.type === 'routed') return t(lang, 'officer.event.routed', { reason: e.reason ?? '' });
  if (e.type === 'rated') return t(lang, 'officer.event.rated', { score: Number(e.data?.score ?? 0) });
  return t(lang, `officer.event.${e.type}`);
}
