// The inbox's "Unduh untuk SP4N-LAPOR!": plain links to the view on screen as LAPOR!'s form fields (CSV or JSON), next
// to "Unduh CSV" and with the same parameters (every matching ticket, not the page shown).
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { InboxQuery } from '../../officers/inbox-query.js';
import { viewSearch } from './csv-link.js';

export function LaporLink(props: { lang: Lang; query: InboxQuery; only: 'reply' | 'unreceived' | null }) {
  const { lang } = props;
  const search = viewSearch(props.query, props.only);
  return (
    <p class="csv-link">
      <a href={`/petugas/tiket.lapor.csv${search}`}>{t(lang, 'officer.lapor.link')}</a>
      {' · '}
      <a href={`/petugas/tiket.lapor.json${search}`}>{t(lang, 'officer.lapor.link_json')}</a>{' '}
      <small>{t(lang, 'officer.lapor.hint')}</small>
    </p>
  );
}
