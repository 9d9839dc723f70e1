// WITA (Asia/Makassar, UTC+8, no daylight saving): Kalsel's clock. "Today", midnight and the calendar date a citizen means.
export const WITA_ZONE = 'Asia/Makassar';
export const WITA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The WITA wall-clock time as a UTC Date: read it with getUTC… (year, month, day, hour). */
export function witaWallClock(at: Date | number): Date {
  return new Date((typeof at === 'number' ? at : at.getTime()) + WITA_OFFSET_MS);
}

/** The calendar date in WITA as YYYY-MM-DD. */
export function witaDate(at: Date | number): string {
  return witaWallClock(at).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 in WITA: two instants on the same Kalsel day share it. */
export function witaDay(at: number): number {
  return Math.floor((at + WITA_OFFSET_MS) / DAY_MS);
}

/** The instant of the next WITA midnight after `at`. */
export function nextWitaMidnight(at: number): number {
  return (witaDay(at) + 1) * DAY_MS - WITA_OFFSET_MS;
}
