// An officer marks a field check ("cek lapangan") on a ticket, in one transaction: the ticket desk replaces the
// answer stage by one of the days given, and the citizen's conversation (and those following the ticket through the
// reports merged into it) is told why and by when, through `dispatch`.
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import type { OfficerTicket } from '../storage/ticket-inbox.js';
import type { FieldCheckProblem } from '../tickets/field-check.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import { watchAsk } from './identity-lapse.js';
import { scopeOf } from './policy.js';
import { type Dispatch, tellFollowers } from './ticket-news.js';

export type FieldCheckDeps = {
  store: Store;
  tickets: TicketDesk;
  directory: Directory;
  clock: Clock;
  dispatch: Dispatch;
};

/**
 * `not_found` outside the account's scope (before anything else), `read_only` for an account that only watches,
 * then the desk's refusals: `not_allowed` (not verified and worked on, or no answer stage running), `reason_required`,
 * `field_check_days` (not 1–60).
 */
export function fieldCheckTicket(
  deps: FieldCheckDeps,
  mayActOn: (officer: Officer, ticket: OfficerTicket) => boolean,
  officer: Officer,
  number: string,
  ask: { days: number; reason: string | null },
):
  | { ok: true; due: string; reason: string }
  | { ok: false; problem: 'not_found' | 'read_only' | FieldCheckProblem } {
  const { store, tickets, directory, clock, dispatch } = deps;
  return store.tx(() => {
    const ticket = store.ticketInbox.forOfficer(number, scopeOf(officer, directory));
    if (!ticket) return { ok: false, problem: 'not_found' } as const;
    if (!mayActOn(officer, ticket)) return { ok: false, problem: 'read_only' } as const;
    const now = clock.now();
    const lapsed = watchAsk(store, ticket);
    const marked = tickets.fieldCheck(ticket, { officerId: officer.id, ...ask }, now);
    if (!marked.ok) return marked;
    lapsed(dispatch, now);
    const news = {
      type: 'ticket.update',
      now,
      ticket: ticket.number,
      status: ticket.status,
      message: null,
      reason: null,
      fieldCheck: { due: marked.due, reason: marked.reason },
    } as const;
    if (ticket.conversationId !== null) dispatch(ticket.conversationId, news);
    // The citizens whose reports were merged into this one hear it too, the reason scrubbed of the reporter's name.
    const followers = store.ticketMerges.followers(ticket.id);
    tellFollowers(dispatch, followers, ticket.conversationId, news, ticket.complaint.name);
    return marked;
  });
}
