// What a date is read from (the message's words, today in WITA) and the helpers that read a number, month or year at a word.
import { WITA_OFFSET_MS } from '../domain/wita.js';
import { DAY_MS, type Ymd, fromDayNumber } from './calendar-arithmetic.js';
import { AGO, DIGIT_WORDS, MONTHS, MONTH_ABBREVIATIONS } from './date-words.js';
import { tokens } from './normalize.js';

export type Context = {
  t: readonly string[];
  today: Ymd;
  todayNum: number;
  hour: number;
  /** The whole message is the answer to "when?": bare forms ("12", "tadi", "sekarang", "jan") are accepted. */
  whole: boolean;
};

/** Splits "12jan2026", "3hari", "12-jan-2026" into their parts; numeric dates stay whole. */
export function dateTokens(text: string): string[] {
  return tokens(text).flatMap((word) => {
    if (/^[0-9]+(?:[/.-][0-9]+)*$/.test(word) || !/[0-9]/.test(word)) return [word];
    return word.split(/[/.-]/).flatMap((part) => part.match(/[0-9]+|[^0-9]+/g) ?? []);
  });
}

export function context(t: readonly string[], now: Date, whole: boolean): Context {
  const local = now.getTime() + WITA_OFFSET_MS;
  const todayNum = Math.floor(local / DAY_MS);
  return { t, today: fromDayNumber(todayNum), todayNum, hour: new Date(local).getUTCHours(), whole };
}

export function at(ctx: Context, i: number): string {
  return ctx.t[i] ?? '';
}

/** A number written in digits (up to 4) or words ("dua", "sebelas", "dua belas", "dua puluh lima"). */
export function numberAt(ctx: Context, i: number): { value: number; end: number } | null {
  const word = at(ctx, i);
  if (/^[0-9]{1,4}$/.test(word)) return { value: Number(word), end: i + 1 };
  if (word === 'sepuluh') return { value: 10, end: i + 1 };
  if (word === 'sebelas') return { value: 11, end: i + 1 };
  const digit = DIGIT_WORDS.get(word);
  if (digit === undefined) return null;
  if (at(ctx, i + 1) === 'belas') return { value: 10 + digit, end: i + 2 };
  if (at(ctx, i + 1) === 'puluhan') return { value: digit * 10, end: i + 2 };
  if (at(ctx, i + 1) !== 'puluh') return { value: digit, end: i + 1 };
  const ones = DIGIT_WORDS.get(at(ctx, i + 2));
  return ones === undefined ? { value: digit * 10, end: i + 2 } : { value: digit * 10 + ones, end: i + 3 };
}

/** Two-digit years: 20yy unless that is more than a year ahead, then 19yy. */
export function fullYear(ctx: Context, text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return 2000 + n <= ctx.today.y + 1 ? 2000 + n : 1900 + n;
}

export function monthAt(ctx: Context, i: number, abbreviationOk: boolean): number | undefined {
  const word = at(ctx, i);
  return MONTHS.get(word) ?? (abbreviationOk ? MONTH_ABBREVIATIONS.get(word) : undefined);
}

/** A year after a month: "2026", "tahun 2026"; "26" only as a whole answer ("12 jan 20 orang antri" is no year). */
export function yearAt(ctx: Context, i: number): { year: number; end: number } | null {
  const j = at(ctx, i) === 'tahun' ? i + 1 : i;
  const word = at(ctx, j);
  const year = ctx.whole ? /^(?:[0-9]{2}|[0-9]{4})$/ : /^[0-9]{4}$/;
  return year.test(word) ? { year: fullYear(ctx, word), end: j + 1 } : null;
}

/** "lalu", "yang lalu", "kemarin", … at i: the index after it, or null. */
export function agoAt(ctx: Context, i: number): number | null {
  if (AGO.has(at(ctx, i))) return i + 1;
  return (at(ctx, i) === 'yang' || at(ctx, i) === 'nang') && AGO.has(at(ctx, i + 1)) ? i + 2 : null;
}

/** Whether one of the phrases occurs in the words. */
export function hasPhrase(words: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return words.some((_, i) => phrases.some((p) => p.every((w, k) => words[i + k] === w)));
}
