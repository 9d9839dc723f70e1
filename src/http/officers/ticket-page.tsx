// The ticket's page for officers: the complaint, its reporter as the ticket allows, its history and the forms to act.
import type { Child } from 'hono/jsx';
import type { Complaint, TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import { routeReason } from '../../routing/route-reason.js';
import type { AttachmentRecord } from '../../storage/attachments.js';
import type { OfficerTicket, RelatedTicket } from '../../storage/ticket-inbox.js';
import { ladderSteps } from '../../tickets/ladder-steps.js';
import { AnswerFileInput } from './answer-files-view.js';
import { assignedText } from './assignment-panel.js';
import { fieldCheckText } from './deadline-panel.js';
import { LadderPanel } from './ladder-panel.js';
import { Layout } from './layout.js';
import { mergedText } from './merge-panel.js';
import { type TemplateOffer, TemplatePicker } from './template-picker.js';

import { type Frame, status } from './views.js';

export type Reporter =
  | { kind: 'shown'; name: string | null; phone: string | null; nik: string | null }
  | {
      kind: 'hidden' | 'anonim';
    }
  | { kind: 'erased'; why: 'citizen' | 'retention' };

export function TicketPage(props: {
  frame: Frame;
  ticket: OfficerTicket;
  events: TicketEvent[];
  /** The citizen's later additions. */
  additions: { text: string; createdAt: number }[];
  /** The conversation up to the filing; null when the chat is no longer linked. */
  transcript: { from: 'citizen' | 'bot'; text: string }[] | null;
  reporter: Reporter;
  /** An admin or supervisor may ask to see the full NIK (audited). */
  mayRevealNik: boolean;
  attachments: AttachmentRecord[];
  /** Similar tickets linked to this one that the account may see, and how many it may not. */
  related: { seen: RelatedTicket[]; hidden: number };
  next: readonly TicketStatus[];
  mayAct: boolean;
  /** A supervisor that watches this ticket, or an officer of an agency that got a copy of it, may take it over. */
  mayTakeOver: boolean;
  /** The account reads the ticket through its agency's copy (Ombudsman's tembusan), read-only until taken over. */
  copy: boolean;
  /** The directory's agencies to move the ticket to; empty when this account may not move it. */
  agencies: { id: string; name: string }[];
  flash: { ok: boolean; text: string } | null;
  agencyName: string;
  regionName: string;
  /** The assignment card ("Ditugaskan ke", and its forms for who may assign). */
  assignment: Child;
  /** A merged ticket's banner, and the card of the tickets merged into it and "Gabungkan ke…". */
  merge: { banner: Child; panel: Child };
  /** The deadline card: the stage running now, the stages so far, and "Cek lapangan" for who may mark one. */
  deadline: Child;
  /** The "Untuk Ombudsman" card (the ticket as Ombudsman's intake asks for it), for who may download it. */
  ombudsman: Child;
  /** An account's name, for the history. */
  officerName: (id: number) => string;
  /** The officers' files that went with an event of the history. */
  eventFiles: (e: TicketEvent) => Child;
  /** The response templates next to the status and reply forms, and the chosen one's text. */
  templates: TemplateOffer;
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
      {props.merge.banner}
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
          <dt>{t(lang, 'officer.field.prior')}</dt>
          <dd>
            {c.priorReport.done
              ? [t(lang, 'officer.field.prior.done'), c.priorReport.to, c.priorReport.result]
                  .filter(Boolean)
                  .join(' · ')
              : t(lang, 'officer.field.prior.none')}
          </dd>
          {c.maladministration ? (
            <>
              <dt>{t(lang, 'officer.field.maladministration')}</dt>
              <dd>{t(lang, `maladministration.${c.maladministration}`)}</dd>
            </>
          ) : null}
          {c.location ? (
            <>
              <dt>{t(lang, 'officer.field.pin')}</dt>
              <dd>
                <a
                  href={`https://www.openstreetmap.org/?mlat=${c.location.lat}&mlon=${c.location.lon}#map=17/${c.location.lat}/${c.location.lon}`}
                  rel="noreferrer"
                >
                  {`${c.location.lat.toFixed(5)}, ${c.location.lon.toFixed(5)}`}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t(lang, 'officer.field.channel')}</dt>
          <dd>{c.channel}</dd>
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
                : props.reporter.kind === 'erased'
                  ? t(lang, `officer.ticket.reporter.erased.${props.reporter.why}`)
                  : t(lang, 'officer.ticket.reporter.anonim')}
            {props.mayRevealNik ? (
              <form method="post" action={`/petugas/tiket/${ticket.number}/nik`} class="inline">
                <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
                <button type="submit" class="link">
                  {t(lang, 'officer.ticket.nik_reveal')}
                </button>
              </form>
            ) : null}
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
              <dd>{routeReason(lang, ticket.routing.why)}</dd>
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
        <h2>{t(lang, 'officer.ticket.attachments')}</h2>
        {props.attachments.length === 0 ? (
          <p>{t(lang, 'officer.ticket.attachments.none')}</p>
        ) : (
          <ul class="files">
            {props.attachments.map((a) => {
              const href = `/petugas/tiket/${ticket.number}/lampiran/${a.id}`;
              const label = `${a.filename ?? a.kind} · ${Math.max(1, Math.round(a.size / 1024))} KB`;
              return (
                <li>
                  <a href={href}>
                    {a.mime.startsWith('image/') ? <img src={href} alt={label} loading="lazy" /> : null}
                    {label}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {props.related.seen.length > 0 || props.related.hidden > 0 ? (
        <section class="card">
          <h2>{t(lang, 'officer.ticket.related')}</h2>
          <ul>
            {props.related.seen.map((r) => (
              <li>
                <a href={`/petugas/tiket/${r.number}`}>{r.number}</a>
                {` · ${status(lang, r.status)} · ${formatDate(lang, witaDate(r.createdAt), 'day')}`}
              </li>
            ))}
          </ul>
          {props.related.hidden > 0 ? (
            <p>{t(lang, 'officer.ticket.related.hidden', { count: props.related.hidden })}</p>
          ) : null}
        </section>
      ) : null}
      <LadderPanel lang={lang} steps={ladderSteps(props.events)} />
      {props.ombudsman}
      {props.deadline}
      {props.assignment}
      {props.merge.panel}
      <section class="card">
        <h2>{t(lang, 'officer.ticket.action')}</h2>
        {!props.mayAct ? (
          <>
            <p>{t(lang, props.copy ? 'officer.ticket.copy_read_only' : 'officer.ticket.read_only')}</p>
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
          <form method="post" action={`/petugas/tiket/${ticket.number}/status`} enctype="multipart/form-data">
            <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
            <label for="status">{t(lang, 'officer.ticket.to')}</label>
            <select id="status" name="status">
              {props.next.map((s) => (
                <option value={s} selected={s === props.templates.statusChoice}>
                  {status(lang, s)}
                </option>
              ))}
            </select>
            <TemplatePicker lang={lang} links={props.templates.statusLinks} all={props.templates.statusAll} />
            <label for="message">{t(lang, 'officer.ticket.message')}</label>
            <textarea id="message" name="message" rows={3} maxlength={2000}>
              {props.templates.statusText}
            </textarea>
            <label for="reason">{t(lang, 'officer.ticket.reason')}</label>
            <input id="reason" name="reason" maxlength={500} />
            <AnswerFileInput lang={lang} id="status-files" />
            <button class="primary" type="submit">
              {t(lang, 'officer.ticket.submit')}
            </button>
          </form>
        )}
      </section>
      {props.agencies.length > 0 ? (
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
            <form
              method="post"
              action={`/petugas/tiket/${ticket.number}/balas`}
              enctype="multipart/form-data"
            >
              <input type="hidden" name="csrf" value={props.frame.officer.csrf} />
              <TemplatePicker lang={lang} links={props.templates.replyLinks} />
              <label for="reply">{t(lang, 'officer.ticket.reply.label')}</label>
              <textarea id="reply" name="text" rows={3} maxlength={2000} required>
                {props.templates.replyText}
              </textarea>
              <AnswerFileInput lang={lang} id="reply-files" />
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
              {eventText(lang, e, props.officerName)}
              {typeof e.data?.message === 'string' ? <div>“{e.data.message}”</div> : null}
              {typeof e.data?.text === 'string' ? <div>“{e.data.text}”</div> : null}
              {props.eventFiles(e)}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

/** An event of the history in words (the page's list, the Ombudsman-ready document). */
export function eventText(lang: Lang, e: TicketEvent, officerName: (id: number) => string): string {
  if (e.type === 'assigned') return assignedText(lang, e, officerName);
  if (e.type === 'merged') return mergedText(lang, e);
  if (e.type === 'field_check') return fieldCheckText(lang, e);
  if (e.type === 'status_changed')
    return `${t(lang, 'officer.event.status_changed', {
      from: e.from ? status(lang, e.from) : '–',
      to: e.to ? status(lang, e.to) : '–',
    })}${e.reason ? ` (${e.reason})` : ''}`;
  if (e.type === 'routed') return t(lang, 'officer.event.routed', { reason: e.reason ?? '' });
  if (e.type === 'rated') return t(lang, 'officer.event.rated', { score: Number(e.data?.score ?? 0) });
  if (e.type === 'identity_erased')
    return t(lang, `officer.event.identity_erased.${e.reason === 'retention' ? 'retention' : 'citizen'}`);
  return t(lang, `officer.event.${e.type}`);
}
