// The working-day calendar the service counts deadlines with: the built-in years with HOLIDAYS_FILE over them, and
// the warning (start-up log, doctor) when it does not know the next 60 days.
import { readFileSync } from 'node:fs';
import {
  BUILT_IN_CALENDAR,
  CALENDAR_AHEAD_DAYS,
  HolidayCalendar,
  WorkingDays,
  overlayCalendar,
} from '../domain/working-days.js';

/** The built-in calendar, with the operator's file (validated; a wrong file throws) over it when given. */
export function loadCalendar(file: string | undefined): WorkingDays {
  if (!file) return new WorkingDays();
  const own = HolidayCalendar.parse(JSON.parse(readFileSync(file, 'utf8')));
  return new WorkingDays(overlayCalendar(BUILT_IN_CALENDAR, own));
}

/** What to do when years are missing: the same words in the start-up log and the doctor. */
export function holidaysFix(missing: readonly number[]): string {
  return (
    `write the national holidays and cuti bersama of ${missing.join(', ')} from the SKB 3 Menteri into a JSON ` +
    'file shaped like src/data/holidays-2026.json (cite the SKB in "source") and set HOLIDAYS_FILE to it'
  );
}

/** The years of the next 60 days the calendar does not know (deadlines there skip weekends only); empty when none. */
export function missingYears(calendar: WorkingDays, now: number): number[] {
  return calendar.uncoveredYears(now, CALENDAR_AHEAD_DAYS);
}
