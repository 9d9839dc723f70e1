// The ticket page's deadline card ("Tenggat"): the stage running now and by when, the stages so far (met on time,
// late, ended), and the field-check form ("Cek lapangan") for who may mark one; a field_check event in words.
import { FIELD_CHECK_MAX_DAYS, type StageClock } from '../../domain/deadline.js';
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import { MAX_FIELD_CHECK_REASON } from '../../tickets/field-check.js';
import { type OpenStage, stageText } from '../../tickets/stage-words.js';

export type DeadlineView = {
  number: string;
  open: OpenStage | null;
  /** Every stage of the ticket, oldest first. */
  stages: StageClock[];
  /** The account may mark a field check now (it acts on the ticket, which is verified and awaits its answer). */
  mayMark: boolean;
  /** What the last field-check POST came to (`?done=`), shown in this card. */
  flash: { ok: boolean; text: string } | null;
};

const day = (lang: Lang, isoDate: string) => formatDate(lang, isoDate, 'day');

/** A past or running stage in one line: its kind, its date, and how it ended. */
function stageLine(lang: Lang, s: StageClock): string {
  const kind = t(lang, `officer.deadline.stage.${s.stage}`);
  const due = t(lang, 'officer.deadline.due', { date: day(lang, s.dueOn) });
  const end =
    s.metAt !== null
      ? t(lang, witaDate(s.metAt) <= s.dueOn ? 'officer.deadline.met' : 'officer.deadline.late', {
          date: day(lang, witaDate(s.metAt)),
        })
      : s.endedAt !== null
        ? t(lang, 'officer.deadline.ended', { date: day(lang, witaDate(s.endedAt)) })
        : t(lang, 'officer.deadline.running');
  return `${kind} · ${due} · ${end}`;
}

export function DeadlinePanel(props: { lang: Lang; csrf: string; view: DeadlineView }) {
  const { lang, csrf, view } = props;
  return (
    <section class="card" id="tenggat">
      <h2>{t(lang, 'officer.deadline.title')}</h2>
      {view.flash ? (
        <p class={view.flash.ok ? 'note' : 'note error'} aria-live="polite">
          {view.flash.text}
        </p>
      ) : null}
      <p data-testid="deadline">
        <strong>{stageText(lang, view.open)}</strong>
      </p>
      {view.stages.length > 0 ? (
        <ol>
          {view.stages.map((s) => (
            <li>{stageLine(lang, s)}</li>
          ))}
        </ol>
      ) : null}
      {view.mayMark ? (
        <form method="post" action={`/petugas/tiket/${view.number}/cek-lapangan`}>
          <input type="hidden" name="csrf" value={csrf} />
          <p>
            <small>{t(lang, 'officer.field_check.help', { max: FIELD_CHECK_MAX_DAYS })}</small>
          </p>
          <label for="field-check-reason">{t(lang, 'officer.field_check.reason')}</label>
          <input id="field-check-reason" name="reason" maxlength={MAX_FIELD_CHECK_REASON} required />
          <label for="field-check-days">
            {t(lang, 'officer.field_check.days', { max: FIELD_CHECK_MAX_DAYS })}
          </label>
          <input
            id="field-check-days"
            name="days"
            type="number"
            inputmode="numeric"
            min={1}
            max={FIELD_CHECK_MAX_DAYS}
            required
          />
          <button class="primary" type="submit">
            {t(lang, 'officer.field_check.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** A `field_check` event in words for the history: until when, and why. */
export function fieldCheckText(lang: Lang, e: TicketEvent): string {
  const due = typeof e.data?.due === 'string' ? day(lang, e.data.due) : '–';
  return t(lang, 'officer.event.field_check', { date: due, reason: e.reason ?? '' });
}
