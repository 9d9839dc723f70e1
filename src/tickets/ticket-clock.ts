// Runs what a ticket change does to its deadlines (stage-clock.ts) on the stored stages, inside the change's
// transaction: stage days from the agencies file (the category's, the agency's) or the settings, counted in working
// days from now; a paused stage's due date moved on by the days it stood still; a question about Ombudsman's copy
// whose stage stopped running lapses.
import { isCategoryId } from '../domain/categories.js';
import type { StageClock, StageDays } from '../domain/deadline.js';
import { witaDate, witaDay } from '../domain/wita.js';
import { type WorkingDays, addCalendarDays } from '../domain/working-days.js';
import type { RoutingPort } from '../ports/routing.js';
import type { Store } from '../storage/store.js';
import { settleAsk } from './identity-ask.js';
import { type ClockChange, clockSteps } from './stage-clock.js';

/** What the clock needs of the ticket desk: the stages, the agencies' own days, the calendar and the settings. */
export type ClockDeps = {
  store: Store;
  routing: Pick<RoutingPort, 'stageDays'>;
  calendar: WorkingDays;
  verifyDays: number;
  answerDays: number;
};

/** An agency's stage days for a category: the agencies file's (the category's first, then the agency's), else the settings'. */
export function stageDays(deps: ClockDeps, agencyId: string | null, category: string | null): StageDays {
  const own =
    agencyId && category && isCategoryId(category) ? deps.routing.stageDays(agencyId, category) : {};
  return { verifyDays: own.verifyDays ?? deps.verifyDays, answerDays: own.answerDays ?? deps.answerDays };
}

/** Applies `change` to the ticket's stages at `now`; returns the stage open afterwards (null: none runs). */
export function runClock(
  deps: ClockDeps,
  ticketId: number,
  change: ClockChange,
  now: number,
): StageClock | null {
  const { calendar } = deps;
  const deadlines = deps.store.ticketDeadlines;
  const before = deadlines.current(ticketId);
  const steps = clockSteps(change, before && { stage: before.stage, paused: before.pausedAt !== null });
  if (steps.length === 0) return before;
  const facts = deadlines.facts(ticketId);
  const agencyId = facts?.agencyId ?? null;
  const days = stageDays(deps, agencyId, facts?.category ?? null);
  const due = (n: number) => calendar.addWorkingDays(new Date(now), n);
  for (const step of steps) {
    if (step.op === 'meet') deadlines.meet(ticketId, now);
    else if (step.op === 'end') deadlines.end(ticketId, now);
    else if (step.op === 'pause') deadlines.pause(ticketId, now);
    else if (step.op === 'resume') {
      const paused = deadlines.current(ticketId);
      if (paused?.pausedAt != null)
        deadlines.resume(ticketId, resumedDue(calendar, paused, paused.pausedAt, now));
    } else if (step.op === 'open_field_check') {
      const dueOn = addCalendarDays(witaDate(now), step.days);
      deadlines.open({ ticketId, stage: 'field_check', agencyId, dueOn, reason: step.reason }, now);
    } else {
      const n = step.stage === 'verify' ? days.verifyDays : days.answerDays;
      deadlines.open({ ticketId, stage: step.stage, agencyId, dueOn: due(n) }, now);
      if (step.op === 'open_met') deadlines.meet(ticketId, now);
    }
  }
  // A question to the reporter about Ombudsman's copy lapses once the stage it was asked for stops running.
  settleAsk(deps.store, ticketId, now);
  return deadlines.current(ticketId);
}

/**
 * A paused stage's due date once the clock runs again: moved on by the working days it stood still (a field check,
 * counted in calendar days, by the calendar days).
 */
function resumedDue(calendar: WorkingDays, stage: StageClock, pausedAt: number, now: number): string {
  return stage.stage === 'field_check'
    ? addCalendarDays(stage.dueOn, witaDay(now) - witaDay(pausedAt))
    : calendar.addToDate(stage.dueOn, calendar.between(pausedAt, now));
}
