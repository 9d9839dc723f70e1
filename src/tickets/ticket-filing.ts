// Filing a complaint: a fresh ticket number, the routing decision with its reason, the agency's verification stage,
// links to similar tickets and the forwarding rows; or the earlier ticket when the same chat filed the same story the
// day before. An Open311 client's request is filed the same way, without a chat, its consent the client's terms.
import type { Complaint } from '../domain/complaint.js';
import { newTicketNumber } from '../domain/ticket-number.js';
import { witaDate } from '../domain/wita.js';
import { sameStory } from '../understand/similarity.js';
import { noticeNewTicket } from './officer-notices.js';
import { recordCitizenCopy } from './ombudsman-copy.js';
import { linkRelated } from './related-tickets.js';
import { issueStatusPin } from './status-pin.js';
import { type TicketDeskDeps, indexNewTicket, queueDeliveries } from './ticket-changes.js';
import { runClock, stageDays } from './ticket-clock.js';

/** What filing a complaint came to: an earlier ticket with the same story, or a new ticket and where it went. */
export type Filed =
  | { kind: 'duplicate'; ticket: string }
  | {
      kind: 'filed';
      ticket: string;
      /** The date the agency must verify it by (its working days from filing). */
      verifyDue: string;
      /** The date the agency must answer by, were it verified on the last day: `days` working days after `verifyDue`. */
      due: string;
      /** The agency's answer days. */
      days: number;
      /** The agencies the citizen is told about ("Disdukcapil Kota Banjarmasin + Ombudsman RI Perwakilan Kalsel"). */
      agency: string;
      /** Forwarding rows queued for the agencies' destinations. */
      deliveries: number;
      /**
       * Nobody at the agency receives tickets yet (no destination, no account): who holds it meanwhile, the kab/kota's
       * complaint coordinator when it has an account, else Aduan's admins (null).
       */
      heldBy: { name: string | null } | null;
      /** The status page's PIN, in plain only here: for the citizen's receipt (stored hashed). */
      pin: string;
    };

/** A new ticket and where it went. */
export type FiledTicket = Extract<Filed, { kind: 'filed' }>;

const DAY_MS = 24 * 3600_000;

/**
 * Files a complaint from a chat: unless allowed, a ticket with the same story from the same chat in the last day
 * is returned instead. Routes it, stores the decision, links similar tickets and queues its forwarding.
 */
export function fileTicket(
  deps: TicketDeskDeps,
  complaint: Complaint,
  conversationId: number,
  allowDuplicate: boolean,
  now: number,
): Filed {
  const { store } = deps;
  if (!allowDuplicate) {
    const earlier = store.tickets
      .recentForChat(conversationId, now - DAY_MS)
      .find((t) => sameStory(t.story, complaint.story));
    if (earlier) return { kind: 'duplicate', ticket: earlier.number };
  }
  return fileNew(deps, complaint, conversationId, now).filed;
}

/**
 * Files a request an Open311 client sent (POST requests): no chat, and the reporter's consent is the client's own
 * terms, recorded as such with the integration account (`consent_by_client`). Routed, forwarded and clocked as any.
 */
export function fileFromClient(
  deps: TicketDeskDeps,
  complaint: Complaint,
  client: { officerId: number; username: string },
  now: number,
): { ticketId: number; filed: FiledTicket } {
  return fileNew(deps, complaint, null, now, client);
}

function fileNew(
  deps: TicketDeskDeps,
  complaint: Complaint,
  conversationId: number | null,
  now: number,
  client: { officerId: number; username: string } | null = null,
): { ticketId: number; filed: FiledTicket } {
  const { store, calendar } = deps;
  const number = freshTicketNumber(deps, now);
  // The verification stage sets the due date once the ticket is routed (the agency's own days), below.
  const ticketId = store.tickets.create(complaint, number, conversationId, witaDate(now), now);
  if (conversationId !== null)
    store.attachments.linkToTicket(
      complaint.attachments.map((a) => a.id),
      ticketId,
      conversationId,
    );
  store.ticketEvents.add({
    ticketId,
    at: now,
    actor: 'citizen',
    type: 'filed',
    from: null,
    to: 'baru',
    reason: null,
  });
  if (client)
    store.ticketEvents.add({
      ticketId,
      at: now,
      actor: 'citizen',
      type: 'consent_by_client',
      from: null,
      to: null,
      reason: null,
      officerId: client.officerId,
      data: { account: client.username },
    });
  store.audit.record({
    at: now,
    actor: client ? `officer:${client.officerId}` : 'citizen',
    type: 'ticket.created',
    ticketId,
    conversationId,
  });
  indexNewTicket(store, ticketId, complaint);
  const pin = issueStatusPin(store, deps.random, ticketId, now);
  const { agency, deliveries, agencyId } = route(deps, ticketId, number, complaint, conversationId, now);
  const verifyDue = runClock(deps, ticketId, { kind: 'filed' }, now)?.dueOn ?? witaDate(now);
  const days = stageDays(deps, agencyId, complaint.category).answerDays;
  const received = deliveries > 0 || store.officers.activeFor(agencyId) > 0;
  const coordinator = received ? null : deps.routing.coordinator(complaint.kabkotaCode);
  const heldBy = received
    ? null
    : { name: coordinator && store.officers.activeFor(coordinator.agencyId) > 0 ? coordinator.name : null };
  const due = calendar.addToDate(verifyDue, days);
  return {
    ticketId,
    filed: { kind: 'filed', ticket: number, verifyDue, due, days, agency, deliveries, heldBy, pin },
  };
}

/** Routes a new ticket, stores the decision with its reason, links similar tickets and queues its deliveries. */
function route(
  deps: TicketDeskDeps,
  ticketId: number,
  number: string,
  c: Complaint,
  conversationId: number | null,
  now: number,
): { agency: string; deliveries: number; agencyId: string } {
  const { store, routing } = deps;
  const decision = routing.route({
    category: c.category,
    kabkotaCode: c.kabkotaCode,
    kecamatanCode: c.kecamatanCode,
    story: c.story,
    priorReport: c.priorReport,
    escalate: c.escalate === true && c.identityMode !== 'anonim',
  });
  store.tickets.setRouting(ticketId, decision.agencyId, {
    agencyName: decision.agencyName,
    rule: decision.rule,
    why: decision.why,
    details: decision.details,
    fallback: decision.fallback,
    also: decision.also,
  });
  linkRelated(store.tickets, {
    ticketId,
    story: c.story,
    category: c.category,
    kabkotaCode: c.kabkotaCode,
    conversationId,
    now,
  });
  let deliveries = 0;
  const agencies = [decision.agencyId, ...decision.also.map((a) => a.agencyId)];
  for (const agencyId of agencies) {
    deliveries += queueDeliveries(deps, { id: ticketId, number }, agencyId, now);
    noticeNewTicket(store, ticketId, agencyId, now);
  }
  store.ticketEvents.add({
    ticketId,
    at: now,
    actor: 'system',
    type: 'routed',
    from: null,
    to: null,
    reason: decision.rule,
    data: { agency: decision.agencyId, also: decision.also.map((a) => a.agencyId).join(',') || null },
  });
  store.audit.record({ at: now, actor: 'system', type: 'ticket.routed', ticketId, conversationId });
  // The citizen's own request for Ombudsman is its copy: the ladder's last step, taken now.
  for (const a of decision.also)
    recordCitizenCopy(
      store,
      ticketId,
      { id: a.agencyId, name: routing.shortName(a.agencyId) ?? a.agencyName },
      now,
    );
  const known = (id: string, name: string) => routing.shortName(id) ?? name;
  return {
    agency: [
      known(decision.agencyId, decision.agencyName),
      ...decision.also.map((a) => known(a.agencyId, a.agencyName)),
    ].join(' + '),
    deliveries,
    agencyId: decision.agencyId,
  };
}

function freshTicketNumber(deps: TicketDeskDeps, now: number): string {
  for (let i = 0; i < 20; i++) {
    const n = newTicketNumber(new Date(now), deps.random);
    if (!deps.store.tickets.isTaken(n)) return n;
  }
  throw new Error('could not find a free ticket number in 20 tries');
}
