// An office's weekly opening hours in WITA ("08:00-16:00" a day, null when closed), and when it next opens.
import { DAY_MS, WITA_OFFSET_MS, witaWallClock } from './wita.js';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Readonly<Record<Weekday, string | null>>;

/** Whether the office is open at `at`, or else the next instant it opens (its weekday and "HH:MM" WITA). */
export type Opening = { open: true } | { open: false; at: number; day: Weekday; time: string };

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Looks a week ahead; an office closed every day never opens (null). */
export function nextOpening(hours: WeeklyHours, at: number): Opening | null {
  const wall = witaWallClock(at);
  const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const midnight = at - ((at + WITA_OFFSET_MS) % DAY_MS);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = WEEKDAYS[(wall.getUTCDay() + ahead) % 7] ?? 'sun';
    const span = hours[day];
    if (!span) continue;
    const from = minutesOf(span.slice(0, 5));
    const to = minutesOf(span.slice(6));
    if (ahead === 0 && minute >= from && minute < to) return { open: true };
    if (ahead === 0 && minute >= from) continue;
    return { open: false, at: midnight + ahead * DAY_MS + from * 60_000, day, time: span.slice(0, 5) };
  }
  return null;
}
