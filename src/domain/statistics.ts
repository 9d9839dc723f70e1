// The statistics' vocabulary: what a ticket is counted under (dimension and value), a stage's outcome, and how a WITA
// date range is read from the rollup (whole months, then single days).

/**
 * `filed` every ticket once; `status` its current status; `malad` its form of maladministration; `kecamatan` its
 * kecamatan; `linked` its kecamatan when it is linked to a similar ticket of the same kecamatan; `answer_h` and
 * `done_h` the hours on working days to the first officer message and to `selesai` (see `hoursBucket`); `rating` the
 * citizen's score; `escalated` and `on_time` once when true; `stage` a deadline stage's outcome.
 */
export const STAT_DIMS = [
  'filed',
  'status',
  'malad',
  'kecamatan',
  'linked',
  'answer_h',
  'done_h',
  'rating',
  'escalated',
  'on_time',
  'stage',
] as const;
export type StatDim = (typeof STAT_DIMS)[number];

/** One count of a ticket; `agencyId` when it belongs to another agency than the ticket's (an earlier agency's stage). */
export type StatKey = { dim: StatDim; value: string; agencyId?: string };

/** A rolled-up count as read: `agencyId` '' when the ticket has no agency. */
export type StatRow = {
  dim: StatDim;
  value: string;
  agencyId: string;
  kabkotaCode: string;
  category: string;
  n: number;
};

/**
 * How a deadline stage ended: met on or before its due date, met after it, ended unmet after it (missed, then the
 * ticket closed or moved) or before it, or still running (`open:<due date>`, missed once that date is past) or paused.
 */
export const STAGE_OUTCOMES = ['on_time', 'late', 'missed_ended', 'ended', 'paused', 'open'] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];

/**
 * The periods that make up a range of WITA days: whole months ('2026-11'), whole weeks from Monday ('2026-11-23')
 * between them and the ends, and the few days left over.
 */
export type Cover = { months: string[]; weeks: string[]; days: { from: string; to: string }[] };

const DAY = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const monthEnd = (month: string) => shift(`${nextMonth(month)}-01`, -1);

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * `from`–`to` (both included) as whole months, then whole weeks, then days. `wholeAfter`: no ticket is filed after
 * `to` (it is today or later), so its month (or week) counts whole. `weeks: false` leaves the rest as days.
 */
export function coverRange(from: string, to: string, wholeAfter = false, weeks = true): Cover {
  const out: Cover = { months: [], weeks: [], days: [] };
  const rest: { from: string; to: string }[] = [];
  let month = from.slice(0, 7);
  let start = from;
  if (from.slice(8) !== '01') {
    const end = monthEnd(month) < to ? monthEnd(month) : to;
    rest.push({ from, to: end });
    month = nextMonth(month);
    start = `${month}-01`;
  }
  while (start <= to) {
    if (monthEnd(month) <= to || wholeAfter) out.months.push(month);
    else rest.push({ from: start, to });
    month = nextMonth(month);
    start = `${month}-01`;
  }
  for (const run of rest) {
    if (!weeks) {
      out.days.push(run);
      continue;
    }
    let day = run.from;
    const monday = mondayOf(day);
    if (monday < day) {
      const end = shift(monday, 6) < run.to ? shift(monday, 6) : run.to;
      out.days.push({ from: day, to: end });
      day = shift(end, 1);
    }
    for (; day <= run.to; day = shift(day, 7)) {
      if (shift(day, 6) <= run.to || (wholeAfter && run.to === to)) out.weeks.push(day);
      else out.days.push({ from: day, to: run.to });
    }
  }
  return out;
}

/** Every WITA day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = shift(d, 1)) out.push(d);
  return out;
}

/** The Monday of the week a WITA day falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return shift(date, -((weekday + 6) % 7));
}

/**
 * Hours on working days rounded down for the rollup: to the hour within the first two working days (48 hours), to
 * the whole working day (24 hours) after that, and at most 60 working days.
 */
export function hoursBucket(hours: number): number {
  const h = Math.max(0, Math.floor(hours));
  if (h < 48) return h;
  return Math.min(60 * 24, h - (h % 24));
}
