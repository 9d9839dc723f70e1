// The status page's form: the ticket number and the PIN, sent by POST so that the PIN stays out of URLs and logs.
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

/** `problem`: the answer to the last try, shown above the form (a mismatch, or too many tries). */
export function StatusForm(props: { lang: Lang; number?: string; problem?: string[] }) {
  const { lang } = props;
  return (
    <>
      {props.problem ? (
        <div class="note error" role="alert">
          {props.problem.map((line) => (
            <p>{line}</p>
          ))}
        </div>
      ) : null}
      <form class="card" method="post" action={`/status?lang=${lang}`}>
        <p>{t(lang, 'status_page.intro')}</p>
        <label for="number">{t(lang, 'status_page.number')}</label>
        <input
          id="number"
          name="number"
          value={props.number ?? ''}
          placeholder="ADU-2611-4K7Q"
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          maxlength={20}
          required
        />
        <label for="pin">{t(lang, 'status_page.pin')}</label>
        <input
          id="pin"
          name="pin"
          inputmode="numeric"
          pattern="[0-9 -]*"
          autocomplete="off"
          maxlength={12}
          required
        />
        <button type="submit">{t(lang, 'status_page.submit')}</button>
      </form>
    </>
  );
}
