// Calendar arithmetic on WITA civil dates: day numbers, month shifts, weekdays and ISO dates.
export const DAY_MS = 86_400_000;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type Ymd = { y: number; m: number; d: number };

export function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The month `delta` months after (y, m); delta may be negative. */
export function shiftMonth(y: number, m: number, delta: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + delta;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday. */
export function weekday(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function iso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}
