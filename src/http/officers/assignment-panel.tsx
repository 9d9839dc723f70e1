// The ticket page's assignment card ("Ditugaskan ke"), with the form that gives the ticket to an account of its agency
// and the "Ambil tiket ini" button, and an assignment event in words for the history. Data in, HTML out.
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { t } from '../../i18n/locales.js';
import type { Assignee } from '../../storage/ticket-assignments.js';

export type AssignmentView = {
  number: string;
  assignee: Assignee | null;
  /** The agency's enabled accounts, offered when the account may assign the ticket (empty otherwise). */
  candidates: Assignee[];
  mayAssign: boolean;
  /** The signed-in account, when it may take the ticket for itself (it belongs to the agency, and is not it yet). */
  mayTake: number | null;
};

export function AssignmentPanel(props: { lang: Lang; csrf: string; view: AssignmentView }) {
  const { lang, csrf, view } = props;
  const action = `/petugas/tiket/${view.number}/tugaskan`;
  return (
    <section class="card" id="penugasan">
      <h2>{t(lang, 'officer.assign.title')}</h2>
      <p>
        {`${t(lang, 'officer.assign.current')}: `}
        <strong>{view.assignee?.name ?? t(lang, 'officer.assign.nobody')}</strong>
      </p>
      {view.mayTake !== null ? (
        <form method="post" action={action}>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="officer" value={String(view.mayTake)} />
          <button class="primary" type="submit" data-testid="take">
            {t(lang, 'officer.assign.take')}
          </button>
        </form>
      ) : null}
      {view.mayAssign ? (
        <form method="post" action={action}>
          <input type="hidden" name="csrf" value={csrf} />
          <label for="assignee">{t(lang, 'officer.assign.label')}</label>
          <select id="assignee" name="officer">
            <option value="" selected={view.assignee === null}>
              {t(lang, 'officer.assign.nobody')}
            </option>
            {view.candidates.map((o) => (
              <option value={String(o.id)} selected={view.assignee?.id === o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button class="primary" type="submit">
            {t(lang, 'officer.assign.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** An `assigned` event in words: taken by the officer itself, given to someone, or let go (after dialihkan too). */
export function assignedText(lang: Lang, e: TicketEvent, officerName: (id: number) => string): string {
  const to = e.data?.officerId;
  const by = e.officerId === undefined ? '–' : officerName(e.officerId);
  if (typeof to !== 'number') {
    const why = e.reason === 'dialihkan' ? ` (${t(lang, 'officer.status.dialihkan')})` : '';
    return `${t(lang, 'officer.event.unassigned', { by })}${why}`;
  }
  if (to === e.officerId) return t(lang, 'officer.event.took', { name: by });
  return t(lang, 'officer.event.assigned', { name: officerName(to), by });
}
