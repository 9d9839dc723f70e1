// Working days in WITA: Monday–Friday minus national holidays and cuti bersama, kept as data (SKB 3 Menteri).
import { z } from 'zod';
import defaultCalendar from '../data/holidays-2026.json' with { type: 'json' };
import { DAY_MS, witaDate } from './wita.js';

export const HolidayCalendar = z.object({
  source: z.string(),
  years: z.array(z.number().int()),
  days: z.array(
    z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      kind: z.enum(['libur', 'cuti_bersama']),
      name: z.string(),
    }),
  ),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

export class WorkingDays {
  private readonly closed: Set<string>;
  /** Years the calendar knows; outside them only weekends are skipped. */
  readonly years: ReadonlySet<number>;

  constructor(calendar: HolidayCalendar = BUILT_IN_CALENDAR) {
    this.closed = new Set(calendar.days.map((d) => d.date));
    this.years = new Set(calendar.years);
  }

  isWorkingDay(isoDate: string): boolean {
    const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6 && !this.closed.has(isoDate);
  }

  /**
   * The date (YYYY-MM-DD, WITA) on which `n` working days have passed after `from`:
   * a complaint received on Friday evening with n = 5 is due on the next Friday.
   */
  addWorkingDays(from: Date, n: number): string {
    return this.addToDate(witaDate(from), n);
  }

  /** The date `n` working days after the WITA date `isoDate` (a due date moved on by the days a clock stood still). */
  addToDate(isoDate: string, n: number): string {
    let date = isoDate;
    let left = n;
    while (left > 0) {
      date = addCalendarDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /**
   * The working days that passed from one instant to a later one: those after `from`'s WITA date, up to and with
   * `to`'s (paused on Friday, resumed on Monday: 1; the same day: 0).
   */
  between(from: number, to: number): number {
    const end = witaDate(to);
    let count = 0;
    for (let date = addCalendarDays(witaDate(from), 1); date <= end; date = addCalendarDays(date, 1))
      if (this.isWorkingDay(date)) count++;
    return count;
  }

  /** The years from `now` to `days` days later that the calendar does not know (only weekends are skipped there). */
  uncoveredYears(now: number, days: number): number[] {
    const first = Number(witaDate(now).slice(0, 4));
    const last = Number(witaDate(now + days * DAY_MS).slice(0, 4));
    const missing: number[] = [];
    for (let year = first; year <= last; year++) if (!this.years.has(year)) missing.push(year);
    return missing;
  }
}

/**
 * The built-in calendar with an operator's file over it: the file's years replace the built-in's same years, and its
 * other years are added (a file with only 2027 keeps the built-in 2026).
 */
export function overlayCalendar(base: HolidayCalendar, file: HolidayCalendar): HolidayCalendar {
  const replaced = new Set(file.years);
  return {
    source: `${file.source}; ${base.source}`,
    years: [...new Set([...base.years, ...file.years])].sort(),
    days: [...base.days.filter((d) => !replaced.has(Number(d.date.slice(0, 4)))), ...file.days],
  };
}

/** The calendar shipped with Aduan (src/data/holidays-2026.json). */
export const BUILT_IN_CALENDAR: HolidayCalendar = HolidayCalendar.parse(defaultCalendar);

/** The date `n` calendar days after a YYYY-MM-DD date. */
export function addCalendarDays(isoDate: string, n: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** How far ahead the calendar must know its holidays: the start-up warning and the doctor say when it does not. */
export const CALENDAR_AHEAD_DAYS = 60;
