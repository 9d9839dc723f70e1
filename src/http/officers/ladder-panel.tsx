// The escalation ladder's card on the ticket page: the agency reminded of a missed stage, the coordinator watching,
// Ombudsman's copy (or the copy held while the reporter is asked); nothing while no step was taken.
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import type { LadderStep } from '../../tickets/ladder-steps.js';

export function LadderPanel(props: { lang: Lang; steps: readonly LadderStep[] }) {
  const { lang, steps } = props;
  if (steps.length === 0) return null;
  return (
    <section class="card">
      <h2>{t(lang, 'officer.ladder.title')}</h2>
      <ul>
        {steps.map((s) => (
          <li>{stepText(lang, s)}</li>
        ))}
      </ul>
    </section>
  );
}

/** One step in words: "Diingatkan …", "Koordinator … mengawasi sejak …", "Tembusan ke Ombudsman …". */
export function stepText(lang: Lang, s: LadderStep): string {
  const date = formatDate(lang, witaDate(s.at), 'day');
  const agency = s.agencyName ?? s.agencyId ?? '–';
  if (s.level === 'reminder')
    return t(lang, 'officer.ladder.reminder', {
      date,
      agency,
      stage: s.stage ? { key: `officer.ladder.stage.${s.stage}` } : '–',
    });
  if (s.level === 'coordinator') return t(lang, 'officer.ladder.coordinator', { date, agency });
  if (s.identity === 'asked') return t(lang, 'officer.ladder.held', { date, agency });
  return t(lang, 'officer.ladder.ombudsman', {
    date,
    agency,
    why: { key: `officer.ladder.why.${s.why ?? 'deadline'}` },
    identity: { key: `officer.ladder.identity.${s.identity ?? 'given'}` },
  });
}
