// The ticket page's "Untuk Ombudsman" card, for admins and supervisors: the ticket as Ombudsman's intake asks for it,
// as a PDF or JSON download (plain links: no script needed; each download audited).
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

export function OmbudsmanCard(props: { lang: Lang; number: string; show: boolean }) {
  const { lang, number } = props;
  if (!props.show) return null;
  return (
    <section class="card" id="ombudsman">
      <h2>{t(lang, 'officer.ombudsman.card')}</h2>
      <p>
        <a href={`/petugas/tiket/${number}/ombudsman.pdf`}>{t(lang, 'officer.ombudsman.download')}</a>
        {' · '}
        <a href={`/petugas/tiket/${number}/ombudsman.json`}>{t(lang, 'officer.ombudsman.download_json')}</a>
      </p>
      <p>
        <small>{t(lang, 'officer.ombudsman.hint')}</small>
      </p>
    </section>
  );
}
