// The officers' pages' frame and small views: the signed-in frame, a status's words, sign-in and a message page.
import type { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { Layout } from './layout.js';

/** The page's language and the signed-in account (`admin`, `templates`: their pages in the navigation). */
export type Frame = {
  lang: Lang;
  officer: { name: string; csrf: string; admin: boolean; templates?: boolean; handoffs?: number };
};

/** A status as officers name it (the citizen's words are theirs: "menunggu jawaban Anda"). */
export const status = (lang: Lang, s: TicketStatus) => t(lang, `officer.status.${s}`);

export function SignInPage(props: {
  lang: Lang;
  csrf: string;
  problem: string | null;
  /** A good word before signing in (a password just set through a link). */
  notice?: string | null;
  username?: string;
}) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'officer.login.title')}>
      <div class="card" style="max-width:420px;margin:2rem auto">
        <h1>{t(lang, 'officer.login.title')}</h1>
        {props.notice ? <p class="note">{props.notice}</p> : null}
        {props.problem ? (
          <p class="note error" role="alert">
            {props.problem}
          </p>
        ) : null}
        <form method="post" action="/petugas/masuk">
          <input type="hidden" name="csrf" value={props.csrf} />
          <label for="username">{t(lang, 'officer.login.username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={props.username ?? ''}
          />
          <label for="password">{t(lang, 'officer.login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button class="primary" type="submit">
            {t(lang, 'officer.login.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function MessagePage(props: { lang: Lang; title: string; text: string }) {
  return (
    <Layout lang={props.lang} title={props.title}>
      <p class="note error">{props.text}</p>
    </Layout>
  );
}
