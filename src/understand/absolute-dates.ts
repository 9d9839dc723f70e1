// Matchers for a calendar day: "12/1/2026", "12 Januari 2026", "tanggal 5 bulan lalu", and a bare "12" as the whole answer.
import { daysInMonth, shiftMonth } from './calendar-arithmetic.js';
import { FUTURE, INVALID, type Match, calendarDay, dayOfRecentMonth, onDay } from './date-candidates.js';
import { type Context, agoAt, at, fullYear, monthAt, numberAt, yearAt } from './date-reading.js';

const NUMERIC_DMY = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})$/;
const NUMERIC_YMD = /^([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})$/;
const NUMERIC_DM = /^([0-9]{1,2})\/([0-9]{1,2})$/;

/** 12/1/2026, 12-01-26, 12.1.2026, 2026-01-12; "12/1" only as a whole answer. */
export function numericDate(ctx: Context, i: number): Match | null {
  const word = at(ctx, i);
  const dmy = NUMERIC_DMY.exec(word);
  if (dmy) {
    const year = fullYear(ctx, dmy[4] ?? '');
    return { end: i + 1, candidate: calendarDay(ctx, Number(dmy[1]), Number(dmy[3]), year) };
  }
  const ymd = NUMERIC_YMD.exec(word);
  if (ymd) return { end: i + 1, candidate: calendarDay(ctx, Number(ymd[4]), Number(ymd[3]), Number(ymd[1])) };
  const dm = ctx.whole ? NUMERIC_DM.exec(word) : null;
  return dm ? { end: i + 1, candidate: calendarDay(ctx, Number(dm[1]), Number(dm[2]), undefined) } : null;
}

/** "12 Januari", "12 jan 2026", "dua belas mei". */
export function dayMonth(ctx: Context, i: number): Match | null {
  const day = numberAt(ctx, i);
  if (!day || day.value > 99) return null;
  const month = monthAt(ctx, day.end, true);
  if (month === undefined) return null;
  const year = yearAt(ctx, day.end + 1);
  return {
    end: year ? year.end : day.end + 1,
    candidate: calendarDay(ctx, day.value, month, year?.year),
  };
}

/** "tanggal 12", "tanggal 5 bulan lalu", "tanggal 12 Januari 2026", "tanggal 12/1/2026". */
export function dayOfMonth(ctx: Context, i: number): Match | null {
  if (at(ctx, i) !== 'tanggal') return null;
  const inner = numericDate(ctx, i + 1) ?? dayMonth(ctx, i + 1);
  if (inner) return inner;
  const day = numberAt(ctx, i + 1);
  if (!day) return null;
  if (at(ctx, day.end) === 'bulan') {
    const ago = agoAt(ctx, day.end + 1);
    if (ago !== null) {
      const { y, m } = shiftMonth(ctx.today.y, ctx.today.m, -1);
      const valid = day.value >= 1 && day.value <= daysInMonth(y, m);
      return {
        end: ago,
        candidate: valid ? { kind: 'date', start: { y, m, d: day.value }, precision: 'day' } : INVALID,
      };
    }
    if (at(ctx, day.end + 1) === 'ini') {
      const { y, m } = ctx.today;
      const valid = day.value >= 1 && day.value <= daysInMonth(y, m);
      const candidate = !valid
        ? INVALID
        : day.value > ctx.today.d
          ? FUTURE
          : onDay(ctx.todayNum - ctx.today.d + day.value);
      return { end: day.end + 2, candidate };
    }
  }
  return { end: day.end, candidate: dayOfRecentMonth(ctx, day.value) };
}

/** The whole-answer bare day: "12" (this month, or last month if the 12th is still to come). */
export function bareDay(ctx: Context, i: number): Match | null {
  if (!ctx.whole || !/^[0-9]{1,2}$/.test(at(ctx, i))) return null;
  return { end: i + 1, candidate: dayOfRecentMonth(ctx, Number(at(ctx, i))) };
}
