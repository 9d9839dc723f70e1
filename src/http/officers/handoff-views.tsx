// The hand-off pages: the queue of chats asking for a person (oldest first, how long each waits) and one chat's page
// with the conversation so far, who took it (name and role), "Ambil", the reply form and "Kembalikan ke bot". No
// scripts; fits a 360-px phone.
import type { Lang } from '../../domain/reply.js';
import { witaWallClock } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import type { TranscriptLine } from '../../officers/transcript.js';
import type { Handoff } from '../../storage/handoffs.js';
import { TakenNotes } from './handoff-taker.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

/** "14:05" WITA. */
const clock = (at: number) => witaWallClock(at).toISOString().slice(11, 16);
/** The time, with its WITA day (YYYY-MM-DD) in front when that is not `today`'s: "pukul 08:30" may be Monday's. */
const when = (at: number, today: number) => {
  const day = (x: number) => witaWallClock(x).toISOString().slice(0, 10);
  return day(at) === day(today) ? clock(at) : `${day(at)} ${clock(at)}`;
};

/** Its state; a taken one with who took it and their role, an expired one its officer left idle as such. */
function stateText(lang: Lang, h: Handoff): string {
  const by = h.takenBy;
  if (h.state === 'taken' && by)
    return t(lang, 'officer.handoff.state.taken', {
      name: by.name,
      role: t(lang, `officer.handoff.role.${by.role}`),
    });
  if (h.state === 'expired' && by) return t(lang, 'officer.handoff.state.idle', { name: by.name });
  return t(lang, `officer.handoff.state.${h.state}`);
}

const waiting = (lang: Lang, h: Handoff, now: number) =>
  t(lang, 'officer.handoff.waiting', { minutes: Math.max(0, Math.floor((now - h.askedAt) / 60_000)) });

export function HandoffQueuePage(props: { frame: Frame; rows: Handoff[]; now: number }) {
  const { lang } = props.frame;
  return (
    <Layout lang={lang} title={t(lang, 'officer.handoff.title')} officer={props.frame.officer}>
      <h1>{t(lang, 'officer.handoff.title')}</h1>
      {props.rows.length === 0 ? (
        <p class="card">{t(lang, 'officer.handoff.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'officer.handoff.asked')}</th>
              <th>{t(lang, 'officer.handoff.ticket')}</th>
              <th>{t(lang, 'officer.handoff.state')}</th>
              <th class="wide">{t(lang, 'officer.handoff.channel')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((h) => (
              <tr>
                <td class="nowrap">
                  <a href={`/petugas/handoff/${h.id}`}>{`${clock(h.askedAt)} WITA`}</a>
                  <br />
                  <small>{waiting(lang, h, props.now)}</small>
                </td>
                <td>{h.ticket ?? t(lang, 'officer.handoff.no_ticket')}</td>
                <td>{stateText(lang, h)}</td>
                <td class="wide">{h.channel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function HandoffPage(props: {
  frame: Frame;
  /** The signed-in account's id: its own taken hand-off gets the reply form. */
  me: number;
  handoff: Handoff;
  lines: TranscriptLine[];
  now: number;
  flash: { ok: boolean; text: string } | null;
}) {
  const { lang, officer } = props.frame;
  const h = props.handoff;
  const live = h.state === 'open' || h.state === 'taken';
  const mine = h.state === 'taken' && h.takenBy?.id === props.me;
  const csrf = <input type="hidden" name="csrf" value={officer.csrf} />;
  return (
    <Layout lang={lang} title={t(lang, 'officer.handoff.title')} officer={officer}>
      <p>
        <a href="/petugas/handoff">{t(lang, 'officer.handoff.title')}</a>
      </p>
      {props.flash ? <p class={props.flash.ok ? 'note' : 'note error'}>{props.flash.text}</p> : null}
      <section class="card">
        <dl>
          <dt>{t(lang, 'officer.handoff.asked')}</dt>
          <dd>{`${clock(h.askedAt)} WITA · ${live ? waiting(lang, h, props.now) : ''}`}</dd>
          <dt>{t(lang, 'officer.handoff.ticket')}</dt>
          <dd>
            {h.ticket ? (
              <a href={`/petugas/tiket/${h.ticket}`}>{h.ticket}</a>
            ) : (
              t(lang, 'officer.handoff.no_ticket')
            )}
          </dd>
          <dt>{t(lang, 'officer.handoff.state')}</dt>
          <dd>{stateText(lang, h)}</dd>
          <dt>{t(lang, 'officer.handoff.channel')}</dt>
          <dd>{h.channel}</dd>
        </dl>
        {h.state === 'open' && h.expiresAt !== null ? (
          <p>
            <small>{t(lang, 'officer.handoff.expires', { time: when(h.expiresAt, props.now) })}</small>
          </p>
        ) : null}
        {h.state === 'taken' ? (
          <TakenNotes
            lang={lang}
            handoff={h}
            idleTime={h.expiresAt === null ? null : when(h.expiresAt, props.now)}
            mine={mine}
            csrf={officer.csrf}
          />
        ) : null}
        {h.state === 'open' ? (
          <form method="post" action={`/petugas/handoff/${h.id}/ambil`}>
            {csrf}
            <button class="primary" type="submit">
              {t(lang, 'officer.handoff.take')}
            </button>
          </form>
        ) : null}
      </section>
      <section class="card">
        <h2>{t(lang, 'officer.handoff.conversation')}</h2>
        <dl>
          {props.lines.map((line) => (
            <>
              <dt>{`${clock(line.at)} · ${t(lang, `officer.transcript.${line.from}`)}`}</dt>
              <dd>{line.text}</dd>
            </>
          ))}
        </dl>
      </section>
      {mine ? (
        <section class="card" id="reply">
          <h2>{t(lang, 'officer.handoff.reply')}</h2>
          <form method="post" action={`/petugas/handoff/${h.id}/balas`}>
            {csrf}
            <label for="text">{t(lang, 'officer.handoff.reply.label')}</label>
            <textarea id="text" name="text" rows={3} maxlength={2000} required />
            <button class="primary" type="submit">
              {t(lang, 'officer.handoff.reply.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {live && (h.state === 'open' || mine || officer.admin || h.takenBy?.disabled) ? (
        <form method="post" action={`/petugas/handoff/${h.id}/kembalikan`} class="card">
          {csrf}
          <button class="primary" type="submit">
            {t(lang, 'officer.handoff.return')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
