// A duplicate merged into another ticket of the same agency, as the ticket desk writes it inside the caller's
// transaction: the merged ticket closed (reason `merged`) and pointed at the other, a `merged` event on both, audited.
import type { TicketStatus } from '../domain/complaint.js';
import type { Store } from '../storage/store.js';
import { reindex } from './ticket-changes.js';

/**
 * Closes `from` as merged into `into`; the caller checked both (visible, open, same agency). An anonim merged ticket
 * keeps its chat link for now: its citizen follows `into` until that one's life ends (`changeStatus` lets go then).
 */
export function mergeTickets(
  store: Store,
  from: { id: number; number: string; status: TicketStatus },
  into: { id: number; number: string },
  by: { officerId: number; note: string | null },
  now: number,
): void {
  store.tickets.updateStatus(from.id, 'ditutup', now);
  store.groupButtons.queue(from.id, now);
  store.ticketMerges.mark(from.id, into.id);
  store.ticketEvents.add({
    ticketId: from.id,
    at: now,
    actor: 'officer',
    type: 'merged',
    from: from.status,
    to: 'ditutup',
    reason: 'merged',
    officerId: by.officerId,
    data: { into: into.number, ...(by.note ? { text: by.note } : {}) },
  });
  store.ticketEvents.add({
    ticketId: into.id,
    at: now,
    actor: 'officer',
    type: 'merged',
    from: null,
    to: null,
    reason: null,
    officerId: by.officerId,
    data: { from: from.number },
  });
  const actor = `officer:${by.officerId}`;
  store.audit.record({
    at: now,
    actor,
    type: 'ticket.merged',
    ticketId: from.id,
    data: { into: into.number },
  });
  store.audit.record({
    at: now,
    actor,
    type: 'ticket.merged',
    ticketId: into.id,
    data: { from: from.number },
  });
  if (by.note) reindex(store, from.id);
}
