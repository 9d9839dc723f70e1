// Days people name rather than date ("lebaran", "tujuhbelasan", "malam tahun baru"), read as the most recent one.
import { type Ymd, dayNumber, fromDayNumber } from './calendar-arithmetic.js';
import { INVALID, type Match, type Precision, onDay } from './date-candidates.js';
import { type Context, at } from './date-reading.js';

/** Days people name rather than date: the most recent one (Idulfitri as its week, the dates vary by a day). */
const NAMED_DAYS: readonly { words: readonly string[]; dates: (y: number) => Ymd[]; precision: Precision }[] =
  [
    { words: ['malam', 'tahun', 'baru'], dates: (y) => [{ y, m: 12, d: 31 }], precision: 'day' },
    { words: ['malam', 'taun', 'baru'], dates: (y) => [{ y, m: 12, d: 31 }], precision: 'day' },
    { words: ['tahun', 'baru'], dates: (y) => [{ y, m: 1, d: 1 }], precision: 'day' },
    { words: ['taun', 'baru'], dates: (y) => [{ y, m: 1, d: 1 }], precision: 'day' },
    { words: ['tujuhbelasan'], dates: (y) => [{ y, m: 8, d: 17 }], precision: 'day' },
    { words: ['agustusan'], dates: (y) => [{ y, m: 8, d: 17 }], precision: 'day' },
    { words: ['17', 'an'], dates: (y) => [{ y, m: 8, d: 17 }], precision: 'day' },
    { words: ['natal'], dates: (y) => [{ y, m: 12, d: 25 }], precision: 'day' },
    { words: ['lebaran', 'haji'], dates: (y) => IDULADHA.filter((d) => d.y === y), precision: 'week' },
    { words: ['idul', 'adha'], dates: (y) => IDULADHA.filter((d) => d.y === y), precision: 'week' },
    { words: ['iduladha'], dates: (y) => IDULADHA.filter((d) => d.y === y), precision: 'week' },
    { words: ['lebaran'], dates: (y) => IDULFITRI.filter((d) => d.y === y), precision: 'week' },
    { words: ['hari', 'raya'], dates: (y) => IDULFITRI.filter((d) => d.y === y), precision: 'week' },
    { words: ['malam', 'takbiran'], dates: (y) => IDULFITRI.filter((d) => d.y === y), precision: 'week' },
    { words: ['idul', 'fitri'], dates: (y) => IDULFITRI.filter((d) => d.y === y), precision: 'week' },
    { words: ['idulfitri'], dates: (y) => IDULFITRI.filter((d) => d.y === y), precision: 'week' },
  ];
/** 1 Syawal and 10 Zulhijah as Indonesia's government set them (SKB 3 Menteri); the years around today. */
const IDULFITRI: readonly Ymd[] = [
  { y: 2024, m: 4, d: 10 },
  { y: 2025, m: 3, d: 31 },
  { y: 2026, m: 3, d: 21 },
  { y: 2027, m: 3, d: 10 },
];
const IDULADHA: readonly Ymd[] = [
  { y: 2024, m: 6, d: 17 },
  { y: 2025, m: 6, d: 6 },
  { y: 2026, m: 5, d: 27 },
  { y: 2027, m: 5, d: 16 },
];

export function namedDay(ctx: Context, i: number): Match | null {
  for (const named of NAMED_DAYS) {
    if (!named.words.every((w, k) => at(ctx, i + k) === w)) continue;
    const end = i + named.words.length;
    const past = [ctx.today.y, ctx.today.y - 1, ctx.today.y - 2]
      .flatMap((y) => named.dates(y))
      .find((d) => dayNumber(d) <= ctx.todayNum);
    if (!past) return { end, candidate: INVALID };
    const n = dayNumber(past);
    return {
      end,
      candidate:
        named.precision === 'week'
          ? { kind: 'date', start: fromDayNumber(n - 1), precision: 'week' }
          : onDay(n),
    };
  }
  return null;
}
