// A taken hand-off's notes on its page: when it returns to the bot unless its officer writes again, and, when the
// taker's account is disabled, that it may be taken over ("Ambil alih", a CSRF-carrying POST) or handed back.
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { Handoff } from '../../storage/handoffs.js';

export function TakenNotes(props: {
  lang: Lang;
  handoff: Handoff;
  /** The idle deadline as the page writes times ("14:05", with its day when not today's), or null. */
  idleTime: string | null;
  /** The signed-in account holds this hand-off. */
  mine: boolean;
  csrf: string;
}) {
  const { lang, handoff: h } = props;
  const stranded = h.takenBy?.disabled === true && !props.mine;
  return (
    <>
      {props.idleTime ? (
        <p>
          <small>{t(lang, 'officer.handoff.idle_at', { time: props.idleTime })}</small>
        </p>
      ) : null}
      {stranded ? (
        <>
          <p class="note">{t(lang, 'officer.handoff.taker_disabled', { name: h.takenBy?.name ?? '–' })}</p>
          <form method="post" action={`/petugas/handoff/${h.id}/ambil-alih`}>
            <input type="hidden" name="csrf" value={props.csrf} />
            <button class="primary" type="submit">
              {t(lang, 'officer.handoff.take_over')}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
