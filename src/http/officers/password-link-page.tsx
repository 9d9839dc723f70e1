// The page of a one-time password link: the form that sets the account's password (twice), and the one polite page
// for a link that is unknown, spent or expired. Data in, HTML out.
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { Layout } from './layout.js';

export function PasswordLinkPage(props: {
  lang: Lang;
  /** The link's own path (`/petugas/sandi/<token>`): the form posts back to it. */
  action: string;
  csrf: string;
  username: string;
  minLength: number;
  problem: string | null;
}) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'officer.password_link.title')}>
      <div class="card" style="max-width:420px;margin:2rem auto">
        <h1>{t(lang, 'officer.password_link.title')}</h1>
        <p>{t(lang, 'officer.password_link.intro', { username: props.username, min: props.minLength })}</p>
        {props.problem ? (
          <p class="note error" role="alert">
            {props.problem}
          </p>
        ) : null}
        <form method="post" action={props.action}>
          <input type="hidden" name="csrf" value={props.csrf} />
          <input type="hidden" name="username" autocomplete="username" value={props.username} />
          <label for="password">{t(lang, 'officer.password_link.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength={props.minLength}
            required
          />
          <label for="repeat">{t(lang, 'officer.password_link.repeat')}</label>
          <input
            id="repeat"
            name="repeat"
            type="password"
            autocomplete="new-password"
            minlength={props.minLength}
            required
          />
          <button class="primary" type="submit">
            {t(lang, 'officer.password_link.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** The same page for a link that is unknown, spent or expired: nothing tells which. */
export function DeadLinkPage(props: { lang: Lang; problem: string | null }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'officer.password_link.invalid_title')}>
      <div class="card" style="max-width:420px;margin:2rem auto">
        <h1>{t(lang, 'officer.password_link.invalid_title')}</h1>
        {props.problem ? (
          <p class="note error" role="alert">
            {props.problem}
          </p>
        ) : (
          <p>{t(lang, 'officer.password_link.invalid')}</p>
        )}
        <p>
          <a href="/petugas/masuk">{t(lang, 'officer.password_link.to_sign_in')}</a>
        </p>
      </div>
    </Layout>
  );
}
