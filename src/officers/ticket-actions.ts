// What an officer does to a ticket, in one transaction: the ticket desk makes the change, and the citizen's
// conversation is told through `dispatch` (in their language, on their channel).
import type { DispatchEvent } from '../../flows/intake-events.js';
import type { Clock } from '../clock.js';
import type { TicketStatus } from '../domain/complaint.js';
import type { Officer } from '../domain/officer.js';
import type { OutboundFile } from '../domain/reply.js';
import { witaDate } from '../domain/wita.js';
import type { WorkingDays } from '../domain/working-days.js';
import type { Directory } from '../routing/directory.js';
import type { FileStore } from '../storage/file-store.js';
import type { Store } from '../storage/store.js';
import { watcherAgencies } from '../tickets/ladder-steps.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import { REASSIGNABLE, isOpen } from '../tickets/transitions.js';
import { type CheckedUpload, recordAnswerFiles } from './answer-files.js';
import { readsAsCopy } from './copy-access.js';
import { fieldCheckTicket } from './field-check-action.js';
import { watchAsk } from './identity-lapse.js';
import { mayAct, mayReassignAsWatcher, scopeOf } from './policy.js';
import { type MergeProblem, mergeTicket } from './ticket-merging.js';
import { tellFollowers } from './ticket-news.js';

export type ActionProblem =
  | 'not_found'
  | 'read_only'
  | 'not_allowed'
  | 'reason_required'
  | 'message_required'
  | 'empty'
  /** Files for a ticket whose citizen has no chat any more (nobody to send them to). */
  | 'no_chat';

/** The longest message or note an officer may write (a WhatsApp message holds 4,096 characters). */
export const MAX_OFFICER_TEXT = 2000;

/** Working days an officer's question waits for the citizen's answer. */
export const WAIT_WORKING_DAYS = 10;

export type TicketActionsDeps = {
  store: Store;
  tickets: TicketDesk;
  /** The runtime's door into a conversation; `files` go with the message about the ticket. */
  dispatch: (conversationId: number, event: DispatchEvent, files?: readonly OutboundFile[]) => unknown;
  /** Where officers' files are stored (by their hash), and their attachment ids. */
  files: Pick<FileStore, 'put'>;
  newId: () => string;
  directory: Directory;
  clock: Clock;
  calendar: WorkingDays;
};

/** A ticket left at `selesai` this long without the citizen saying it is not solved is closed. */
export const QUIET_CLOSE_MS = 10 * 24 * 3600_000;

export class TicketActions {
  constructor(private readonly deps: TicketActionsDeps) {}

  /**
   * Moves a ticket the officer may see to `to`, with an optional message to the citizen (and the reason a
   * rejection needs). A ticket outside the officer's scope is `not_found`, before any other check.
   */
  changeStatus(
    officer: Officer,
    number: string,
    to: TicketStatus,
    say: { message: string | null; reason: string | null },
    uploads: readonly CheckedUpload[] = [],
  ): { ok: true } | { ok: false; problem: ActionProblem } {
    const { store, tickets, directory, clock } = this.deps;
    return store.tx(() => {
      const ticket = store.ticketInbox.forOfficer(number, scopeOf(officer, directory));
      if (!ticket) return { ok: false, problem: 'not_found' } as const;
      if (!this.mayActOn(officer, ticket)) return { ok: false, problem: 'read_only' } as const;
      if (uploads.length > 0 && ticket.conversationId === null)
        return { ok: false, problem: 'no_chat' } as const;
      const now = clock.now();
      const message = say.message?.trim() || null;
      const followers = store.ticketMerges.followers(ticket.id);
      const lapsed = watchAsk(store, ticket);
      const moved = tickets.move(ticket, to, { officerId: officer.id, reason: say.reason, message }, now);
      if (!moved.ok) return moved;
      lapsed(this.deps.dispatch, now);
      const reason = say.reason?.trim() || null;
      const news = { type: 'ticket.update', now, ticket: number, status: to, message, reason } as const;
      const files = this.attach(officer, ticket, uploads, now);
      if (ticket.conversationId !== null) this.deps.dispatch(ticket.conversationId, news, files);
      tellFollowers(this.deps.dispatch, followers, ticket.conversationId, news, ticket.complaint.name, files);
      return { ok: true } as const;
    });
  }

  /**
   * A supervisor takes a ticket of its area over, or an officer of an agency that got a copy of it (Ombudsman's
   * tembusan) takes the copy over (admins and the agency's officers already act: not_allowed).
   */
  takeOver(officer: Officer, number: string): { ok: true } | { ok: false; problem: ActionProblem } {
    const { store, tickets, directory, clock } = this.deps;
    return store.tx(() => {
      const ticket = store.ticketInbox.forOfficer(number, scopeOf(officer, directory));
      if (!ticket) return { ok: false, problem: 'not_found' } as const;
      if (!this.mayTakeOver(officer, ticket)) return { ok: false, problem: 'not_allowed' } as const;
      tickets.takeOver(ticket, officer.id, clock.now());
      return { ok: true } as const;
    });
  }

  /**
   * Whether this account may take the ticket (seen within its scope) over: it may not act on it yet, and it is a
   * supervisor, or an officer reading the ticket through its agency's copy.
   */
  mayTakeOver(officer: Officer, ticket: { id: number; agencyId: string | null }): boolean {
    if (officer.disabled || this.mayActOn(officer, ticket)) return false;
    return officer.role === 'supervisor' || (officer.role === 'officer' && this.readsAsCopy(officer, ticket));
  }

  /** Whether this account reads the ticket through a copy its agency received (read-only until taken over). */
  readsAsCopy(officer: Officer, ticket: { id: number; agencyId: string | null }): boolean {
    return readsAsCopy(officer, ticket, this.deps.store.ticketCopies.agencies(ticket.id));
  }

  /** Whether this account may answer on the ticket: null, or `not_found` (outside its scope) or `read_only`. */
  answerable(officer: Officer, number: string): 'not_found' | 'read_only' | null {
    const ticket = this.deps.store.ticketInbox.forOfficer(number, scopeOf(officer, this.deps.directory));
    if (!ticket) return 'not_found';
    return officer.disabled || !this.mayActOn(officer, ticket) ? 'read_only' : null;
  }

  /**
   * Whether this account may act on this ticket (seen within its scope): an officer only while the ticket is its
   * agency's (after dialihkan the old agency reads only), or once it took its agency's copy over.
   */
  mayActOn(officer: Officer, ticket: { id: number; agencyId: string | null }): boolean {
    const tookOver = this.deps.tickets.tookOver(ticket.id, officer.id);
    if (officer.role === 'officer' && !officer.agencies.includes(ticket.agencyId ?? '') && !tookOver)
      return false;
    return mayAct(officer, tookOver);
  }

  /** Whether this account may move the ticket to another agency: whoever may act on it, or a watching coordinator. */
  mayReassign(officer: Officer, ticket: { id: number; agencyId: string | null }): boolean {
    if (this.mayActOn(officer, ticket)) return true;
    return mayReassignAsWatcher(officer, watcherAgencies(this.deps.store.ticketEvents.forTicket(ticket.id)));
  }

  /**
   * Moves a ticket to another agency of the directory, with a reason the citizen is told, and tells the citizen
   * where it went; the new agency's destinations receive it.
   */
  reassign(
    officer: Officer,
    number: string,
    agencyId: string,
    reason: string | null,
  ): { ok: true; deliveries: number } | { ok: false; problem: ActionProblem | 'unknown_agency' } {
    const { store, tickets, directory, clock } = this.deps;
    return store.tx(() => {
      const ticket = store.ticketInbox.forOfficer(number, scopeOf(officer, directory));
      if (!ticket) return { ok: false, problem: 'not_found' } as const;
      if (!this.mayReassign(officer, ticket)) return { ok: false, problem: 'read_only' } as const;
      if (!REASSIGNABLE.has(ticket.status)) return { ok: false, problem: 'not_allowed' } as const;
      const agency = directory.agency(agencyId);
      if (!agency || agency.id === ticket.agencyId) return { ok: false, problem: 'unknown_agency' } as const;
      const why = reason?.trim();
      if (!why) return { ok: false, problem: 'reason_required' } as const;
      const now = clock.now();
      const lapsed = watchAsk(store, ticket);
      const { deliveries } = tickets.reassign(
        ticket,
        { agencyId: agency.id, name: agency.name },
        { officerId: officer.id, reason: why },
        now,
      );
      lapsed(this.deps.dispatch, now);
      const news = {
        type: 'ticket.update',
        now,
        ticket: ticket.number,
        status: 'dialihkan',
        message: null,
        reason: why,
        agency: agency.shortName,
      } as const;
      if (ticket.conversationId !== null) this.deps.dispatch(ticket.conversationId, news);
      tellFollowers(
        this.deps.dispatch,
        store.ticketMerges.followers(ticket.id),
        ticket.conversationId,
        news,
        ticket.complaint.name,
      );
      return { ok: true, deliveries } as const;
    });
  }

  /**
   * Gives the ticket to one enabled account of its agency (an officer to itself, "ambil", or to a colleague), or to
   * nobody (null). Whoever may act on the ticket may assign it; internal: the citizen is not told.
   */
  assign(
    officer: Officer,
    number: string,
    assigneeId: number | null,
  ): { ok: true } | { ok: false; problem: ActionProblem | 'unknown_officer' } {
    const { store, tickets, directory, clock } = this.deps;
    return store.tx(() => {
      const ticket = store.ticketInbox.forOfficer(number, scopeOf(officer, directory));
      if (!ticket) return { ok: false, problem: 'not_found' } as const;
      if (!this.mayActOn(officer, ticket)) return { ok: false, problem: 'read_only' } as const;
      if (!isOpen(ticket.status)) return { ok: false, problem: 'not_allowed' } as const;
      if (
        assigneeId !== null &&
        (ticket.agencyId === null || !store.ticketAssignments.mayHold(ticket.agencyId, assigneeId))
      )
        return { ok: false, problem: 'unknown_officer' } as const;
      if ((store.ticketAssignments.assignee(ticket.id)?.id ?? null) !== assigneeId)
        tickets.assign(ticket, assigneeId, { officerId: officer.id }, clock.now());
      return { ok: true } as const;
    });
  }

  /**
   * Merges a duplicate into another ticket of the same agency (`mergeTicket`): both must be open and the account's to
   * act on; the merged one is closed and its citizen follows the other from now on.
   */
  merge(
    officer: Officer,
    number: string,
    intoNumber: string,
    note: string | null = null,
  ): { ok: true; into: string } | { ok: false; problem: MergeProblem } {
    return mergeTicket(this.deps, (o, t) => this.mayActOn(o, t), officer, number, intoNumber, note);
  }

  /** Marks a field check of `days` calendar days for `reason` (`fieldCheckTicket`); the citizen is told. */
  fieldCheck(officer: Officer, number: string, ask: { days: number; reason: string | null }) {
    return fieldCheckTicket(this.deps, (o, t) => this.mayActOn(o, t), officer, number, ask);
  }

  /**
   * Gives back to the agency the tickets whose citizen did not answer the officer's question within 10 working days
   * (the reason is on the ticket's event).
   */
  returnUnanswered(limit = 100): number {
    const { store, tickets, clock, calendar } = this.deps;
    const now = clock.now();
    return store.tx(() => {
      const due = store.tickets
        .inStatus('menunggu_pelapor', limit)
        .filter((t) => calendar.addWorkingDays(new Date(t.updatedAt), WAIT_WORKING_DAYS) <= witaDate(now));
      for (const t of due) tickets.returnUnanswered(t, now);
      return due.length;
    });
  }

  /** Closes tickets left at `selesai` for 10 days without an objection, and tells each citizen. */
  closeQuietResolved(limit = 100): number {
    const { store, tickets, clock } = this.deps;
    const now = clock.now();
    return store.tx(() => {
      const due = store.tickets.resolvedSince(now - QUIET_CLOSE_MS, limit);
      for (const ticket of due) {
        const followers = store.ticketMerges.followers(ticket.id);
        tickets.closeQuiet(ticket, now);
        const closed = { type: 'ticket.update', now, ticket: ticket.number, status: 'ditutup' } as const;
        const news = { ...closed, message: null, reason: null };
        if (ticket.conversationId !== null) this.deps.dispatch(ticket.conversationId, news);
        // No officer's words to scrub in a quiet close.
        tellFollowers(this.deps.dispatch, followers, ticket.conversationId, news, null);
      }
      return due.length;
    });
  }

  /**
   * The officer writes to the citizen (`reply`, sent through their conversation) or leaves an internal note (`note`,
   * which any account that sees the ticket may do; the citizen never sees it).
   */
  write(
    officer: Officer,
    number: string,
    kind: 'reply' | 'note',
    text: string,
    uploads: readonly CheckedUpload[] = [],
  ): { ok: true } | { ok: false; problem: ActionProblem } {
    const { store, tickets, directory, clock } = this.deps;
    return store.tx(() => {
      const ticket = store.ticketInbox.forOfficer(number, scopeOf(officer, directory));
      if (!ticket) return { ok: false, problem: 'not_found' } as const;
      if (officer.disabled || (kind === 'reply' && !this.mayActOn(officer, ticket)))
        return { ok: false, problem: 'read_only' } as const;
      const clean = text.trim().slice(0, MAX_OFFICER_TEXT);
      if (!clean) return { ok: false, problem: 'empty' } as const;
      if (uploads.length > 0 && (kind === 'note' || ticket.conversationId === null))
        return { ok: false, problem: 'no_chat' } as const;
      const now = clock.now();
      const lapsed = watchAsk(store, ticket);
      tickets.write(
        ticket,
        kind === 'reply' ? 'replied' : 'noted',
        { officerId: officer.id, text: clean },
        now,
      );
      if (kind === 'reply') {
        lapsed(this.deps.dispatch, now);
        const news = { type: 'ticket.reply', now, ticket: ticket.number, text: clean } as const;
        const files = this.attach(officer, ticket, uploads, now);
        if (ticket.conversationId !== null) this.deps.dispatch(ticket.conversationId, news, files);
        const followers = store.ticketMerges.followers(ticket.id);
        tellFollowers(
          this.deps.dispatch,
          followers,
          ticket.conversationId,
          news,
          ticket.complaint.name,
          files,
        );
      }
      return { ok: true } as const;
    });
  }

  /**
   * The officer's files of the event just written, stored and recorded with the ticket's chat (files need one:
   * checked before); what the messages to the citizen and to the chats following the ticket refer to.
   */
  private attach(
    officer: Officer,
    ticket: { id: number; conversationId: number | null },
    uploads: readonly CheckedUpload[],
    now: number,
  ): OutboundFile[] {
    if (uploads.length === 0 || ticket.conversationId === null) return [];
    const to = { ticketId: ticket.id, conversationId: ticket.conversationId, officerId: officer.id };
    return recordAnswerFiles(this.deps, to, uploads, now);
  }
}
