// An officer merges a duplicate ticket into another of the same agency, in one transaction: both histories kept,
// the merged ticket closed and its chat following the other, and both citizens told (neither of the other's identity).
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import type { OfficerTicket } from '../storage/ticket-inbox.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import { isOpen } from '../tickets/transitions.js';
import { watchAsk } from './identity-lapse.js';
import { scopeOf } from './policy.js';
import type { Dispatch } from './ticket-news.js';

/** The refusals of a merge beyond the other actions' (the pages' flash and the API's error codes). */
export const MERGE_PROBLEMS = ['unknown_ticket', 'same_ticket', 'other_agency', 'into_closed'] as const;

/**
 * Why a merge is refused: as the other actions, `not_found` (before anything else), `read_only` (on either ticket),
 * `not_allowed` (this one is closed); then `unknown_ticket` the other number is not a ticket the account sees,
 * `same_ticket`, `other_agency`, `into_closed` the other is closed (a merged ticket is too: merges never chain).
 */
export type MergeProblem = 'not_found' | 'read_only' | 'not_allowed' | (typeof MERGE_PROBLEMS)[number];

export type MergeDeps = {
  store: Store;
  tickets: TicketDesk;
  directory: Directory;
  clock: Clock;
  dispatch: Dispatch;
};

/** The longest note an officer may keep on a merge (internal: the citizens are not told it). */
export const MAX_MERGE_NOTE = 500;

export function mergeTicket(
  deps: MergeDeps,
  mayActOn: (officer: Officer, ticket: OfficerTicket) => boolean,
  officer: Officer,
  number: string,
  intoNumber: string,
  note: string | null,
): { ok: true; into: string } | { ok: false; problem: MergeProblem } {
  const { store, tickets, directory, clock, dispatch } = deps;
  return store.tx(() => {
    const scope = scopeOf(officer, directory);
    const ticket = store.ticketInbox.forOfficer(number, scope);
    if (!ticket) return { ok: false, problem: 'not_found' } as const;
    if (!mayActOn(officer, ticket)) return { ok: false, problem: 'read_only' } as const;
    if (!isOpen(ticket.status)) return { ok: false, problem: 'not_allowed' } as const;
    const wanted = intoNumber.trim().toUpperCase();
    if (wanted === ticket.number) return { ok: false, problem: 'same_ticket' } as const;
    const into = store.ticketInbox.forOfficer(wanted, scope);
    if (!into) return { ok: false, problem: 'unknown_ticket' } as const;
    if (!mayActOn(officer, into)) return { ok: false, problem: 'read_only' } as const;
    if (!isOpen(into.status)) return { ok: false, problem: 'into_closed' } as const;
    if (into.agencyId === null || into.agencyId !== ticket.agencyId)
      return { ok: false, problem: 'other_agency' } as const;
    const now = clock.now();
    // Those who followed the merged ticket follow the other one from now on: told as its own citizen is.
    const followers = store.ticketMerges.followers(ticket.id);
    const clean = note?.trim().slice(0, MAX_MERGE_NOTE) || null;
    const lapsed = watchAsk(store, ticket);
    tickets.merge(ticket, into, { officerId: officer.id, note: clean }, now);
    lapsed(dispatch, now);
    const told = new Set<number>();
    const merged = (conversationId: number | null, own: string) => {
      if (conversationId === null || told.has(conversationId)) return;
      told.add(conversationId);
      dispatch(conversationId, { type: 'ticket.merged', now, ticket: own, into: into.number });
    };
    merged(ticket.conversationId, ticket.number);
    for (const f of followers) merged(f.conversationId, f.number);
    if (into.conversationId !== null && !told.has(into.conversationId))
      dispatch(into.conversationId, { type: 'ticket.merged', now, ticket: into.number, into: null });
    return { ok: true, into: into.number } as const;
  });
}
