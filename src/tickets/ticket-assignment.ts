// A ticket's assignee as the ticket desk changes it: the row and its `assigned` event (who gave it to whom) and audit
// record, inside the caller's transaction. Internal: the citizen is not told.
import type { Store } from '../storage/store.js';

/** Gives the ticket to `assigneeId` (null: to nobody), recorded as the officer's `assigned` event. */
export function setAssignee(
  store: Store,
  ticketId: number,
  assigneeId: number | null,
  by: { officerId: number; reason: string | null },
  now: number,
): void {
  store.ticketAssignments.set(ticketId, assigneeId);
  store.ticketEvents.add({
    ticketId,
    at: now,
    actor: 'officer',
    type: 'assigned',
    from: null,
    to: null,
    reason: by.reason,
    officerId: by.officerId,
    data: { officerId: assigneeId },
  });
  store.audit.record({ at: now, actor: `officer:${by.officerId}`, type: 'ticket.assigned', ticketId });
}
