// The question to the reporter whether their identity may go with Ombudsman's copy, as the ticket's events hold it:
// still waiting, lapsed once the stage it was asked for is met, ended or paused (the agency acted, or asks the citizen
// itself), and which agency the identity was given for (only that one's forwarding carries it).
import type { StageClock } from '../domain/deadline.js';
import type { TicketEvent } from '../domain/ticket-event.js';
import type { Store } from '../storage/store.js';

const SETTLING: ReadonlySet<string> = new Set([
  'identity_given',
  'identity_refused',
  'identity_dropped',
  'escalated',
]);

/** The reporter's last `identity_asked` still waiting for an answer (and for the copy), or null. */
export function pendingAsk(events: readonly TicketEvent[]): TicketEvent | null {
  const asked = events.findLast((e) => e.type === 'identity_asked');
  if (!asked) return null;
  return events.some((e) => (e.id ?? 0) > (asked.id ?? 0) && SETTLING.has(e.type)) ? null : asked;
}

/** Why the ask no longer holds a copy: its stage met, ended or paused (or gone); null while the stage still runs. */
export type AskLapse = 'stage_met' | 'stage_ended' | 'stage_paused';

export function askLapse(stages: readonly StageClock[], asked: TicketEvent): AskLapse | null {
  const stage = stages.find((s) => s.id === asked.data?.deadline);
  if (!stage || stage.endedAt !== null) return 'stage_ended';
  if (stage.metAt !== null) return 'stage_met';
  return stage.pausedAt !== null ? 'stage_paused' : null;
}

/**
 * After a change to the ticket's stages: a waiting ask whose stage no longer runs lapses (an `identity_dropped`
 * event, in the change's transaction), so the chat may leave the question. Returns whether it lapsed.
 */
export function settleAsk(store: Store, ticketId: number, now: number): boolean {
  const asked = pendingAsk(store.ticketEvents.forTicket(ticketId));
  if (!asked) return false;
  const lapse = askLapse(store.ticketDeadlines.history(ticketId), asked);
  if (lapse === null) return false;
  recordLapse(store, ticketId, lapse, now);
  return true;
}

/** The question lapsed unanswered (`identity_dropped`, `reason` the lapse): no copy goes for it. */
export function recordLapse(store: Store, ticketId: number, lapse: AskLapse, now: number): void {
  store.ticketEvents.add({
    ticketId,
    at: now,
    actor: 'system',
    type: 'identity_dropped',
    from: null,
    to: null,
    reason: lapse,
  });
}

/**
 * Whether the reporter gave their identity for `agencyId`: an `identity_given` answering a question asked for that
 * agency's copy (Ombudsman's). The ticket is rahasia then; only that agency's forwarding carries the name and NIK.
 */
export function identityGivenTo(events: readonly TicketEvent[], agencyId: string): boolean {
  return events.some((given, i) => {
    if (given.type !== 'identity_given') return false;
    const asked = events.slice(0, i).findLast((e) => e.type === 'identity_asked');
    return asked?.data?.to === agencyId;
  });
}
