// Assigning a ticket from its page (mounted under /petugas/tiket behind the session and CSRF check): the POST that
// gives the ticket to an account of its agency or to nobody, and what the page's assignment card shows this account.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import type { Store } from '../../storage/store.js';
import type { OfficerTicket } from '../../storage/ticket-inbox.js';
import { isOpen } from '../../tickets/transitions.js';
import type { AssignmentView } from './assignment-panel.js';
import type { SignedIn } from './officer-session.js';
import { MessagePage } from './views.js';

export type AssignmentDeps = { store: Store; actions: TicketActions };

const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);
/** `officer`: the account's id, or empty for nobody. */
const AssignForm = z.object({
  officer: z.union([z.literal(''), z.string().regex(/^\d{1,12}$/)]),
  csrf: z.string().max(100),
});

export function assignmentRoutes(deps: AssignmentDeps): Hono<{ Variables: { me: SignedIn; lang: Lang } }> {
  const app = new Hono<{ Variables: { me: SignedIn; lang: Lang } }>();
  const notFound = (c: Context) => {
    const lang: Lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };

  app.post('/:number/tugaskan', async (c) => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    if (!number.success) return notFound(c);
    const form = AssignForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.redirect(`/petugas/tiket/${number.data}?done=unknown_officer`, 303);
    const assignee = form.data.officer === '' ? null : Number(form.data.officer);
    const result = deps.actions.assign(c.get('me').officer, number.data, assignee);
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return c.redirect(`/petugas/tiket/${number.data}?done=${result.ok ? 'assigned' : result.problem}`, 303);
  });

  return app;
}

/** What the assignment card shows this account of a ticket it sees. */
export function assignmentView(deps: AssignmentDeps, me: SignedIn, ticket: OfficerTicket): AssignmentView {
  const assignee = deps.store.ticketAssignments.assignee(ticket.id);
  const mayAssign = deps.actions.mayActOn(me.officer, ticket) && isOpen(ticket.status);
  const candidates =
    mayAssign && ticket.agencyId ? deps.store.ticketAssignments.candidates(ticket.agencyId) : [];
  const mayTake = candidates.some((o) => o.id === me.officer.id) && assignee?.id !== me.officer.id;
  return { number: ticket.number, assignee, candidates, mayAssign, mayTake: mayTake ? me.officer.id : null };
}

/** An account's name for the history (its display name, or its username). */
export function officerName(store: Store, id: number): string {
  const o = store.officers.get(id);
  return o ? (o.name ?? o.username) : `#${id}`;
}
