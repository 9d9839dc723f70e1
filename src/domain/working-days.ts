// Working days in WITA: Monday–Friday minus national holidays and cuti bersama, kept as data (SKB 3 Menteri).
import { z } from 'zod';
import defaultCalendar from '../data/holidays-2026.json' with { type: 'json' };
import { witaDate } from './wita.js';

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

  constructor(calendar: HolidayCalendar = HolidayCalendar.parse(defaultCalendar)) {
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
    let date = witaDate(from);
    let left = n;
    while (left > 0) {
      date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }
}
