// Measures the reading of "when did it happen?" answers against a labelled set (test/eval/incident-dates.jsonl).
import { z } from 'zod';
import { type DateParse, parseIncidentDate } from './dates.js';

const Expect = z.union([
  z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    precision: z.enum(['day', 'week', 'month', 'year']),
    ongoing: z.boolean(),
  }),
  z.object({ unknown: z.literal(true) }),
  z.object({ ask: z.literal(true) }),
  z.object({ future: z.literal(true) }),
]);

export const DateCase = z.object({
  id: z.string(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string(),
  expect: Expect,
  style: z.string(),
  held_out: z.boolean(),
  note: z.string().optional(),
});
export type DateCase = z.infer<typeof DateCase>;

const DAY_MS = 86_400_000;
const dayNum = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Noon WITA on the case's day: the citizen answers in the middle of the day. */
export const noonWita = (iso: string) => new Date(Date.parse(`${iso}T04:00:00Z`));

/** What the reader made of the answer, in the set's words. */
export function outcome(r: DateParse): string {
  if (!r.ok) return r.reason;
  return `${r.value.date}/${r.value.precision}${r.value.ongoing ? '/ongoing' : ''}`;
}

/**
 * Whether the reading is right. A point in time is right when the precision is the same and the labelled date
 * lies in the period read (a week's seven days, a month, a year): where in "awal bulan" a week starts is a
 * convention, the period is not.
 */
export function judgeDate(c: DateCase, r: DateParse): boolean {
  const e = c.expect;
  if ('unknown' in e) return !r.ok && (r.reason === 'unparsed' || r.reason === 'unknown');
  if ('ask' in e) return !r.ok && r.reason === 'ambiguous';
  if ('future' in e) return !r.ok && r.reason === 'future';
  if (!r.ok || r.value.precision !== e.precision || (r.value.ongoing ?? false) !== e.ongoing) return false;
  const got = r.value.date;
  switch (e.precision) {
    case 'day':
      return got === e.date;
    case 'week':
      return dayNum(e.date) >= dayNum(got) && dayNum(e.date) <= dayNum(got) + 6;
    case 'month':
      return got.slice(0, 7) === e.date.slice(0, 7);
    case 'year':
      return got.slice(0, 4) === e.date.slice(0, 4);
  }
}

export type DateReport = {
  cases: number;
  right: number;
  accuracy: number;
  misses: { id: string; text: string; expected: unknown; got: string }[];
};

export function evaluateDates(cases: readonly DateCase[]): DateReport {
  const misses: DateReport['misses'] = [];
  let right = 0;
  for (const c of cases) {
    const r = parseIncidentDate(c.text, noonWita(c.today));
    if (judgeDate(c, r)) right++;
    else misses.push({ id: c.id, text: c.text, expected: c.expect, got: outcome(r) });
  }
  return { cases: cases.length, right, accuracy: cases.length ? right / cases.length : 0, misses };
}

export function parseDateCases(jsonl: string): DateCase[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => DateCase.parse(JSON.parse(l)));
}
