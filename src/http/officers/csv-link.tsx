// The inbox's "Unduh CSV": a plain link to the view on screen as one CSV file (its filters, tab and marks; every
// matching ticket, not the page shown).
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type InboxQuery, inboxSearch } from '../../officers/inbox-query.js';

export function CsvLink(props: { lang: Lang; query: InboxQuery; only: 'reply' | 'unreceived' | null }) {
  const { lang } = props;
  const { cursor: _cursor, ...view } = props.query;
  const flags: Record<string, string> =
    props.only === 'reply' ? { balasan: '1' } : props.only === 'unreceived' ? { tanpa_penerima: '1' } : {};
  return (
    <p class="csv-link">
      <a href={`/petugas/tiket.csv${inboxSearch(view, flags)}`}>{t(lang, 'officer.inbox.csv')}</a>{' '}
      <small>{t(lang, 'officer.inbox.csv_hint')}</small>
    </p>
  );
}
