// An officer's field check ("cek lapangan") as the ticket desk writes it inside the caller's transaction: the open
// answer stage replaced by a field-check stage due in the calendar days given, a `field_check` event, audited. Not
// over an answer stage already missed: that would restart the ladder and keep Ombudsman from its copy.
import type { TicketStatus } from '../domain/complaint.js';
import { FIELD_CHECK_MAX_DAYS } from '../domain/deadline.js';
import { witaDate } from '../domain/wita.js';
import { type ClockDeps, runClock } from './ticket-clock.js';

/** Statuses a field check may be marked from: the agency verified the ticket and works on it. */
export const FIELD_CHECK_FROM: ReadonlySet<TicketStatus> = new Set(['diverifikasi', 'diproses']);

/** The longest reason an officer may give (the citizen reads it). */
export const MAX_FIELD_CHECK_REASON = 500;

export type FieldCheckProblem = 'not_allowed' | 'overdue' | 'reason_required' | 'field_check_days';

/**
 * Marks a field check of `days` calendar days (1–60) for `reason` on a ticket the caller may act on. Only from
 * `diverifikasi` or `diproses`, and only while its answer stage runs (not again over a field check, not once
 * answered), and not once that stage is missed (`overdue`: due before today, WITA). Returns the new due date and the
 * reason as kept.
 */
export function markFieldCheck(
  deps: ClockDeps,
  ticket: { id: number; status: TicketStatus },
  by: { officerId: number; days: number; reason: string | null },
  now: number,
): { ok: true; due: string; reason: string } | { ok: false; problem: FieldCheckProblem } {
  const { store } = deps;
  const reason = by.reason?.trim().slice(0, MAX_FIELD_CHECK_REASON) ?? '';
  const running = store.ticketDeadlines.current(ticket.id);
  if (!FIELD_CHECK_FROM.has(ticket.status) || running?.stage !== 'answer')
    return { ok: false, problem: 'not_allowed' };
  if (running.dueOn < witaDate(now)) return { ok: false, problem: 'overdue' };
  if (!reason) return { ok: false, problem: 'reason_required' };
  if (!Number.isInteger(by.days) || by.days < 1 || by.days > FIELD_CHECK_MAX_DAYS)
    return { ok: false, problem: 'field_check_days' };
  const stage = runClock(deps, ticket.id, { kind: 'field_check', days: by.days, reason }, now);
  const due = stage?.dueOn ?? '';
  store.ticketEvents.add({
    ticketId: ticket.id,
    at: now,
    actor: 'officer',
    type: 'field_check',
    from: null,
    to: null,
    reason,
    officerId: by.officerId,
    data: { days: by.days, due },
  });
  store.audit.record({
    at: now,
    actor: `officer:${by.officerId}`,
    type: 'ticket.field_check',
    ticketId: ticket.id,
    data: { days: by.days },
  });
  return { ok: true, due, reason };
}
