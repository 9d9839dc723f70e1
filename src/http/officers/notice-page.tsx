// The account's notification page: an optional e-mail address and, per kind, how the account is told (Telegram only
// when the account is linked; e-mail noted as off when the server has no SMTP settings). No scripts.
import { NOTICE_SETTINGS, type NoticeSettings, type NoticeVia } from '../../domain/officer-notice.js';
import { t } from '../../i18n/locales.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

export const NOTICE_PAGE = '/petugas/akun/notifikasi';

export function NoticePage(props: {
  frame: Frame;
  settings: NoticeSettings;
  linked: boolean;
  mailConfigured: boolean;
  supervisor: boolean;
  flash: { text: string; error: boolean } | null;
}) {
  const { lang, officer } = props.frame;
  const title = t(lang, 'officer.notice.title');
  const ways: NoticeVia[] = props.linked ? ['none', 'email', 'telegram', 'both'] : ['none', 'email'];
  const shown = (v: NoticeVia): NoticeVia =>
    props.linked ? v : v === 'both' ? 'email' : v === 'telegram' ? 'none' : v;
  return (
    <Layout lang={lang} title={title} officer={officer}>
      <p>
        <a href="/petugas">{t(lang, 'officer.ticket.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.flash ? (
        <p class={props.flash.error ? 'note error' : 'note'} aria-live="polite">
          {props.flash.text}
        </p>
      ) : null}
      <form method="post" action={NOTICE_PAGE} class="card">
        <input type="hidden" name="csrf" value={officer.csrf} />
        <p>{t(lang, 'officer.notice.intro')}</p>
        <label for="notice-email">{t(lang, 'officer.notice.email')}</label>
        <input
          id="notice-email"
          name="email"
          type="email"
          maxlength={254}
          value={props.settings.email ?? ''}
        />
        {props.mailConfigured ? null : (
          <p>
            <small>{t(lang, 'officer.notice.no_smtp')}</small>
          </p>
        )}
        {props.linked ? null : (
          <p>
            <small>
              {t(lang, 'officer.notice.not_linked')}{' '}
              <a href="/petugas/akun/telegram">{t(lang, 'officer.nav.telegram')}</a>
            </small>
          </p>
        )}
        {NOTICE_SETTINGS.map((kind) => (
          <>
            <label for={`notice-${kind}`}>{t(lang, `officer.notice.kind.${kind}`)}</label>
            <select id={`notice-${kind}`} name={kind}>
              {ways.map((v) => (
                <option value={v} selected={shown(props.settings[kind]) === v}>
                  {t(lang, `officer.notice.via.${v}`)}
                </option>
              ))}
            </select>
            {kind === 'deadline' && props.supervisor ? (
              <small>{t(lang, 'officer.notice.supervisor')}</small>
            ) : null}
          </>
        ))}
        <button class="primary" type="submit">
          {t(lang, 'officer.notice.save')}
        </button>
      </form>
    </Layout>
  );
}
