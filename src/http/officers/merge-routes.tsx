// Merging a duplicate ticket from its page (mounted under /petugas/tiket behind the session and CSRF check): the
// confirmation page (GET …/gabungkan?ke=ADU-…), the POST that merges, and what the ticket page's merge parts show.
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { scopeOf } from '../../officers/policy.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import { MAX_MERGE_NOTE, MERGE_PROBLEMS } from '../../officers/ticket-merging.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { OfficerTicket } from '../../storage/ticket-inbox.js';
import { isOpen } from '../../tickets/transitions.js';
import { MergeConfirmPage } from './merge-confirm-page.js';
import { MergeBanner, MergePanel, type MergeView } from './merge-panel.js';
import type { SignedIn } from './officer-session.js';
import { type Frame, MessagePage } from './views.js';

export type MergeDeps = { store: Store; actions: TicketActions; directory: Directory };

type Env = { Variables: { me: SignedIn; lang: Lang } };

/** What a redirect after a merge may say on the ticket page (`?done=`), beyond the other actions' words. */
export const MERGE_FLASH = { ok: 'merged', problems: MERGE_PROBLEMS } as const;

const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);
/** A number as an officer types it: spaces around it and lower case forgiven. */
const Typed = z.string().trim().toUpperCase().pipe(TicketNumber);
const MergeForm = z.object({
  into: Typed,
  note: z.string().max(MAX_MERGE_NOTE).optional(),
  csrf: z.string().max(100),
});

export function mergeRoutes(deps: MergeDeps & { frame: (c: Context, me: SignedIn) => Frame }): Hono<Env> {
  const app = new Hono<Env>();
  const notFound = (c: Context<Env>) => {
    const lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };
  const back = (number: string, done: string) => `/petugas/tiket/${number}?done=${done}`;

  app.get('/:number/gabungkan', (c) => {
    const me = c.get('me');
    const number = TicketNumber.safeParse(c.req.param('number'));
    const ticket = number.success
      ? deps.store.ticketInbox.forOfficer(number.data, scopeOf(me.officer, deps.directory))
      : null;
    if (!ticket) return notFound(c);
    if (!deps.actions.mayActOn(me.officer, ticket)) return c.redirect(back(ticket.number, 'read_only'), 303);
    if (!isOpen(ticket.status)) return c.redirect(back(ticket.number, 'not_allowed'), 303);
    const into = Typed.safeParse(c.req.query('ke') ?? '');
    if (!into.success) return c.redirect(back(ticket.number, 'unknown_ticket'), 303);
    if (into.data === ticket.number) return c.redirect(back(ticket.number, 'same_ticket'), 303);
    return c.html(<MergeConfirmPage frame={deps.frame(c, me)} number={ticket.number} into={into.data} />);
  });

  app.post('/:number/gabungkan', async (c) => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    if (!number.success) return notFound(c);
    const form = MergeForm.safeParse(await c.req.parseBody());
    const result = deps.actions.merge(
      c.get('me').officer,
      number.data,
      form.success ? form.data.into : '',
      form.success ? (form.data.note ?? null) : null,
    );
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return c.redirect(back(number.data, result.ok ? MERGE_FLASH.ok : result.problem), 303);
  });

  return app;
}

/** The ticket page's merge parts for this account: the banner (a merged ticket) and the card. */
export function mergeSlots(
  deps: MergeDeps,
  me: SignedIn,
  ticket: OfficerTicket,
  lang: Lang,
): { banner: Child; panel: Child } {
  const { store } = deps;
  const scope = scopeOf(me.officer, deps.directory);
  const mayMerge = deps.actions.mayActOn(me.officer, ticket) && isOpen(ticket.status);
  const view: MergeView = {
    number: ticket.number,
    mergedInto: store.ticketMerges.mergedInto(ticket.id),
    mergedFrom: store.ticketMerges.mergedFrom(ticket.id, scope),
    mayMerge,
    candidates:
      mayMerge && ticket.agencyId ? store.ticketMerges.candidates(ticket.id, ticket.agencyId, scope) : [],
  };
  return { banner: <MergeBanner lang={lang} view={view} />, panel: <MergePanel lang={lang} view={view} /> };
}
