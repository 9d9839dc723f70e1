// The inbox's "Unduh CSV": a plain link to the view on screen as one CSV file (its filters, tab and marks; every
// matching ticket, not the page shown).
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type InboxQuery, inboxSearch } from '../../officers/inbox-query.js';

/** The view on screen as a download's parameters: its filters, tab and sort, and its mark (never its page). */
export function viewSearch(query: InboxQuery, only: 'reply' | 'unreceived' | null): string {
  const { cursor: _cursor, ...view } = query;
  const flags: Record<string, string> =
    only === 'reply' ? { balasan: '1' } : only === 'unreceived' ? { tanpa_penerima: '1' } : {};
  return inboxSearch(view, flags);
}

export function CsvLink(props: { lang: Lang; query: InboxQuery; only: 'reply' | 'unreceived' | null }) {
  const { lang } = props;
  return (
    <p class="csv-link">
      <a href={`/petugas/tiket.csv${viewSearch(props.query, props.only)}`}>{t(lang, 'officer.inbox.csv')}</a>{' '}
      <small>{t(lang, 'officer.inbox.csv_hint')}</small>
    </p>
  );
}
