// The one writer of ticket state: files, appends to and withdraws tickets. Each change writes its typed ticket event
// and audit record and queues what follows from it (forwarding rows), inside the caller's transaction.
import type { AttachmentRef, Complaint, TicketStatus } from '../domain/complaint.js';
import { witaDate } from '../domain/wita.js';
import { markFieldCheck } from './field-check.js';
import { type ErasedBy, type KnownPerson, eraseIdentity } from './identity-erasure.js';
import { noticeDeadlines, noticeNewTicket, noticeReply } from './officer-notices.js';
import { answerIdentity } from './ombudsman-copy.js';
import { setAssignee } from './ticket-assignment.js';
import { type TicketDeskDeps, changeStatus, queueDeliveries, reindex } from './ticket-changes.js';
import { runClock } from './ticket-clock.js';
import { type Filed, type FiledTicket, fileFromClient, fileTicket } from './ticket-filing.js';
import { mergeTickets } from './ticket-merge.js';
import { MESSAGE_REQUIRED, REASON_REQUIRED, canMove } from './transitions.js';

export class TicketDesk {
  constructor(private readonly deps: TicketDeskDeps) {}

  /** Files a complaint from a chat, or finds the chat's ticket with the same story (`fileTicket`). */
  file(complaint: Complaint, conversationId: number, allowDuplicate: boolean, now: number): Filed {
    return fileTicket(this.deps, complaint, conversationId, allowDuplicate, now);
  }

  /** Files an Open311 client's request: no chat, its consent the client's terms (`fileFromClient`). */
  fileFromClient(
    complaint: Complaint,
    client: { officerId: number; username: string },
    now: number,
  ): { ticketId: number; filed: FiledTicket } {
    return fileFromClient(this.deps, complaint, client, now);
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
    if (text) reindex(store, ticket.id);
    noticeReply(store, ticket.id, String(now), now);
    // The answer the officer waited for: the ticket goes back to the agency.
    if (ticket.status === 'menunggu_pelapor')
      changeStatus(this.deps, ticket, 'diproses', 'citizen', 'citizen_answered', now);
    return true;
  }

  /** The citizen withdraws one of their chat's tickets; false when the chat has no such ticket. */
  withdraw(conversationId: number, number: string, now: number): boolean {
    const ticket = this.deps.store.tickets.findForChat(conversationId, number);
    if (!ticket) return false;
    changeStatus(this.deps, ticket, 'dicabut', 'citizen', 'citizen_withdrew', now);
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
    changeStatus(this.deps, ticket, to, 'officer', reason, now, {
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
    changeStatus(this.deps, ticket, 'diproses', 'citizen', 'citizen_not_resolved', now);
    this.deps.store.audit.record({
      at: now,
      actor: 'citizen',
      type: 'ticket.reopened',
      ticketId: ticket.id,
      conversationId,
    });
    return true;
  }

  /**
   * The reporter's answer in their chat to whether their identity may go with Ombudsman's copy (`answerIdentity`):
   * the ticket becomes rahasia with it, or not, and the held copy goes. Returns the forwarding rows queued.
   */
  answerIdentity(
    conversationId: number,
    number: string,
    given: { name: string | null; nik: string } | null,
    now: number,
  ): number {
    return answerIdentity(this.deps, conversationId, number, given, now);
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
    changeStatus(
      this.deps,
      { id: ticket.id, status: 'menunggu_pelapor' },
      'diproses',
      'system',
      'citizen_did_not_answer',
      now,
    );
  }

  /** Aduan closes a ticket left at `selesai` without an objection (the citizen was asked). */
  closeQuiet(ticket: { id: number }, now: number): void {
    changeStatus(
      this.deps,
      { id: ticket.id, status: 'selesai' },
      'ditutup',
      'system',
      'no_objection_10_days',
      now,
    );
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
    const { store } = this.deps;
    // The new agency's verification stage sets the due date (its own days), below.
    store.tickets.reassign(ticket.id, ticket.agencyId, to.agencyId, witaDate(now), now);
    // The old agency's groups lose the ticket's buttons (the new agency's get it with them, below).
    store.groupButtons.queue(ticket.id, now);
    runClock(this.deps, ticket.id, { kind: 'reassigned' }, now);
    store.tickets.setRouting(ticket.id, to.agencyId, {
      agencyName: to.name,
      rule: 'dialihkan',
      why: { kind: 'text', text: by.reason },
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
    // The new agency decides who works it: the old agency's assignee lets go.
    if (store.ticketAssignments.assignee(ticket.id))
      setAssignee(store, ticket.id, null, { officerId: by.officerId, reason: 'dialihkan' }, now);
    const deliveries = queueDeliveries(this.deps, ticket, to.agencyId, now);
    noticeNewTicket(store, ticket.id, to.agencyId, now);
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

  /**
   * An officer gives the ticket to one account of its agency, or to nobody (null); the caller checked the account.
   * Internal: the citizen is not told.
   */
  assign(ticket: { id: number }, assigneeId: number | null, by: { officerId: number }, now: number): void {
    setAssignee(this.deps.store, ticket.id, assigneeId, { officerId: by.officerId, reason: null }, now);
  }

  /** An officer merges a duplicate into another ticket of its agency (`mergeTickets`; the caller checked both). */
  merge(
    from: { id: number; number: string; status: TicketStatus },
    into: { id: number; number: string },
    by: { officerId: number; note: string | null },
    now: number,
  ): void {
    mergeTickets(this.deps.store, from, into, by, now);
    runClock(this.deps, from.id, { kind: 'status', from: from.status, to: 'ditutup' }, now);
  }

  /** An officer marks a field check on a ticket it may act on (`markFieldCheck`): the answer comes by the date returned. */
  fieldCheck(
    ticket: { id: number; status: TicketStatus },
    by: { officerId: number; days: number; reason: string | null },
    now: number,
  ): ReturnType<typeof markFieldCheck> {
    return markFieldCheck(this.deps, ticket, by, now);
  }

  /** Queues the officers' notices of due dates the next working day, each once (a missed one is the ladder's); how many. */
  noticeDeadlines(now: number): number {
    return noticeDeadlines(this.deps, now);
  }

  /**
   * Erases a ticket's reporter (`eraseIdentity`): the citizen's "hapus data saya" or retention. Returns the hashes of
   * the files whose rows went.
   */
  eraseIdentity(ticketId: number, why: ErasedBy, known: KnownPerson, now: number): string[] {
    return eraseIdentity(this.deps.store, ticketId, why, known, now);
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
    if (kind === 'replied') runClock(this.deps, ticket.id, { kind: 'replied' }, now);
    reindex(this.deps.store, ticket.id);
  }
}
