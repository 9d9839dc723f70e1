// Matchers for dates said relative to today: "kemarin", "tadi pagi", "3 hari lalu", "sudah 2 bulan", "senin lalu".
import { shiftMonth, weekday } from './calendar-arithmetic.js';
import {
  AMBIGUOUS,
  type Candidate,
  FUTURE,
  type Match,
  inMonth,
  inWeekOf,
  inYear,
  onDay,
} from './date-candidates.js';
import { type Context, agoAt, at, numberAt } from './date-reading.js';
import { ONE_UNIT, TIMES_OF_DAY, UNITS, type Unit, WEEKDAYS } from './date-words.js';
import { ALREADY, SINCE } from './ongoing-dates.js';

/** "tadi malam"/"semalam-an" said before 18:00 mean last night; in the evening, tonight. */
function lastNight(ctx: Context): Candidate {
  return onDay(ctx.hour < 18 ? ctx.todayNum - 1 : ctx.todayNum);
}

/** hari ini, tadi (pagi…), barusan, kemarin (sore…), kemarin lusa, semalam, besok/lusa (future). */
export function relativeDay(ctx: Context, i: number): Match | null {
  const word = at(ctx, i);
  const next = at(ctx, i + 1);
  if (word === 'hari' && next === 'ini') return { end: i + 2, candidate: onDay(ctx.todayNum) };
  if (TIMES_OF_DAY.has(word) && next === 'ini') return { end: i + 2, candidate: onDay(ctx.todayNum) };
  if ((word === 'tadi' && next === 'malam') || (word === 'malam' && next === 'tadi')) {
    return { end: i + 2, candidate: lastNight(ctx) };
  }
  if ((word === 'tadi' && TIMES_OF_DAY.has(next)) || (TIMES_OF_DAY.has(word) && next === 'tadi')) {
    return { end: i + 2, candidate: onDay(ctx.todayNum) };
  }
  if (word === 'barusan' || (word === 'baru' && (next === 'saja' || next === 'tadi'))) {
    return { end: word === 'barusan' ? i + 1 : i + 2, candidate: onDay(ctx.todayNum) };
  }
  if ((word === 'kemarin' || word === 'kamarin') && (next === 'lusa' || next === 'dulu')) {
    return { end: i + 2, candidate: onDay(ctx.todayNum - 2) };
  }
  // Banjar "kamarin" is Indonesian "kemarin".
  if (word === 'kemarin' || word === 'kamarin') {
    return { end: TIMES_OF_DAY.has(next) ? i + 2 : i + 1, candidate: onDay(ctx.todayNum - 1) };
  }
  if (word === 'semalam' || word === 'samalam') return { end: i + 1, candidate: onDay(ctx.todayNum - 1) };
  if (word === 'wayah' && next === 'ini') return { end: i + 2, candidate: onDay(ctx.todayNum) };
  if (!ctx.whole) return null;
  if (word === 'tadi' || word === 'sekarang') return { end: i + 1, candidate: onDay(ctx.todayNum) };
  if (word === 'saat' && next === 'ini') return { end: i + 2, candidate: onDay(ctx.todayNum) };
  if (word === 'besok' || word === 'lusa' || word === 'nanti') return { end: i + 1, candidate: FUTURE };
  return null;
}

function unitsAgo(ctx: Context, unit: Unit, n: number): Candidate {
  if (unit === 'day') return onDay(ctx.todayNum - n);
  if (unit === 'week') return inWeekOf(ctx.todayNum - 7 * n);
  if (unit === 'year') return inYear(ctx.today.y - n);
  const { y, m } = shiftMonth(ctx.today.y, ctx.today.m, -n);
  return inMonth(y, m);
}

/**
 * "3 hari lalu", "dua hari yang lalu", "seminggu lalu", "minggu lalu", "pekan lalu", "bulan kemarin",
 * "sudah 3 bulan", "sejak 2 minggu", "minggu ini", "bulan ini"; "3 bulan" only as a whole answer.
 */
export function amountAgo(ctx: Context, i: number): Match | null {
  const lead = ALREADY.has(at(ctx, i)) || SINCE.has(at(ctx, i));
  const j = lead ? i + 1 : i;
  const one = ONE_UNIT.get(at(ctx, j));
  const amount = one ? null : numberAt(ctx, j);
  const unit = one ?? (amount ? UNITS.get(at(ctx, amount.end)) : UNITS.get(at(ctx, j)));
  if (unit === undefined) return null;
  const n = amount ? amount.value : 1;
  const afterUnit = amount ? amount.end + 1 : j + 1;
  if (!one && !amount) {
    // "bulan depan", "minggu depan": not yet.
    if (at(ctx, j + 1) === 'depan') return { end: j + 2, candidate: FUTURE };
    // "tahun 2024"
    if (unit === 'year' && /^[0-9]{4}$/.test(at(ctx, j + 1)))
      return { end: j + 2, candidate: inYear(Number(at(ctx, j + 1))) };
    // No number: "minggu lalu", "bulan ini"; "hari"/"tahun" alone are not dates.
    if (lead) return null;
    const ago = agoAt(ctx, afterUnit);
    if (ago !== null && unit !== 'day') return { end: ago, candidate: unitsAgo(ctx, unit, 1) };
    if (at(ctx, afterUnit) !== 'ini' || unit === 'day' || unit === 'year') return null;
    return { end: afterUnit + 1, candidate: unitsAgo(ctx, unit, 0) };
  }
  const k = at(ctx, afterUnit) === 'lebih' ? afterUnit + 1 : afterUnit;
  const ago = agoAt(ctx, k);
  if (ago !== null) return { end: ago, candidate: unitsAgo(ctx, unit, n) };
  return lead || ctx.whole ? { end: k, candidate: unitsAgo(ctx, unit, n) } : null;
}

/**
 * "senin", "hari senin", "senin lalu"/"senin kemarin" (strictly before today), "jumat minggu lalu",
 * "rabu minggu ini". "minggu" as Sunday needs "hari" before it unless it is the whole answer.
 */
export function weekdayExpression(ctx: Context, i: number): Match | null {
  // "malam Minggu" is Saturday evening: the evening before the day named.
  const eve = at(ctx, i) === 'malam' && WEEKDAYS.has(at(ctx, i + 1));
  const hari = eve || at(ctx, i) === 'hari';
  const j = hari ? i + 1 : i;
  const word = at(ctx, j);
  const named = WEEKDAYS.get(word);
  if (named === undefined) return null;
  if (word === 'minggu' && !hari && !(ctx.whole && ctx.t.length === j + 1)) return null;
  const target = eve ? (named + 6) % 7 : named;
  const todayIndex = weekday(ctx.todayNum);
  const next = at(ctx, j + 1);
  if (next === 'minggu' || next === 'pekan') {
    const ago = agoAt(ctx, j + 2);
    const thisWeek = at(ctx, j + 2) === 'ini';
    const end = thisWeek ? j + 3 : ago;
    if (end !== null) {
      // On a Sunday, "last week" depends on whether a week starts on Sunday or Monday: asked.
      if (!thisWeek && todayIndex === 6 && ctx.whole) return { end, candidate: AMBIGUOUS };
      const n = ctx.todayNum - todayIndex - (thisWeek ? 0 : 7) + target;
      return { end, candidate: n > ctx.todayNum ? FUTURE : onDay(n) };
    }
  }
  const back = (todayIndex - target + 7) % 7;
  const ago = agoAt(ctx, j + 1);
  if (ago !== null) return { end: ago, candidate: onDay(ctx.todayNum - (back === 0 ? 7 : back)) };
  // Today's own weekday, said alone: today, or a week ago? Asked.
  if (back === 0 && ctx.whole && !eve) return { end: j + 1, candidate: AMBIGUOUS };
  return { end: j + 1, candidate: onDay(ctx.todayNum - back) };
}
