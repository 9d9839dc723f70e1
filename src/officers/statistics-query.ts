// The statistics' filters as query parameters, one vocabulary for `/petugas/statistik` and `GET /api/v1/statistics`:
// a range of WITA days (the last twelve months by default), a kab/kota, an agency, a category; and the MoU month.
import { z } from 'zod';
import { CATEGORY_IDS } from '../domain/categories.js';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
  );

/** The query parameters, as strings arrive. */
export const StatisticsQuery = z.object({
  /** Filed on or after this WITA day (YYYY-MM-DD); by default the first day of the month eleven months back. */
  from: Day.optional(),
  /** Filed on or before this WITA day; today by default. */
  to: Day.optional(),
  kabkota: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional(),
  agency: z.string().min(1).max(100).optional(),
  category: z.enum(CATEGORY_IDS).optional(),
});
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

/** A month of the MoU report (YYYY-MM). */
export const ReportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** Each parameter on its own: the page keeps the valid filters and drops the rest (the API answers 422). */
export function lenientStatisticsQuery(raw: Record<string, string | undefined>): StatisticsQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(StatisticsQuery.shape)) {
    const r = schema.safeParse(raw[key] === '' ? undefined : raw[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  const parsed = StatisticsQuery.safeParse(out);
  return parsed.success ? parsed.data : {};
}

/** Volume over time: per day up to a month, per week (from Monday) up to half a year, else per month. */
export type Bucket = 'day' | 'week' | 'month';

/** The range a query asks for (both days included, `from` ≤ `to`), and how its volume is bucketed. */
export type StatisticsRange = { from: string; to: string; bucket: Bucket };

export function statisticsRange(q: StatisticsQuery, today: string): StatisticsRange {
  let to = q.to ?? today;
  const back = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  back.setUTCMonth(back.getUTCMonth() - 11);
  let from = q.from ?? back.toISOString().slice(0, 10);
  if (from > to) [from, to] = [to, from];
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return { from, to, bucket: days <= 31 ? 'day' : days <= 183 ? 'week' : 'month' };
}
