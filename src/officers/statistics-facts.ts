// What one ticket counts for in the statistics: its keys, from its raw facts. Times are hours on working days (WITA:
// Saturdays, Sundays, national holidays and cuti bersama left out, 24 hours for each working day).
import { type StageOutcome, type StatKey, hoursBucket } from '../domain/statistics.js';
import { DAY_MS, WITA_OFFSET_MS, witaDate, witaDay } from '../domain/wita.js';
import type { WorkingDays } from '../domain/working-days.js';
import type { CountedTicket } from '../storage/statistics-rollup.js';
import type { TicketSource } from '../storage/statistics-sources.js';

const HOUR_MS = 3_600_000;

/** Whether each WITA day (days since 1970) is a working day, per calendar: asked once per day, not per ticket. */
const workingDayCache = new WeakMap<WorkingDays, Map<number, boolean>>();

function isWorkingDay(calendar: WorkingDays, day: number): boolean {
  let days = workingDayCache.get(calendar);
  if (!days) {
    days = new Map();
    workingDayCache.set(calendar, days);
  }
  let working = days.get(day);
  if (working === undefined) {
    working = calendar.isWorkingDay(witaDate(day * DAY_MS - WITA_OFFSET_MS));
    days.set(day, working);
  }
  return working;
}

/** The hours between two instants that fall on working days. */
export function workingHours(from: number, to: number, calendar: WorkingDays): number {
  if (to <= from) return 0;
  let ms = 0;
  for (let day = witaDay(from); day <= witaDay(to); day++) {
    const start = day * DAY_MS - WITA_OFFSET_MS;
    if (!isWorkingDay(calendar, day)) continue;
    ms += Math.max(0, Math.min(start + DAY_MS, to) - Math.max(start, from));
  }
  return ms / HOUR_MS;
}

/** How a stage came out; an open one is only missed once its due date is past, which the reader decides. */
export function stageOutcome(s: TicketSource['stages'][number]): StageOutcome {
  if (s.metAt !== null) return witaDate(s.metAt) <= s.dueOn ? 'on_time' : 'late';
  if (s.endedAt !== null) return witaDate(s.endedAt) > s.dueOn ? 'missed_ended' : 'ended';
  return s.pausedAt !== null ? 'paused' : 'open';
}

/** The ticket's keys: a count for each dimension it has a value in (see `STAT_DIMS`). */
export function countedTicket(t: TicketSource, calendar: WorkingDays): CountedTicket {
  const keys: StatKey[] = [
    { dim: 'filed', value: '' },
    { dim: 'status', value: t.status },
  ];
  if (t.maladministration) keys.push({ dim: 'malad', value: t.maladministration });
  if (t.kecamatanCode) keys.push({ dim: 'kecamatan', value: t.kecamatanCode });
  if (t.linkedHere && t.kecamatanCode) keys.push({ dim: 'linked', value: t.kecamatanCode });
  const hours = (at: number | null) =>
    at === null ? null : String(hoursBucket(workingHours(t.createdAt, at, calendar)));
  const answer = hours(t.firstReplyAt);
  if (answer !== null) keys.push({ dim: 'answer_h', value: answer });
  const done = hours(t.firstDoneAt);
  if (done !== null) keys.push({ dim: 'done_h', value: done });
  if (t.rating !== null) keys.push({ dim: 'rating', value: String(t.rating) });
  if (t.escalate || t.ladderSteps > 0) keys.push({ dim: 'escalated', value: '1' });
  let answeredOnTime = false;
  for (const s of t.stages) {
    const outcome = stageOutcome(s);
    if (s.stage !== 'verify' && outcome === 'on_time') answeredOnTime = true;
    keys.push({
      dim: 'stage',
      value: outcome === 'open' ? `${s.stage}|open|${s.dueOn}` : `${s.stage}|${outcome}`,
      ...(s.agencyId !== null && s.agencyId !== t.agencyId ? { agencyId: s.agencyId } : {}),
    });
  }
  if (answeredOnTime) keys.push({ dim: 'on_time', value: '1' });
  return {
    day: witaDate(t.createdAt),
    agencyId: t.agencyId,
    kabkotaCode: t.kabkotaCode,
    category: t.category,
    keys,
  };
}
