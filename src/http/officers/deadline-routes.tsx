// The ticket page's deadlines (mounted under /petugas/tiket behind the session and CSRF check): the POST that marks a
// field check ("cek lapangan") and redirects with a `?done=` flash, and what the page's deadline card shows.
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import { t } from '../../i18n/locales.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import type { Store } from '../../storage/store.js';
import type { OfficerTicket } from '../../storage/ticket-inbox.js';
import { FIELD_CHECK_FROM } from '../../tickets/field-check.js';
import { openStage } from '../../tickets/stage-words.js';
import { DeadlinePanel } from './deadline-panel.js';
import type { SignedIn } from './officer-session.js';
import { MessagePage } from './views.js';

export type DeadlineDeps = { store: Store; actions: TicketActions; clock: Clock };

type Env = { Variables: { me: SignedIn; lang: Lang } };

const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);
/** The form as sent; what it is worth (the days' range, a reason at all) the desk decides, after the scope. */
const FieldCheckForm = z.object({
  reason: z.string().max(10_000).catch(''),
  days: z.coerce.number().catch(Number.NaN),
});

/** What a field-check POST may come to, as the deadline card says it (the other refusals are the page's own). */
const CARD_FLASH: Readonly<Record<string, boolean>> = {
  field_check: true,
  field_check_days: false,
  overdue: false,
};

export function deadlineRoutes(deps: DeadlineDeps): Hono<Env> {
  const app = new Hono<Env>();
  const notFound = (c: Context<Env>) => {
    const lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };

  app.post('/:number/cek-lapangan', async (c) => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    if (!number.success) return notFound(c);
    const form = FieldCheckForm.parse(await c.req.parseBody());
    const result = deps.actions.fieldCheck(c.get('me').officer, number.data, form);
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    const done = result.ok ? 'field_check' : result.problem;
    return c.redirect(`/petugas/tiket/${number.data}?done=${done}#tenggat`, 303);
  });

  return app;
}

/** The ticket page's deadline card for this account; `done` is the page's `?done=`. */
export function deadlineSlot(
  deps: DeadlineDeps,
  me: SignedIn,
  ticket: OfficerTicket,
  lang: Lang,
  done: string | undefined,
): Child {
  const clock = deps.store.ticketDeadlines.current(ticket.id);
  const ok = done === undefined ? undefined : CARD_FLASH[done];
  const view = {
    number: ticket.number,
    open: openStage(clock),
    stages: deps.store.ticketDeadlines.history(ticket.id),
    mayMark:
      deps.actions.mayActOn(me.officer, ticket) &&
      FIELD_CHECK_FROM.has(ticket.status) &&
      clock?.stage === 'answer' &&
      // A missed answer stage is not lengthened (the desk refuses it too): the form is not offered.
      clock.dueOn >= witaDate(deps.clock.now()),
    flash: ok === undefined ? null : { ok, text: t(lang, `officer.ticket.${done}`) },
  };
  return <DeadlinePanel lang={lang} csrf={me.csrf} view={view} />;
}
