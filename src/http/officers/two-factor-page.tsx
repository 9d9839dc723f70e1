// The account's two-step verification page (/petugas/akun/dua-langkah): whether TOTP is on, the set-up (secret as
// text, otpauth:// URI and QR code, confirmed with one code), new recovery codes, and turning it off. Data in, HTML out.
import type { Child } from 'hono/jsx';
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { TwoFactorState } from '../../officers/two-factor.js';
import { Layout } from './layout.js';
import { QrSvg } from './qr-svg.js';
import type { Frame } from './views.js';

export const TWO_FACTOR_PAGE = '/petugas/akun/dua-langkah';

/** The secret in groups of four, as authenticator apps accept it typed. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** The page's frame: an admin that must set up first gets no navigation (nothing else opens), only signing out. */
export function AccountFrame(props: { frame: Frame; restricted: boolean; title: string; children: Child }) {
  const { lang, officer } = props.frame;
  return (
    <Layout lang={lang} title={props.title} officer={props.restricted ? undefined : officer}>
      {props.restricted ? (
        <form method="post" action="/petugas/keluar" style="text-align:right">
          <input type="hidden" name="csrf" value={officer.csrf} />
          <button class="link" type="submit">
            {t(lang, 'officer.logout')}
          </button>
        </form>
      ) : (
        <p>
          <a href="/petugas">{t(lang, 'officer.ticket.back')}</a>
        </p>
      )}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

function CodeField(props: { lang: Lang; id: string; label: string; name?: string; password?: boolean }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name ?? 'code'}
        type={props.password ? 'password' : 'text'}
        inputmode={props.password ? undefined : 'numeric'}
        autocomplete={props.password ? 'current-password' : 'one-time-code'}
        maxlength={props.password ? 1000 : 10}
        required
      />
    </>
  );
}

/** One action of the page: its intro, the code (or password) it takes, and its button, posted with the CSRF token. */
function CodeForm(props: {
  lang: Lang;
  csrf: string;
  action: string;
  intro: string;
  field: { id: string; label: string; name?: string; password?: boolean };
  submit: string;
}) {
  return (
    <form method="post" action={`${TWO_FACTOR_PAGE}/${props.action}`}>
      <input type="hidden" name="csrf" value={props.csrf} />
      <p>{props.intro}</p>
      <CodeField lang={props.lang} {...props.field} />
      <button class="primary" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

export function TwoFactorPage(props: {
  frame: Frame;
  username: string;
  /** Admins must have it: no turning off, and nothing else opens until it is on. */
  required: boolean;
  state: TwoFactorState;
  /** The secret being set up (TOTP not on yet). */
  setup: { secret: string; uri: string } | null;
  flash: { text: string; error: boolean } | null;
}) {
  const { lang, officer } = props.frame;
  const { enabledAt, recoveryLeft } = props.state;
  const restricted = props.required && enabledAt === null;
  return (
    <AccountFrame frame={props.frame} restricted={restricted} title={t(lang, 'officer.two_factor.title')}>
      {props.flash ? (
        <p class={props.flash.error ? 'note error' : 'note'} role={props.flash.error ? 'alert' : undefined}>
          {props.flash.text}
        </p>
      ) : null}
      {restricted ? <p class="note error">{t(lang, 'officer.two_factor.must_set_up')}</p> : null}
      <section class="card">
        <p>{t(lang, 'officer.two_factor.intro')}</p>
        <p>
          <strong>
            {enabledAt === null
              ? t(lang, 'officer.two_factor.off')
              : t(lang, 'officer.two_factor.on', { date: formatDate(lang, witaDate(enabledAt), 'day') })}
          </strong>{' '}
          {t(lang, props.required ? 'officer.two_factor.required' : 'officer.two_factor.optional')}
        </p>
        {enabledAt !== null ? (
          <p>{t(lang, 'officer.two_factor.recovery_left', { count: recoveryLeft })}</p>
        ) : null}
      </section>
      {props.setup ? (
        <section class="card">
          <h2>{t(lang, 'officer.two_factor.setup.title')}</h2>
          <p>{t(lang, 'officer.two_factor.setup.scan')}</p>
          <QrSvg text={props.setup.uri} label={t(lang, 'officer.two_factor.setup.qr')} />
          <label for="totp-secret">{t(lang, 'officer.two_factor.setup.secret')}</label>
          <input
            id="totp-secret"
            readonly
            value={grouped(props.setup.secret)}
            style="font:600 1.05rem/1.3 ui-monospace,monospace;letter-spacing:.05em"
          />
          <p>
            <small>{t(lang, 'officer.two_factor.setup.uri')}</small>
            <br />
            <a href={props.setup.uri} style="overflow-wrap:anywhere">
              {props.setup.uri}
            </a>
          </p>
          <CodeForm
            lang={lang}
            csrf={officer.csrf}
            action="aktifkan"
            intro={t(lang, 'officer.two_factor.setup.confirm_intro')}
            field={{ id: 'confirm-code', label: t(lang, 'officer.two_factor.code') }}
            submit={t(lang, 'officer.two_factor.setup.confirm')}
          />
        </section>
      ) : null}
      {enabledAt !== null ? (
        <section class="card">
          <h2>{t(lang, 'officer.two_factor.regenerate.title')}</h2>
          <CodeForm
            lang={lang}
            csrf={officer.csrf}
            action="kode-pemulihan"
            intro={t(lang, 'officer.two_factor.regenerate.intro')}
            field={{ id: 'regenerate-code', label: t(lang, 'officer.two_factor.code') }}
            submit={t(lang, 'officer.two_factor.regenerate.submit')}
          />
        </section>
      ) : null}
      {enabledAt !== null ? (
        <section class="card">
          <h2>{t(lang, 'officer.two_factor.turn_off.title')}</h2>
          {props.required ? (
            <p>{t(lang, 'officer.two_factor.turn_off.admin', { username: props.username })}</p>
          ) : (
            <CodeForm
              lang={lang}
              csrf={officer.csrf}
              action="matikan"
              intro={t(lang, 'officer.two_factor.turn_off.intro')}
              field={{
                id: 'turn-off-proof',
                name: 'proof',
                password: true,
                label: t(lang, 'officer.two_factor.turn_off.proof'),
              }}
              submit={t(lang, 'officer.two_factor.turn_off.submit')}
            />
          )}
        </section>
      ) : null}
    </AccountFrame>
  );
}

/** The ten recovery codes, shown this once (only their hashes are kept). */
export function RecoveryCodesPage(props: { frame: Frame; codes: readonly string[] }) {
  const { lang } = props.frame;
  return (
    <AccountFrame frame={props.frame} restricted={false} title={t(lang, 'officer.two_factor.codes.title')}>
      <section class="card">
        <p class="note">{t(lang, 'officer.two_factor.codes.intro')}</p>
        <ol style="font:600 1.1rem/1.6 ui-monospace,monospace;columns:2 9rem;padding-left:1.6rem">
          {props.codes.map((code) => (
            <li>{code}</li>
          ))}
        </ol>
        <p>
          <a href={TWO_FACTOR_PAGE}>{t(lang, 'officer.two_factor.codes.back')}</a> ·{' '}
          <a href="/petugas">{t(lang, 'officer.two_factor.codes.inbox')}</a>
        </p>
      </section>
    </AccountFrame>
  );
}
