// The page that confirms a merge before it is made ("Gabungkan ADU-… ke ADU-…?"): what will happen, an optional
// internal note, and the POST with the session's CSRF token; a plain form, so it works without JavaScript.
import { t } from '../../i18n/locales.js';
import { MAX_MERGE_NOTE } from '../../officers/ticket-merging.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

export function MergeConfirmPage(props: { frame: Frame; number: string; into: string }) {
  const { lang, officer } = props.frame;
  const vars = { ticket: props.number, into: props.into };
  const back = `/petugas/tiket/${props.number}`;
  return (
    <Layout lang={lang} title={t(lang, 'officer.merge.confirm.title', vars)} officer={officer}>
      <section class="card">
        <h1>{t(lang, 'officer.merge.confirm.title', vars)}</h1>
        <p>{t(lang, 'officer.merge.confirm.text', vars)}</p>
        <form method="post" action={`${back}/gabungkan`}>
          <input type="hidden" name="csrf" value={officer.csrf} />
          <input type="hidden" name="into" value={props.into} />
          <label for="merge-note">{t(lang, 'officer.merge.note')}</label>
          <textarea id="merge-note" name="note" rows={2} maxlength={MAX_MERGE_NOTE} />
          <button class="primary" type="submit" data-testid="merge-confirm">
            {t(lang, 'officer.merge.submit')}
          </button>
        </form>
        <p>
          <a href={back}>{t(lang, 'officer.merge.cancel')}</a>
        </p>
      </section>
    </Layout>
  );
}
