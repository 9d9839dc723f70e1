// The two-year rule: whether a period ended too long before today for the Ombudsman to take the report.
import { type Ymd, dayNumber, daysInMonth } from './calendar-arithmetic.js';
import type { Precision } from './date-candidates.js';

/** Ombudsman takes reports of events less than two years old. */
const MAX_AGE_YEARS = 2;

/** The day number of the period's last day: a week is seven days, a month or year runs to its end. */
function lastDay(start: Ymd, precision: Precision): number {
  const startNum = dayNumber(start);
  return precision === 'day'
    ? startNum
    : precision === 'week'
      ? startNum + 6
      : precision === 'year'
        ? dayNumber({ y: start.y, m: 12, d: 31 })
        : startNum + daysInMonth(start.y, start.m) - 1;
}

/** The whole period (from `start`, at `precision`) ended more than two years before `today`. */
export function endedTooLongAgo(start: Ymd, precision: Precision, today: Ymd): boolean {
  const cutoffYear = today.y - MAX_AGE_YEARS;
  const cutoff = dayNumber({
    y: cutoffYear,
    m: today.m,
    d: Math.min(today.d, daysInMonth(cutoffYear, today.m)),
  });
  return lastDay(start, precision) < cutoff;
}
