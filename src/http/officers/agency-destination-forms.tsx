// The agency page's destination forms: one per destination (edit, remove) and one to add a webhook, e-mail address or
// Telegram group. Plain forms with the session's CSRF token; no scripts.
import type { Destination } from '../../domain/destination.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

type Props = { lang: Lang; csrf: string; agencyId: string };

function Fields(props: {
  lang: Lang;
  method: Destination['method'] | null;
  d: Destination | null;
  prefix: string;
}) {
  const { lang, method, d } = props;
  const id = (name: string) => `${props.prefix}-${name}`;
  const show = (m: Destination['method']) => method === null || method === m;
  return (
    <>
      {show('webhook') ? (
        <>
          <label for={id('url')}>{t(lang, 'officer.agencies.dest.url')}</label>
          <input id={id('url')} name="url" inputmode="url" value={d?.method === 'webhook' ? d.url : ''} />
          <label for={id('secret')}>{t(lang, 'officer.agencies.dest.secret_env')}</label>
          <input
            id={id('secret')}
            name="secret_env"
            placeholder="ADUAN_SECRET_…"
            value={d?.method === 'webhook' && typeof d.secret !== 'string' ? d.secret.env : ''}
          />
        </>
      ) : null}
      {show('email') ? (
        <>
          <label for={id('to')}>{t(lang, 'officer.agencies.dest.to')}</label>
          <input
            id={id('to')}
            name="to"
            inputmode="email"
            value={d?.method === 'email' ? d.to.join(', ') : ''}
          />
        </>
      ) : null}
      {show('telegram') ? (
        <>
          <label for={id('chat')}>{t(lang, 'officer.agencies.dest.chat_id')}</label>
          <input
            id={id('chat')}
            name="chat_id"
            placeholder="-100…"
            value={d?.method === 'telegram' ? d.chatId : ''}
          />
        </>
      ) : null}
    </>
  );
}

/** What a destination is, in one line. */
export function destinationLine(lang: Lang, d: Destination): string {
  const where =
    d.method === 'webhook'
      ? d.url
      : d.method === 'email'
        ? d.to.join(', ')
        : d.method === 'telegram'
          ? d.chatId
          : d.endpoint;
  return `${t(lang, `officer.agencies.method.${d.method}`)}: ${where}`;
}

export function DestinationCard(props: Props & { d: Destination }) {
  const { lang, csrf, d } = props;
  const action = `/petugas/instansi/${props.agencyId}/tujuan`;
  return (
    <div class="card">
      <strong>{destinationLine(lang, d)}</strong> <small>({d.id})</small>
      {d.method === 'open311' ? null : (
        <details>
          <summary>{t(lang, 'officer.agencies.dest.edit')}</summary>
          <form method="post" action={action}>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="original" value={d.id} />
            <input type="hidden" name="method" value={d.method} />
            <Fields lang={lang} method={d.method} d={d} prefix={`d-${d.id}`} />
            <button class="primary" type="submit">
              {t(lang, 'officer.agencies.save')}
            </button>
          </form>
        </details>
      )}
      <form method="post" action={`${action}/hapus`}>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="destination" value={d.id} />
        <button class="link" type="submit">
          {t(lang, 'officer.agencies.dest.remove')}
        </button>
      </form>
    </div>
  );
}

export function AddDestinationForm(props: Props) {
  const { lang, csrf } = props;
  return (
    <form method="post" action={`/petugas/instansi/${props.agencyId}/tujuan`} class="card">
      <h2>{t(lang, 'officer.agencies.dest.add')}</h2>
      <input type="hidden" name="csrf" value={csrf} />
      <label for="new-method">{t(lang, 'officer.agencies.dest.method')}</label>
      <select id="new-method" name="method">
        {(['email', 'telegram', 'webhook'] as const).map((m) => (
          <option value={m}>{t(lang, `officer.agencies.method.${m}`)}</option>
        ))}
      </select>
      <label for="new-id">{t(lang, 'officer.agencies.dest.id')}</label>
      <input id="new-id" name="id" placeholder={t(lang, 'officer.agencies.dest.id_hint')} />
      <Fields lang={lang} method={null} d={null} prefix="new" />
      <p>
        <small>{t(lang, 'officer.agencies.dest.hint')}</small>
      </p>
      <button class="primary" type="submit">
        {t(lang, 'officer.agencies.dest.add')}
      </button>
    </form>
  );
}
