// The escalation ladder's steps on a ticket as officers read them (the ticket page, the API), from its events: each
// missed stage's reminder, the coordinator watching, Ombudsman's copy (or the copy held while the reporter is asked
// about their identity). And who watches a ticket.
import { DeadlineStage, type LadderLevel } from '../domain/deadline.js';
import type { TicketEvent } from '../domain/ticket-event.js';
import { type CopyWhy, pendingAsk } from './ombudsman-copy.js';

export type LadderStep = {
  level: LadderLevel;
  at: number;
  /** The reminder's missed stage. */
  stage: DeadlineStage | null;
  /** The agency reminded, the coordinator watching, or Ombudsman; and its name as it was then. */
  agencyId: string | null;
  agencyName: string | null;
  /** Why Ombudsman got the copy. */
  why: CopyWhy | null;
  /** Whether the reporter's identity went with the copy, or (`asked`) the copy waits for the reporter's answer. */
  identity: 'given' | 'withheld' | 'asked' | null;
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The agencies (the kab/kota's complaint coordinator) the ladder made watchers of the ticket. */
export function watcherAgencies(events: readonly TicketEvent[]): string[] {
  return events.flatMap((e) => {
    const agency = e.type === 'watcher_added' ? text(e.data?.agency) : null;
    return agency ? [agency] : [];
  });
}

/** The steps taken on a ticket, oldest first. */
export function ladderSteps(events: readonly TicketEvent[]): LadderStep[] {
  const blank = { stage: null, agencyId: null, agencyName: null, why: null, identity: null };
  const steps = events.flatMap((e): LadderStep[] => {
    const agency = { agencyId: text(e.data?.agency ?? e.data?.to), agencyName: text(e.data?.name) };
    if (e.type === 'reminded') {
      const stage = DeadlineStage.safeParse(e.data?.stage);
      return [{ ...blank, ...agency, level: 'reminder', at: e.at, stage: stage.success ? stage.data : null }];
    }
    if (e.type === 'watcher_added') return [{ ...blank, ...agency, level: 'coordinator', at: e.at }];
    if (e.type !== 'escalated') return [];
    const why = e.data?.why === 'citizen' ? 'citizen' : 'deadline';
    const identity = e.data?.identity === 'withheld' ? 'withheld' : 'given';
    return [{ ...blank, ...agency, level: 'ombudsman', at: e.at, why, identity }];
  });
  const held = pendingAsk(events);
  if (!held) return steps;
  const agency = { agencyId: text(held.data?.to), agencyName: text(held.data?.name) };
  return [
    ...steps,
    { ...blank, ...agency, level: 'ombudsman', at: held.at, why: 'deadline', identity: 'asked' },
  ];
}
