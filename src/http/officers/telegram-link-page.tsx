// The account's Telegram page: whether a Telegram user is linked, a one-time code to link one, and unlinking.
import type { Lang } from '../../domain/reply.js';
import { WITA_ZONE, witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { TelegramLink } from '../../storage/telegram-officers.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

const BASE = '/petugas/akun/telegram';

const clockTime = (lang: Lang, at: number) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: WITA_ZONE,
  }).format(new Date(at));

export function TelegramLinkPage(props: {
  frame: Frame;
  link: TelegramLink | null;
  /** A code just made: shown this once (only its hash is kept). */
  code: { code: string; expiresAt: number } | null;
  flash: string | null;
}) {
  const { lang, officer } = props.frame;
  const title = t(lang, 'officer.telegram.title');
  return (
    <Layout lang={lang} title={title} officer={officer}>
      <p>
        <a href="/petugas">{t(lang, 'officer.ticket.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.flash ? (
        <p class="note" aria-live="polite">
          {props.flash}
        </p>
      ) : null}
      <section class="card">
        <p>{t(lang, 'officer.telegram.intro')}</p>
        {props.link ? (
          <>
            <p>
              {t(lang, 'officer.telegram.linked', {
                user: props.link.telegramUserId,
                date: formatDate(lang, witaDate(props.link.linkedAt), 'day'),
              })}
            </p>
            <form method="post" action={`${BASE}/lepas`}>
              <input type="hidden" name="csrf" value={officer.csrf} />
              <button class="primary" type="submit">
                {t(lang, 'officer.telegram.unlink')}
              </button>
            </form>
          </>
        ) : (
          <p>{t(lang, 'officer.telegram.not_linked')}</p>
        )}
      </section>
      <section class="card">
        {props.code ? (
          <div class="note" aria-live="polite">
            <label for="telegram-code">{t(lang, 'officer.telegram.code')}</label>
            <input
              id="telegram-code"
              readonly
              value={props.code.code}
              style="font:600 1.4rem/1.2 ui-monospace,monospace;letter-spacing:.12em"
            />
            <p>
              {t(lang, 'officer.telegram.instruction', {
                code: props.code.code,
                time: clockTime(lang, props.code.expiresAt),
              })}
            </p>
          </div>
        ) : null}
        <form method="post" action={`${BASE}/kode`}>
          <input type="hidden" name="csrf" value={officer.csrf} />
          <button class="primary" type="submit">
            {t(lang, 'officer.telegram.make_code')}
          </button>
        </form>
        <p>
          <small>{t(lang, 'officer.telegram.groups')}</small>
        </p>
      </section>
    </Layout>
  );
}
