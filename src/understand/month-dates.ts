// Matchers for a month or part of one: "Januari", "bulan 5", "jan 2026", "awal bulan ini", "akhir tahun lalu".
import { MAX_YEAR, MIN_YEAR, daysInMonth, shiftMonth } from './calendar-arithmetic.js';
import { AMBIGUOUS, type Candidate, INVALID, type Match, inMonth } from './date-candidates.js';
import { type Context, agoAt, at, monthAt, numberAt, yearAt } from './date-reading.js';

const PARTS: ReadonlyMap<string, 'early' | 'middle' | 'late'> = new Map([
  ['awal', 'early'],
  ['pertengahan', 'middle'],
  ['tengah', 'middle'],
  ['akhir', 'late'],
]);

/** A part of a month as a 7-day window: early = 1–7, middle = 11–17, late = the last seven days. */
function partOfMonth(y: number, m: number, part: 'early' | 'middle' | 'late'): Candidate {
  const d = part === 'early' ? 1 : part === 'middle' ? 11 : daysInMonth(y, m) - 6;
  return { kind: 'date', start: { y, m, d }, precision: 'week' };
}

/** A part of a year, as the month it starts: awal → January, tengah → June, akhir → December. */
function partOfYear(y: number, part: 'early' | 'middle' | 'late'): Candidate {
  return inMonth(y, part === 'early' ? 1 : part === 'middle' ? 6 : 12);
}

/**
 * "Januari", "bulan januari 2026", "jan 2026", "awal bulan ini", "akhir bulan lalu", "pertengahan maret",
 * "awal tahun", "akhir tahun lalu".
 */
export function monthExpression(ctx: Context, i: number): Match | null {
  const part = PARTS.get(at(ctx, i));
  const j = part ? i + 1 : i;
  if (part && at(ctx, j) === 'tahun') {
    const ago = agoAt(ctx, j + 1);
    if (ago !== null) return { end: ago, candidate: partOfYear(ctx.today.y - 1, part) };
    if (at(ctx, j + 1) === 'ini') return { end: j + 2, candidate: partOfYear(ctx.today.y, part) };
    const year = /^[0-9]{4}$/.test(at(ctx, j + 1)) ? Number(at(ctx, j + 1)) : undefined;
    // "akhir tahun" said in December: this year's end, going on now, or last year's? Asked.
    const now = partOfYear(ctx.today.y, part);
    if (year === undefined && ctx.whole && now.kind === 'date' && now.start.m === ctx.today.m)
      return { end: j + 1, candidate: AMBIGUOUS };
    return { end: year === undefined ? j + 1 : j + 2, candidate: partOfYear(year ?? ctx.today.y, part) };
  }
  // "akhir 2025", "awal 2026"
  if (part && /^[0-9]{4}$/.test(at(ctx, j)))
    return { end: j + 1, candidate: partOfYear(Number(at(ctx, j)), part) };
  const k = at(ctx, j) === 'bulan' ? j + 1 : j;
  if (part && k > j) {
    const ago = agoAt(ctx, k);
    if (ago !== null) {
      const { y, m } = shiftMonth(ctx.today.y, ctx.today.m, -1);
      return { end: ago, candidate: partOfMonth(y, m, part) };
    }
    if (at(ctx, k) === 'ini') return { end: k + 1, candidate: partOfMonth(ctx.today.y, ctx.today.m, part) };
  }
  // "bulan lima" (May), "bulan 5": a month by its number, after the word "bulan".
  const numbered = k > j ? numberAt(ctx, k) : null;
  const byNumber = numbered && numbered.value >= 1 && numbered.value <= 12 ? numbered : null;
  const year = yearAt(ctx, byNumber ? byNumber.end : k + 1);
  const month = byNumber ? byNumber.value : monthAt(ctx, k, ctx.whole || year !== null);
  if (month === undefined) return null;
  if (byNumber) {
    const y = year ? year.year : month <= ctx.today.m ? ctx.today.y : ctx.today.y - 1;
    return { end: year ? year.end : byNumber.end, candidate: inMonth(y, month) };
  }
  // "Bulan Desember" said in December: this month, or last year's December? Asked.
  if (!year && !part && ctx.whole && month === ctx.today.m) return { end: k + 1, candidate: AMBIGUOUS };
  const y = year ? year.year : month <= ctx.today.m ? ctx.today.y : ctx.today.y - 1;
  if (y < MIN_YEAR || y > MAX_YEAR) return { end: year ? year.end : k + 1, candidate: INVALID };
  return { end: year ? year.end : k + 1, candidate: part ? partOfMonth(y, month, part) : inMonth(y, month) };
}
