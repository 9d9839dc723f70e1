// The steps the ticket desk's changes share: a status change with its event, a ticket's forwarding rows for an
// agency, and the refresh of what officers search it by; all inside the caller's transaction.
import type { Complaint, TicketStatus } from '../domain/complaint.js';
import { CLOSING_STATUSES, type TicketActor } from '../domain/ticket-event.js';
import type { WorkingDays } from '../domain/working-days.js';
import type { RoutingPort } from '../ports/routing.js';
import { maskScopeFor, textMasker } from '../privacy/complaint-masking.js';
import { deliveryKey } from '../storage/deliveries.js';
import type { Store } from '../storage/store.js';
import { normalize } from '../understand/normalize.js';
import type { LadderDispatch } from './ladder-followers.js';
import { type ClockDeps, runClock } from './ticket-clock.js';

/** What the ticket desk writes with: the store, routing, the working-day calendar and a source of randomness. */
export type TicketDeskDeps = {
  store: Store;
  routing: RoutingPort;
  calendar: WorkingDays;
  /** Working days an agency has to answer, from verification (SP4N-LAPOR!: 5); an agency's own days come first. */
  answerDays: number;
  /** Working days an agency has to verify a new ticket (SP4N-LAPOR!: 3); an agency's own days come first. */
  verifyDays: number;
  /** Uniform integers in [0, n), for ticket numbers and status-page PINs. */
  random: (n: number) => number;
  /**
   * The runtime's door into other conversations: the chats following a ticket hear of Ombudsman's copy sent with its
   * reporter's answer. A desk without a runtime (tools, unit tests) has no chats to tell.
   */
  dispatch?: LadderDispatch;
};

/**
 * Moves a ticket to another status with its event and what the move does to its deadlines (`runClock`; an officer's
 * message in `extra.data.message` counts as an answer to the citizen). A closing
 * status drops an anonim ticket's chat link: nobody can tie the ticket to the citizen any more; so are those of the
 * anonim tickets merged into it (their followers).
 */
export function changeStatus(
  deps: ClockDeps,
  ticket: { id: number; status: TicketStatus },
  to: TicketStatus,
  actor: TicketActor,
  reason: string | null,
  now: number,
  extra: { officerId?: number; data?: Record<string, string> } = {},
): void {
  const { store } = deps;
  store.tickets.updateStatus(ticket.id, to, now);
  // The buttons under the ticket in its agency's Telegram groups follow the new status (edited after the commit).
  store.groupButtons.queue(ticket.id, now);
  // A message to the citizen with the move (kept in the event's data) is an answer too, unless it asks a question.
  const message = typeof extra.data?.message === 'string';
  runClock(deps, ticket.id, { kind: 'status', from: ticket.status, to, message }, now);
  store.ticketEvents.add({
    ticketId: ticket.id,
    at: now,
    actor,
    type: 'status_changed',
    from: ticket.status,
    to,
    reason,
    ...extra,
  });
  if (CLOSING_STATUSES.has(to) && store.tickets.complaint(ticket.id)?.identityMode === 'anonim') {
    store.tickets.detachChat(ticket.id);
  }
  if (CLOSING_STATUSES.has(to)) store.ticketMerges.releaseAnonymous(ticket.id);
}

/** Queues a ticket's forwarding to each of the agency's destinations; returns how many rows it queued. */
export function queueDeliveries(
  { store, routing }: Pick<TicketDeskDeps, 'store' | 'routing'>,
  ticket: { id: number; number: string },
  agencyId: string,
  now: number,
): number {
  let deliveries = 0;
  for (const dest of routing.destinations(agencyId)) {
    deliveries++;
    store.deliveries.enqueue({
      ticketId: ticket.id,
      agencyId,
      destinationId: dest.id,
      method: dest.method,
      idempotencyKey: deliveryKey(ticket.number, agencyId, dest.id),
      now,
    });
  }
  return deliveries;
}

/**
 * Indexes what officers search a ticket by: the story, place, expectation and agency named, what the citizen added,
 * and the officers' messages and notes; normalized as the understanding code writes it (abbreviations expanded). A
 * ticket whose complaint does not parse cannot be masked: it is found by no word.
 */
export function reindex(store: Store, ticketId: number): void {
  const c = store.tickets.complaint(ticketId);
  if (!c) {
    store.ticketSearch.remove(ticketId);
    return;
  }
  const written = store.ticketEvents
    .forTicket(ticketId)
    .flatMap((e) => (typeof e.data?.text === 'string' ? [e.data.text] : []));
  indexText(store, ticketId, c, [...store.tickets.notes(ticketId).map((n) => n.text), ...written]);
}

/**
 * A ticket being filed: what `reindex` would write, from the complaint just stored instead of reading it, its events
 * and notes back (it has none yet). test/tickets/index-new-ticket.test.ts holds the two equal.
 */
export function indexNewTicket(store: Store, ticketId: number, c: Complaint): void {
  indexText(store, ticketId, c, []);
}

function indexText(store: Store, ticketId: number, c: Complaint, added: readonly string[]): void {
  const parts = [c.story, c.address ?? '', c.expectation, c.agency ?? '', ...added];
  // Found only by what every reader may read of it: never by a NIK, nor by a rahasia or anonim reporter's details.
  const text = textMasker(c, maskScopeFor(c.identityMode, false))(parts.join('\n').slice(0, 50_000));
  store.ticketSearch.index(ticketId, normalize(text));
}
