// The readings a date expression can have (a period with its precision, or future, invalid, ambiguous) and their builders.
import {
  MAX_YEAR,
  MIN_YEAR,
  type Ymd,
  daysInMonth,
  fromDayNumber,
  shiftMonth,
  weekday,
} from './calendar-arithmetic.js';
import type { Context } from './date-reading.js';

export type Precision = 'day' | 'week' | 'month' | 'year';

export type Candidate =
  | { kind: 'date'; start: Ymd; precision: Precision }
  | { kind: 'future' }
  | { kind: 'invalid' }
  /** Two readings are plausible: asked again rather than guessed. */
  | { kind: 'ambiguous' };

export type Match = { end: number; candidate: Candidate };

export const INVALID: Candidate = { kind: 'invalid' };
export const FUTURE: Candidate = { kind: 'future' };
export const AMBIGUOUS: Candidate = { kind: 'ambiguous' };

export function inYear(y: number): Candidate {
  return { kind: 'date', start: { y, m: 1, d: 1 }, precision: 'year' };
}

export function onDay(n: number): Candidate {
  return { kind: 'date', start: fromDayNumber(n), precision: 'day' };
}

export function inWeekOf(n: number): Candidate {
  return { kind: 'date', start: fromDayNumber(n - weekday(n)), precision: 'week' };
}

export function inMonth(y: number, m: number): Candidate {
  return { kind: 'date', start: { y, m, d: 1 }, precision: 'month' };
}

/**
 * A calendar day; without a year, the most recent such day that is not in the future. A day later in this very
 * month or the next ("20/12" written on 6 December) is rather a slip than last year's: asked, not moved a year back.
 */
export function calendarDay(ctx: Context, d: number, m: number, year: number | undefined): Candidate {
  if (m < 1 || m > 12 || d < 1 || d > 31) return INVALID;
  const past = m < ctx.today.m || (m === ctx.today.m && d <= ctx.today.d);
  const soon = !past && (m === ctx.today.m || m === (ctx.today.m % 12) + 1);
  if (year === undefined && soon && d <= daysInMonth(ctx.today.y, m)) return ctx.whole ? AMBIGUOUS : FUTURE;
  const y = year ?? (past ? ctx.today.y : ctx.today.y - 1);
  if (y < MIN_YEAR || y > MAX_YEAR || d > daysInMonth(y, m)) return INVALID;
  return { kind: 'date', start: { y, m, d }, precision: 'day' };
}

/** The most recent past day numbered `d`: this month, or an earlier month that has such a day. */
export function dayOfRecentMonth(ctx: Context, d: number): Candidate {
  if (d < 1 || d > 31) return INVALID;
  let { y, m } = d <= ctx.today.d ? ctx.today : shiftMonth(ctx.today.y, ctx.today.m, -1);
  while (d > daysInMonth(y, m)) ({ y, m } = shiftMonth(y, m, -1));
  return { kind: 'date', start: { y, m, d }, precision: 'day' };
}
