// The escalation ladder over missed deadline stages, swept once a minute: the day after a running stage's due date the
// agency is reminded; LADDER_COORDINATOR_DAYS working days later the kab/kota's complaint coordinator watches the
// ticket; LADDER_OMBUDSMAN_DAYS working days after that Ombudsman gets a copy (held while the reporter is asked about
// their identity). Each step once per stage and level (recorded with the step: a restart or a second sweep never
// repeats it), in its own transaction, the citizen told in their chat (and the chats following the ticket through the
// reports merged into it), the date of the stage's next step stored with it (the sweep reads only stages with a step
// due); a stage that fails is logged and skipped; time is the injected clock's.
import type { DispatchEvent } from '../../flows/intake-events.js';
import type { Clock } from '../clock.js';
import type { LadderLevel, StageClock } from '../domain/deadline.js';
import { witaDate } from '../domain/wita.js';
import { type WorkingDays, addCalendarDays } from '../domain/working-days.js';
import type { RoutingPort } from '../ports/routing.js';
import type { Store } from '../storage/store.js';
import type { OfficerTicket } from '../storage/ticket-inbox.js';
import { tellFollowersOfStep } from './ladder-followers.js';
import { watcherAgencies } from './ladder-steps.js';
import { noticeReminder, noticeWatching } from './officer-notices.js';
import { hasCopy, pendingAsk, recordAsk, sendCopy } from './ombudsman-copy.js';

export type LadderDeps = {
  store: Store;
  routing: RoutingPort;
  calendar: WorkingDays;
  clock: Clock;
  /** The runtime's door into a conversation: the citizen is told of each step there. */
  dispatch: (conversationId: number, event: DispatchEvent) => unknown;
  /** Ombudsman's agency for a kab/kota (Ombudsman Kalsel for the whole province). */
  ombudsman: (kabkotaCode: string | null) => string;
  /** Whether an agency is an Ombudsman office (the directory's `ombudsman` level). */
  isOmbudsman: (agencyId: string) => boolean;
  /** A stage's step failed (rolled back; the sweep goes on): the ticket's id and the error, never personal data. */
  failed: (ticketId: number, err: unknown) => void;
  /** Working days from the reminder to the coordinator's watch (LADDER_COORDINATOR_DAYS). */
  coordinatorDays: number;
  /** Working days from the coordinator's watch to Ombudsman's copy (LADDER_OMBUDSMAN_DAYS). */
  ombudsmanDays: number;
};

/** Working days the reporter has to answer whether their identity may go to Ombudsman; then the copy goes without. */
export const IDENTITY_WAIT_WORKING_DAYS = 3;

export class DeadlineLadder {
  constructor(private readonly deps: LadderDeps) {}

  /** Takes the steps due now (at most one per stage in a sweep); returns how many were taken. */
  sweep(limit = 100): number {
    const { store, clock } = this.deps;
    const now = clock.now();
    const today = witaDate(now);
    let taken = 0;
    for (const stage of store.ticketDeadlines.climbing(today, limit)) {
      try {
        if (store.tx(() => this.climb(stage, today, now))) taken++;
      } catch (err) {
        this.deps.failed(stage.ticketId, err);
      }
    }
    return taken;
  }

  /** The stage's next step, when its day has come. */
  private climb(stage: StageClock, today: string, now: number): boolean {
    const fired = this.deps.store.ticketDeadlines
      .ladder(stage.ticketId)
      .filter((l) => l.deadlineId === stage.id);
    const at = (level: LadderLevel) => fired.find((l) => l.level === level)?.firedAt;
    if (at('ombudsman') !== undefined) return this.next(stage, null);
    const reminded = at('reminder');
    if (reminded === undefined)
      return today > stage.dueOn
        ? this.remind(stage, now)
        : this.next(stage, addCalendarDays(stage.dueOn, 1));
    const watched = at('coordinator');
    if (watched === undefined) {
      const due = this.after(reminded, this.deps.coordinatorDays);
      return today >= due ? this.watch(stage, now) : this.next(stage, due);
    }
    const due = this.after(watched, this.deps.ombudsmanDays);
    return today >= due ? this.copy(stage, due, today, now) : this.next(stage, due);
  }

  /** The WITA date `days` working days after an instant. */
  private after(since: number, days: number): string {
    return this.deps.calendar.addWorkingDays(new Date(since), days);
  }

  /** No step now: the stage's next one is due from `on` (null: none left). */
  private next(stage: StageClock, on: string | null): false {
    this.deps.store.ticketDeadlines.schedule(stage.id, on);
    return false;
  }

  /** The agency's officers and its Telegram group are reminded; the citizen told the deadline passed. */
  private remind(stage: StageClock, now: number): boolean {
    const { store } = this.deps;
    if (!store.ticketDeadlines.fire(stage, 'reminder', now)) return false;
    store.ticketDeadlines.schedule(stage.id, this.after(now, this.deps.coordinatorDays));
    const ticket = this.ticket(stage.ticketId);
    if (!ticket) return true;
    const agencyId = stage.agencyId ?? ticket.agencyId;
    store.ticketEvents.add({
      ticketId: ticket.id,
      at: now,
      actor: 'system',
      type: 'reminded',
      from: null,
      to: null,
      reason: stage.stage,
      data: { stage: stage.stage, agency: agencyId, name: agencyId ? this.name(agencyId) : null },
    });
    noticeReminder(this.deps, { ticketId: ticket.id, agencyId, key: `stage:${stage.id}` }, now);
    this.tell(ticket, stage, 'reminder', agencyId, now);
    return true;
  }

  /**
   * The kab/kota's complaint coordinator watches the ticket (and may reassign it); its supervisors and the citizen
   * told. Not a ticket Ombudsman itself holds: a pemda must not move a complaint (about itself, maybe) out of
   * Ombudsman's hands; the step is only written in the ticket's history.
   */
  private watch(stage: StageClock, now: number): boolean {
    const { store, routing } = this.deps;
    if (!store.ticketDeadlines.fire(stage, 'coordinator', now)) return false;
    store.ticketDeadlines.schedule(stage.id, this.after(now, this.deps.ombudsmanDays));
    const ticket = this.ticket(stage.ticketId);
    const coordinator = ticket ? routing.coordinator(ticket.complaint.kabkotaCode) : null;
    if (!ticket || !coordinator || coordinator.agencyId === ticket.agencyId) return true;
    if (ticket.agencyId !== null && this.deps.isOmbudsman(ticket.agencyId)) {
      store.ticketEvents.add({
        ticketId: ticket.id,
        at: now,
        actor: 'system',
        type: 'watch_skipped',
        from: null,
        to: null,
        reason: stage.stage,
        data: { agency: coordinator.agencyId, name: coordinator.name },
      });
      return true;
    }
    if (!watcherAgencies(store.ticketEvents.forTicket(ticket.id)).includes(coordinator.agencyId)) {
      store.ticketEvents.add({
        ticketId: ticket.id,
        at: now,
        actor: 'system',
        type: 'watcher_added',
        from: null,
        to: null,
        reason: stage.stage,
        data: { agency: coordinator.agencyId, name: coordinator.name },
      });
      store.audit.record({ at: now, actor: 'system', type: 'ticket.watcher_added', ticketId: ticket.id });
    }
    noticeWatching(
      store,
      { ticketId: ticket.id, coordinatorId: coordinator.agencyId, key: `stage:${stage.id}` },
      now,
    );
    this.tell(ticket, stage, 'coordinator', coordinator.agencyId, now);
    return true;
  }

  /**
   * Ombudsman's copy, unless it has one. The reporter's identity goes when the ticket has it (a name and NIK, not
   * anonim); otherwise a chat at rest is asked first and the copy waits for the answer (the desk sends it then), or
   * goes without the identity after IDENTITY_WAIT_WORKING_DAYS of silence (or of a chat busy elsewhere), or at once
   * when the ticket has no chat to ask in.
   */
  private copy(stage: StageClock, due: string, today: string, now: number): boolean {
    const { store } = this.deps;
    const ticket = this.ticket(stage.ticketId);
    if (!ticket) return store.ticketDeadlines.fire(stage, 'ombudsman', now);
    const ombudsmanId = this.deps.ombudsman(ticket.complaint.kabkotaCode);
    const events = store.ticketEvents.forTicket(ticket.id);
    if (hasCopy(events, ticket, ombudsmanId)) return store.ticketDeadlines.fire(stage, 'ombudsman', now);
    const c = ticket.complaint;
    const known = c.identityMode !== 'anonim' && c.nik !== null;
    const chat = ticket.conversationId;
    if (!known && chat !== null) {
      const asked = pendingAsk(events);
      if (!asked && this.atRest(chat)) {
        recordAsk(store, stage, { id: ombudsmanId, name: this.name(ombudsmanId) }, now);
        store.ticketDeadlines.schedule(stage.id, this.waitEnds(today));
        this.deps.dispatch(chat, {
          type: 'ticket.identity',
          now,
          ticket: ticket.number,
          agency: this.name(ombudsmanId),
          needsName: c.identityMode === 'anonim' || c.name === null,
        });
        return true;
      }
      // Silence since the question, or a chat busy elsewhere since the step was due: the copy goes without.
      // Until then: the answer awaited (the desk sends the copy with it), or the busy chat looked at again in each
      // sweep, behind the stages due earlier.
      const waitEnds = this.waitEnds(asked ? witaDate(asked.at) : due);
      if (today < waitEnds) return this.next(stage, asked ? waitEnds : today);
    }
    if (!store.ticketDeadlines.fire(stage, 'ombudsman', now)) return false;
    const identity = known ? 'given' : 'withheld';
    sendCopy(this.deps, ticket, ombudsmanId, { why: 'deadline', identity }, now);
    this.tell(ticket, stage, 'ombudsman', ombudsmanId, now, !known);
    return true;
  }

  /** The day the copy goes without the reporter's answer, for a question asked (or a step due) on `since`. */
  private waitEnds(since: string): string {
    return this.deps.calendar.addWorkingDays(witaNoon(since), IDENTITY_WAIT_WORKING_DAYS);
  }

  /** A chat with nothing open: no complaint in progress, no question waiting, no person answering it. */
  private atRest(conversationId: number): boolean {
    const { store } = this.deps;
    const state = store.conversations.get(conversationId)?.state;
    return (state === 'idle' || state === 'submitted') && !store.handoffs.live(conversationId);
  }

  private tell(
    ticket: OfficerTicket,
    stage: StageClock,
    level: LadderLevel,
    agencyId: string | null,
    now: number,
    withheld = false,
  ): void {
    const news = {
      type: 'ticket.ladder',
      now,
      ticket: ticket.number,
      level,
      stage: stage.stage,
      due: stage.dueOn,
      agency: agencyId ? this.name(agencyId) : '–',
    } as const;
    if (ticket.conversationId !== null)
      this.deps.dispatch(ticket.conversationId, { ...news, ...(withheld ? { withheld } : {}) });
    // The citizens whose reports were merged into this ticket hear of each step too, in the same words.
    tellFollowersOfStep(this.deps.store, this.deps.dispatch, ticket, news);
  }

  private name(agencyId: string): string {
    return this.deps.routing.shortName(agencyId) ?? agencyId;
  }

  private ticket(ticketId: number): OfficerTicket | null {
    const number = this.deps.store.officerNotices.factsOf(ticketId)?.number;
    return number ? this.deps.store.ticketInbox.forOfficer(number, { kind: 'all' }) : null;
  }
}

/** Noon (WITA) of a WITA date: the instant the calendar counts working days from. */
function witaNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+08:00`);
}
