// Ombudsman Kalsel's copy of a ticket, once per ticket whoever asked for it: the citizen at intake (the ladder's last
// step recorded at once) or the ladder after a missed stage. Its destinations get the ticket as the intake escalation
// sends it, its accounts are notified, the ticket gets an `escalated` event. And the reporter's answer to whether
// their identity may go with it: with consent the ticket becomes rahasia with the name and NIK given, then the copy goes.
import type { TicketEvent } from '../domain/ticket-event.js';
import type { Store } from '../storage/store.js';
import type { OfficerTicket } from '../storage/ticket-inbox.js';
import { askLapse, pendingAsk, recordLapse } from './identity-ask.js';
import { tellFollowersOfStep } from './ladder-followers.js';
import { noticeNewTicket } from './officer-notices.js';
import { type TicketDeskDeps, queueDeliveries } from './ticket-changes.js';
import { isOpen } from './transitions.js';

export { pendingAsk } from './identity-ask.js';

/** Why Ombudsman got a copy: the ladder (a missed deadline) or the citizen's own request at intake. */
export type CopyWhy = 'deadline' | 'citizen';

/**
 * Whether Ombudsman (`ombudsmanId`) has the ticket already: routed to it, a copy recorded, or asked for at intake
 * before copies were recorded (the `routed` event names it among the agencies also sent the ticket).
 */
export function hasCopy(
  events: readonly TicketEvent[],
  ticket: { agencyId: string | null },
  ombudsmanId: string,
): boolean {
  return (
    ticket.agencyId === ombudsmanId ||
    events.some(
      (e) =>
        e.type === 'escalated' ||
        (e.type === 'routed' &&
          String(e.data?.also ?? '')
            .split(',')
            .includes(ombudsmanId)),
    )
  );
}

/**
 * Sends the copy: Ombudsman joins the agencies the ticket's forwarding may go to, its destinations get the ticket and
 * its accounts a notice (and, through the copy recorded, the ticket in their scope: read-only until taken over), and
 * the ticket an `escalated` event (`identity`: whether the reporter's identity is on the ticket for Ombudsman). The
 * caller records the ladder step. Returns the forwarding rows queued.
 */
export function sendCopy(
  deps: Pick<TicketDeskDeps, 'store' | 'routing'>,
  ticket: Pick<OfficerTicket, 'id' | 'number' | 'agencyId' | 'routing'>,
  ombudsmanId: string,
  copy: { why: CopyWhy; identity: 'given' | 'withheld' },
  now: number,
): number {
  const { store, routing } = deps;
  const name = routing.shortName(ombudsmanId) ?? ombudsmanId;
  const stored = ticket.routing;
  if (stored && ticket.agencyId && !stored.also.some((a) => a.agencyId === ombudsmanId))
    store.tickets.setRouting(ticket.id, ticket.agencyId, {
      ...stored,
      also: [
        ...stored.also,
        { agencyId: ombudsmanId, agencyName: name, why: { kind: 'deadline', agency: name } },
      ],
    });
  const deliveries = queueDeliveries(deps, ticket, ombudsmanId, now);
  noticeNewTicket(store, ticket.id, ombudsmanId, now);
  store.ticketCopies.add(ticket.id, ombudsmanId, copy.why, now);
  store.ticketEvents.add({
    ticketId: ticket.id,
    at: now,
    actor: 'system',
    type: 'escalated',
    from: null,
    to: null,
    reason: copy.why,
    data: { to: ombudsmanId, name, why: copy.why, identity: copy.identity },
  });
  store.audit.record({ at: now, actor: 'system', type: 'ticket.escalated', ticketId: ticket.id });
  return deliveries;
}

/**
 * The citizen asked at intake for Ombudsman too (the routing sent it the ticket): that is the copy, recorded at once;
 * the ladder takes it as its last step on every stage and never makes a second one.
 */
export function recordCitizenCopy(
  store: Store,
  ticketId: number,
  ombudsman: { id: string; name: string },
  now: number,
): void {
  store.ticketEvents.add({
    ticketId,
    at: now,
    actor: 'citizen',
    type: 'escalated',
    from: null,
    to: null,
    reason: 'citizen',
    data: { to: ombudsman.id, name: ombudsman.name, why: 'citizen', identity: 'given' },
  });
  store.ticketCopies.add(ticketId, ombudsman.id, 'citizen', now);
}

/** The ladder asks the reporter whether their identity may go with Ombudsman's copy, held until they answer. */
export function recordAsk(
  store: Store,
  stage: { id: number; ticketId: number },
  ombudsman: { id: string; name: string },
  now: number,
): void {
  store.ticketEvents.add({
    ticketId: stage.ticketId,
    at: now,
    actor: 'system',
    type: 'identity_asked',
    from: null,
    to: null,
    reason: null,
    data: { to: ombudsman.id, name: ombudsman.name, deadline: stage.id },
  });
}

/**
 * The reporter's answer in their chat: `given` (their name, or null to keep the ticket's, and NIK) makes the ticket
 * rahasia with it; null refuses. Then the held copy goes at once, with or without the identity, while the ticket is
 * open and the stage asked about still runs unmet. A stage met, ended or paused since (the agency acted, or asks the
 * citizen itself) lapses the question instead: nothing changes, no copy. Returns the forwarding rows queued (0 when
 * nothing was waiting for this answer).
 */
export function answerIdentity(
  deps: Pick<TicketDeskDeps, 'store' | 'routing' | 'dispatch'>,
  conversationId: number,
  number: string,
  given: { name: string | null; nik: string } | null,
  now: number,
): number {
  const { store } = deps;
  const ticket = store.ticketInbox.forOfficer(number, { kind: 'all' });
  if (!ticket || ticket.conversationId !== conversationId) return 0;
  const asked = pendingAsk(store.ticketEvents.forTicket(ticket.id));
  const ombudsmanId = asked?.data?.to;
  if (!asked || typeof ombudsmanId !== 'string') return 0;
  const lapse = askLapse(store.ticketDeadlines.history(ticket.id), asked);
  if (lapse !== null) {
    recordLapse(store, ticket.id, lapse, now);
    return 0;
  }
  const identity = given && store.tickets.giveIdentity(ticket.id, given) ? 'given' : 'withheld';
  store.ticketEvents.add({
    ticketId: ticket.id,
    at: now,
    actor: 'citizen',
    type: identity === 'given' ? 'identity_given' : 'identity_refused',
    from: null,
    to: null,
    reason: null,
  });
  store.audit.record({
    at: now,
    actor: 'citizen',
    type: identity === 'given' ? 'ticket.identity_given' : 'ticket.identity_refused',
    ticketId: ticket.id,
    conversationId,
  });
  if (!isOpen(ticket.status)) return 0;
  const deadline = asked.data?.deadline;
  if (typeof deadline === 'number')
    store.ticketDeadlines.fire({ id: deadline, ticketId: ticket.id }, 'ombudsman', now);
  const deliveries = sendCopy(deps, ticket, ombudsmanId, { why: 'deadline', identity }, now);
  // The reporter reads the copy's news in their answer's reply; the chats following the ticket hear the ladder's step.
  const stage = store.ticketDeadlines.history(ticket.id).find((s) => s.id === deadline);
  if (deps.dispatch && stage)
    tellFollowersOfStep(store, deps.dispatch, ticket, {
      type: 'ticket.ladder',
      now,
      ticket: ticket.number,
      level: 'ombudsman',
      stage: stage.stage,
      due: stage.dueOn,
      agency: deps.routing.shortName(ombudsmanId) ?? ombudsmanId,
    });
  return deliveries;
}
