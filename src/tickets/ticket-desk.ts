// The one writer of ticket state: files, appends to and withdraws tickets. Each change writes its typed ticket event
// and audit record and queues what follows from it (forwarding rows), inside the caller's transaction.
import type { AttachmentRef, Complaint, TicketStatus } from '../domain/complaint.js';
import { CLOSING_STATUSES, type TicketActor } from '../domain/ticket-event.js';
import { newTicketNumber } from '../domain/ticket-number.js';
import type { WorkingDays } from '../domain/working-days.js';
import type { RoutingPort } from '../ports/routing.js';
import { deliveryKey } from '../storage/deliveries.js';
import type { Store } from '../storage/store.js';
import { normalize } from '../understand/normalize.js';
import { sameStory } from '../understand/similarity.js';
import { linkRelated } from './related-tickets.js';
import { MESSAGE_REQUIRED, REASON_REQUIRED, canMove } from './transitions.js';

export type TicketDeskDeps = {
  store: Store;
  routing: RoutingPort;
  calendar: WorkingDays;
  /** Working days an agency has to answer (SP4N-LAPOR!: 5). */
  answerDays: number;
  /** Uniform integers in [0, n), for ticket numbers. */
  random: (n: number) => number;
};

/** What filing a complaint came to: an earlier ticket with the same story, or a new ticket and where it went. */
export type Filed =
  | { kind: 'duplicate'; ticket: string }
  | {
      kind: 'filed';
      ticket: string;
      due: string;
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
    };

const DAY_MS = 24 * 3600_000;

export class TicketDesk {
  constructor(private readonly deps: TicketDeskDeps) {}

  /**
   * Files a complaint from a chat: unless allowed, a ticket with the same story from the same chat in the last day
   * is returned instead. Routes it, stores the decision, links similar tickets and queues its forwarding.
   */
  file(complaint: Complaint, conversationId: number, allowDuplicate: boolean, now: number): Filed {
    const { store, calendar, answerDays } = this.deps;
    if (!allowDuplicate) {
      const earlier = store.tickets
        .recentForChat(conversationId, now - DAY_MS)
        .find((t) => sameStory(t.story, complaint.story));
      if (earlier) return { kind: 'duplicate', ticket: earlier.number };
    }
    const number = this.freshTicketNumber(now);
    const due = calendar.addWorkingDays(new Date(now), answerDays);
    const ticketId = store.tickets.create(complaint, number, conversationId, due, now);
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
    store.audit.record({ at: now, actor: 'citizen', type: 'ticket.created', ticketId, conversationId });
    this.reindex(ticketId);
    const { agency, deliveries, agencyId } = this.route(ticketId, number, complaint, conversationId, now);
    const received = deliveries > 0 || store.officers.activeFor(agencyId) > 0;
    const coordinator = received ? null : this.deps.routing.coordinator(complaint.kabkotaCode);
    const heldBy = received
      ? null
      : { name: coordinator && store.officers.activeFor(coordinator.agencyId) > 0 ? coordinator.name : null };
    return { kind: 'filed', ticket: number, due, days: answerDays, agency, deliveries, heldBy };
  }

  /** Adds the citizen's words and files to one of their chat's tickets; false when the chat has no such ticket. */
  append(
    conversationId: number,
    number: string,
    text: string | null,
    attachments: readonly AttachmentRef[],
    now: number,
  ): boolean {
    const { store } = this.deps;
    const ticket = store.tickets.findForChat(conversationId, number);
    if (!ticket) return false;
    store.tickets.addNote(ticket.id, 'citizen', text, now);
    store.attachments.linkToTicket(
      attachments.map((a) => a.id),
      ticket.id,
      conversationId,
    );
    store.ticketEvents.add({
      ticketId: ticket.id,
      at: now,
      actor: 'citizen',
      type: 'appended',
      from: null,
      to: null,
      reason: null,
      data: { text: text !== null, files: attachments.length },
    });
    store.audit.record({
      at: now,
      actor: 'citizen',
      type: 'ticket.appended',
      ticketId: ticket.id,
      conversationId,
    });
    if (text) this.reindex(ticket.id);
    // The answer the officer waited for: the ticket goes back to the agency.
    if (ticket.status === 'menunggu_pelapor')
      this.changeStatus(ticket, 'diproses', 'citizen', 'citizen_answered', now);
    return true;
  }

  /** The citizen withdraws one of their chat's tickets; false when the chat has no such ticket. */
  withdraw(conversationId: number, number: string, now: number): boolean {
    const ticket = this.deps.store.tickets.findForChat(conversationId, number);
    if (!ticket) return false;
    this.changeStatus(ticket, 'dicabut', 'citizen', 'citizen_withdrew', now);
    this.deps.store.audit.record({
      at: now,
      actor: 'citizen',
      type: 'ticket.withdrawn',
      ticketId: ticket.id,
      conversationId,
    });
    return true;
  }

  /**
   * An officer moves a ticket (already looked up within the officer's scope) to another status, as the transitions
   * table allows; `ditolak` needs a reason. The officer's message to the citizen is kept in the event.
   */
  move(
    ticket: { id: number; status: TicketStatus },
    to: TicketStatus,
    by: { officerId: number; reason: string | null; message: string | null },
    now: number,
  ): { ok: true } | { ok: false; problem: 'not_allowed' | 'reason_required' | 'message_required' } {
    if (!canMove(ticket.status, to)) return { ok: false, problem: 'not_allowed' };
    const reason = by.reason?.trim() || null;
    if (REASON_REQUIRED.has(to) && !reason) return { ok: false, problem: 'reason_required' };
    if (MESSAGE_REQUIRED.has(to) && !by.message?.trim()) return { ok: false, problem: 'message_required' };
    this.changeStatus(ticket, to, 'officer', reason, now, {
      officerId: by.officerId,
      ...(by.message ? { data: { message: by.message } } : {}),
    });
    this.deps.store.audit.record({
      at: now,
      actor: `officer:${by.officerId}`,
      type: 'ticket.status_changed',
      ticketId: ticket.id,
    });
    return { ok: true };
  }

  /** The citizen says a ticket the agency called done is not solved: back to `diproses`; false if not `selesai`. */
  reopen(conversationId: number, number: string, now: number): boolean {
    const ticket = this.deps.store.tickets.findForChat(conversationId, number);
    if (!ticket || ticket.status !== 'selesai') return false;
    this.changeStatus(ticket, 'diproses', 'citizen', 'citizen_not_resolved', now);
    this.deps.store.audit.record({
      at: now,
      actor: 'citizen',
      type: 'ticket.reopened',
      ticketId: ticket.id,
      conversationId,
    });
    return true;
  }

  /** The citizen's score (1–5) and comment for one of their chat's tickets. */
  rate(conversationId: number, number: string, score: number, comment: string | null, now: number): boolean {
    const { store } = this.deps;
    const ticket = store.tickets.findForChat(conversationId, number);
    if (!ticket || score < 1 || score > 5) return false;
    store.tickets.setRating(ticket.id, score, comment, now);
    store.ticketEvents.add({
      ticketId: ticket.id,
      at: now,
      actor: 'citizen',
      type: 'rated',
      from: null,
      to: null,
      reason: null,
      data: { score, comment },
    });
    return true;
  }

  /** Aduan gives back a ticket whose citizen did not answer the officer's question in time. */
  returnUnanswered(ticket: { id: number }, now: number): void {
    this.changeStatus(
      { id: ticket.id, status: 'menunggu_pelapor' },
      'diproses',
      'system',
      'citizen_did_not_answer',
      now,
    );
  }

  /** Aduan closes a ticket left at `selesai` without an objection (the citizen was asked). */
  closeQuiet(ticket: { id: number }, now: number): void {
    this.changeStatus({ id: ticket.id, status: 'selesai' }, 'ditutup', 'system', 'no_objection_10_days', now);
  }

  /**
   * An officer moves a ticket to another agency (dialihkan, with a reason): the new agency's clock starts, its
   * destinations get the ticket, and the old agency keeps reading the history. Returns the new agency's name.
   */
  reassign(
    ticket: { id: number; number: string; status: TicketStatus; agencyId: string | null },
    to: { agencyId: string; name: string },
    by: { officerId: number; reason: string },
    now: number,
  ): { deliveries: number } {
    const { store, calendar, answerDays, routing } = this.deps;
    const due = calendar.addWorkingDays(new Date(now), answerDays);
    store.tickets.reassign(ticket.id, ticket.agencyId, to.agencyId, due, now);
    store.tickets.setRouting(ticket.id, to.agencyId, {
      agencyName: to.name,
      rule: 'dialihkan',
      reason: by.reason,
      details: [],
      fallback: false,
      also: [],
    });
    store.ticketEvents.add({
      ticketId: ticket.id,
      at: now,
      actor: 'officer',
      type: 'status_changed',
      from: ticket.status,
      to: 'dialihkan',
      reason: by.reason,
      officerId: by.officerId,
      data: { from: ticket.agencyId, to: to.agencyId },
    });
    let deliveries = 0;
    for (const dest of routing.destinations(to.agencyId)) {
      deliveries++;
      store.deliveries.enqueue({
        ticketId: ticket.id,
        agencyId: to.agencyId,
        destinationId: dest.id,
        method: dest.method,
        idempotencyKey: deliveryKey(ticket.number, to.agencyId, dest.id),
        now,
      });
    }
    store.audit.record({
      at: now,
      actor: `officer:${by.officerId}`,
      type: 'ticket.reassigned',
      ticketId: ticket.id,
    });
    return { deliveries };
  }

  /** A supervisor takes a ticket of its area over: from now on it may act on it, as the agency's officers do. */
  takeOver(ticket: { id: number }, officerId: number, now: number): void {
    this.deps.store.ticketEvents.add({
      ticketId: ticket.id,
      at: now,
      actor: 'officer',
      type: 'taken_over',
      from: null,
      to: null,
      reason: null,
      officerId,
    });
  }

  /** Whether this account took the ticket over. */
  tookOver(ticketId: number, officerId: number): boolean {
    return this.deps.store.ticketEvents
      .forTicket(ticketId)
      .some((e) => e.type === 'taken_over' && e.officerId === officerId);
  }

  /** An officer's message to the citizen (`replied`) or an internal note other officers read (`noted`). */
  write(
    ticket: { id: number },
    kind: 'replied' | 'noted',
    by: { officerId: number; text: string },
    now: number,
  ): void {
    this.deps.store.ticketEvents.add({
      ticketId: ticket.id,
      at: now,
      actor: 'officer',
      type: kind,
      from: null,
      to: null,
      reason: null,
      officerId: by.officerId,
      data: { text: by.text },
    });
    this.reindex(ticket.id);
  }

  /**
   * Indexes what officers search a ticket by: the story, place, expectation and agency named, what the citizen added,
   * and the officers' messages and notes; normalized as the understanding code writes it (abbreviations expanded).
   */
  private reindex(ticketId: number): void {
    const { store } = this.deps;
    const c = store.tickets.complaint(ticketId);
    if (!c) return;
    const written = store.ticketEvents
      .forTicket(ticketId)
      .flatMap((e) => (typeof e.data?.text === 'string' ? [e.data.text] : []));
    const parts = [
      c.story,
      c.address ?? '',
      c.expectation,
      c.agency ?? '',
      ...store.tickets.notes(ticketId).map((n) => n.text),
      ...written,
    ];
    store.ticketSearch.index(ticketId, normalize(parts.join('\n').slice(0, 50_000)));
  }

  /**
   * Moves a ticket to another status with its event. A closing status drops an anonim ticket's chat link: nobody
   * can tie the ticket to the citizen any more.
   */
  private changeStatus(
    ticket: { id: number; status: TicketStatus },
    to: TicketStatus,
    actor: TicketActor,
    reason: string | null,
    now: number,
    extra: { officerId?: number; data?: Record<string, string> } = {},
  ): void {
    const { store } = this.deps;
    store.tickets.updateStatus(ticket.id, to, now);
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
  }

  /** Routes a new ticket, stores the decision with its reason, links similar tickets and queues its deliveries. */
  private route(
    ticketId: number,
    number: string,
    c: Complaint,
    conversationId: number,
    now: number,
  ): { agency: string; deliveries: number; agencyId: string } {
    const { store, routing } = this.deps;
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
      reason: decision.reason,
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
      for (const dest of routing.destinations(agencyId)) {
        deliveries++;
        store.deliveries.enqueue({
          ticketId,
          agencyId,
          destinationId: dest.id,
          method: dest.method,
          idempotencyKey: deliveryKey(number, agencyId, dest.id),
          now,
        });
      }
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

  private freshTicketNumber(now: number): string {
    for (let i = 0; i < 20; i++) {
      const n = newTicketNumber(new Date(now), this.deps.random);
      if (!this.deps.store.tickets.isTaken(n)) return n;
    }
    throw new Error('could not find a free ticket number in 20 tries');
  }
}
