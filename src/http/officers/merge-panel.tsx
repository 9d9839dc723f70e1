// The ticket page's merge parts: the banner of a merged ticket ("Digabung ke ADU-…"), the card listing the tickets
// merged into this one and offering "Gabungkan ke…" (the linked similar tickets, or a number), and a `merged` event
// in words for the history. Data in, HTML out; the merge itself is confirmed on its own page (no script needed).
import type { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { MergeTicket } from '../../storage/ticket-merges.js';

export type MergeView = {
  number: string;
  /** The ticket this one was merged into, or null. */
  mergedInto: MergeTicket | null;
  /** The tickets merged into this one that the account may see, and how many others. */
  mergedFrom: { seen: MergeTicket[]; hidden: number };
  /** The account acts on this open ticket: it may merge it into another. */
  mayMerge: boolean;
  /** The linked similar tickets it may be merged into (open, same agency, in the account's scope). */
  candidates: MergeTicket[];
};

const statusName = (lang: Lang, s: TicketStatus) => t(lang, `officer.status.${s}`);
const href = (number: string) => `/petugas/tiket/${number}`;

export function MergeBanner(props: { lang: Lang; view: MergeView }) {
  const into = props.view.mergedInto;
  if (!into) return null;
  return (
    <p class="note" data-testid="merged-into">
      <a href={href(into.number)}>{t(props.lang, 'officer.merge.banner', { ticket: into.number })}</a>
      {` · ${statusName(props.lang, into.status)}`}
    </p>
  );
}

export function MergePanel(props: { lang: Lang; view: MergeView }) {
  const { lang, view } = props;
  const from = view.mergedFrom;
  const anyFrom = from.seen.length > 0 || from.hidden > 0;
  if (!anyFrom && !view.mayMerge) return null;
  const confirm = `${href(view.number)}/gabungkan`;
  const line = (m: MergeTicket) =>
    ` · ${statusName(lang, m.status)} · ${formatDate(lang, witaDate(m.createdAt), 'day')}`;
  return (
    <section class="card" id="gabung">
      {anyFrom ? (
        <>
          <h2>{t(lang, 'officer.merge.from')}</h2>
          <ul data-testid="merged-from">
            {from.seen.map((m) => (
              <li>
                <a href={href(m.number)}>{m.number}</a>
                {line(m)}
              </li>
            ))}
          </ul>
          {from.hidden > 0 ? <p>{t(lang, 'officer.merge.from.hidden', { count: from.hidden })}</p> : null}
        </>
      ) : null}
      {view.mayMerge ? (
        <>
          <h2>{t(lang, 'officer.merge.title')}</h2>
          <p>{t(lang, 'officer.merge.intro')}</p>
          {view.candidates.length === 0 ? (
            <p>{t(lang, 'officer.merge.none')}</p>
          ) : (
            <>
              <p>{t(lang, 'officer.merge.similar')}</p>
              <ul data-testid="merge-candidates">
                {view.candidates.map((m) => (
                  <li>
                    <a href={href(m.number)}>{m.number}</a>
                    {line(m)}
                    <form class="inline" method="get" action={confirm}>
                      <input type="hidden" name="ke" value={m.number} />
                      <button class="link" type="submit">
                        {t(lang, 'officer.merge.choose')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          )}
          <form method="get" action={confirm}>
            <label for="merge-into">{t(lang, 'officer.merge.other')}</label>
            <input id="merge-into" name="ke" required maxlength={20} placeholder="ADU-…" autocomplete="off" />
            <button class="primary" type="submit">
              {t(lang, 'officer.merge.next')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** A `merged` event in words: on the merged ticket, where it went; on the other, which ticket joined it. */
export function mergedText(lang: Lang, e: TicketEvent): string {
  const into = e.data?.into;
  if (typeof into === 'string') return t(lang, 'officer.event.merged.into', { ticket: into });
  return t(lang, 'officer.event.merged.from', { ticket: String(e.data?.from ?? '–') });
}
