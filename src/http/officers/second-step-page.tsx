// The sign-in's second page: the 6-digit code of the authenticator app, or a recovery code; or, once the half-way
// sign-in has ended (expired, locked), only what happened and the way back to sign-in. Data in, HTML out.
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { Layout } from './layout.js';

export function SecondStepPage(props: {
  lang: Lang;
  /** The half-way sign-in's CSRF token; null when it has ended (no form then). */
  csrf: string | null;
  problem: string | null;
}) {
  const { lang } = props;
  const title = t(lang, 'officer.two_factor.step.title');
  return (
    <Layout lang={lang} title={title}>
      <div class="card" style="max-width:420px;margin:2rem auto">
        <h1>{title}</h1>
        {props.problem ? (
          <p class="note error" role="alert">
            {props.problem}
          </p>
        ) : null}
        {props.csrf ? (
          <form method="post" action="/petugas/masuk/kode">
            <input type="hidden" name="csrf" value={props.csrf} />
            <p>{t(lang, 'officer.two_factor.step.intro')}</p>
            <label for="code">{t(lang, 'officer.two_factor.step.code')}</label>
            <input
              id="code"
              name="code"
              autocomplete="one-time-code"
              autocapitalize="characters"
              spellcheck={false}
              maxlength={20}
              required
              autofocus
              style="font:600 1.3rem/1.2 ui-monospace,monospace;letter-spacing:.12em"
            />
            <button class="primary" type="submit">
              {t(lang, 'officer.two_factor.step.submit')}
            </button>
          </form>
        ) : (
          <p>
            <a href="/petugas/masuk">{t(lang, 'officer.two_factor.step.again')}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}
