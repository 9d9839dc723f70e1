// The status page's answer for a ticket: its state, category and kab/kota, the deadline now, and the dated history
// with exactly what the officers told the citizen in the chat.
import type { Lang } from '../../domain/reply.js';
import { witaDate, witaWallClock } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import { stageText } from '../../tickets/stage-words.js';
import type { StatusLine, StatusView } from '../../tickets/status-lookup.js';

function when(lang: Lang, at: number): string {
  const clock = witaWallClock(at);
  const time = `${String(clock.getUTCHours()).padStart(2, '0')}.${String(clock.getUTCMinutes()).padStart(2, '0')}`;
  return t(lang, 'status_page.when', { date: { date: witaDate(at), precision: 'day' }, time });
}

function Line(props: { lang: Lang; line: StatusLine }) {
  const { lang, line } = props;
  return (
    <li>
      <small>{when(lang, line.at)}</small>
      {line.kind === 'filed' ? <p class="said">{t(lang, 'status_page.filed')}</p> : null}
      {line.kind === 'changed' ? (
        <>
          <p class="said">
            {t(lang, 'status_page.changed', { status: { key: `ticket.status.${line.status}` } })}
          </p>
          {line.reason ? (
            <p class="said">{t(lang, 'ticket.update.reason', { reason: line.reason })}</p>
          ) : null}
          {line.message ? (
            <p class="said">{t(lang, 'ticket.update.message', { message: line.message })}</p>
          ) : null}
        </>
      ) : null}
      {line.kind === 'replied' ? (
        <p class="said">{t(lang, 'ticket.update.message', { message: line.text })}</p>
      ) : null}
      {line.kind === 'field_check' ? (
        <p class="said">
          {t(lang, 'status_page.field_check', {
            date: { date: line.due, precision: 'day' },
            reason: line.reason,
          })}
        </p>
      ) : null}
    </li>
  );
}

export function StatusResult(props: { lang: Lang; view: StatusView; regionName: string }) {
  const { lang, view } = props;
  return (
    <>
      <section class="card" aria-labelledby="ticket">
        <h2 id="ticket">{t(lang, 'status_page.ticket', { ticket: view.number })}</h2>
        <dl>
          <dt>{t(lang, 'status_page.status')}</dt>
          <dd data-testid="status">{t(lang, `ticket.status.${view.status}`)}</dd>
          <dt>{t(lang, 'status_page.category')}</dt>
          <dd>{t(lang, `category.${view.category}`)}</dd>
          <dt>{t(lang, 'status_page.kabkota')}</dt>
          <dd>{props.regionName}</dd>
          {view.deadline ? (
            <>
              <dt>{t(lang, 'status_page.due')}</dt>
              <dd data-testid="deadline">{stageText(lang, view.deadline)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section class="card" aria-labelledby="history">
        <h2 id="history">{t(lang, 'status_page.history')}</h2>
        <ol>
          {[...view.lines].reverse().map((line) => (
            <Line lang={lang} line={line} />
          ))}
        </ol>
      </section>
      <p>
        <a href={`/status?lang=${lang}`}>{t(lang, 'status_page.again')}</a>
      </p>
    </>
  );
}
