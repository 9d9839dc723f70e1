// The inbox's quick filter by assignment: everyone's tickets, those assigned to me ("untuk saya"), those assigned to
// nobody ("belum ditugaskan"); each link keeps the other filters, the status and the page's own marks.
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type InboxQuery, inboxSearch } from '../../officers/inbox-query.js';

export function AssignedTabs(props: { lang: Lang; query: InboxQuery; only: 'reply' | 'unreceived' | null }) {
  const { lang } = props;
  const { assigned, cursor: _cursor, ...kept } = props.query;
  const flags: Record<string, string> =
    props.only === 'reply' ? { balasan: '1' } : props.only === 'unreceived' ? { tanpa_penerima: '1' } : {};
  const link = (extra: Record<string, string>) => `/petugas${inboxSearch(kept, { ...flags, ...extra })}`;
  return (
    <nav class="tabs" aria-label={t(lang, 'officer.col.assignee')}>
      <a href={link({})} aria-current={assigned === undefined ? 'page' : undefined}>
        {t(lang, 'officer.inbox.assigned_any')}
      </a>
      <a href={link({ assigned: 'me' })} aria-current={assigned === 'me' ? 'page' : undefined}>
        {t(lang, 'officer.inbox.assigned_me')}
      </a>
      <a href={link({ assigned: 'none' })} aria-current={assigned === 'none' ? 'page' : undefined}>
        {t(lang, 'officer.inbox.assigned_none')}
      </a>
    </nav>
  );
}
