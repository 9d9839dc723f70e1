// Reads when an incident happened ("kemarin", "3 bulan lalu", "12 Jan", "senin lalu", "12/1/2026") as a WITA calendar date.
import { bareDay, dayMonth, dayOfMonth, numericDate } from './absolute-dates.js';
import { MIN_YEAR, dayNumber, iso } from './calendar-arithmetic.js';
import type { Candidate, Match, Precision } from './date-candidates.js';
import { type Context, at, context, dateTokens, hasPhrase } from './date-reading.js';
import { fromEnglish } from './english-dates.js';
import { endedTooLongAgo } from './incident-age.js';
import { monthExpression } from './month-dates.js';
import { namedDay } from './named-days.js';
import { SINCE, STILL, UNTIL, alreadyFor, isAmount } from './ongoing-dates.js';
import { amountAgo, relativeDay, weekdayExpression } from './relative-dates.js';
import { DONT_KNOW, WHOLE_FILLERS, withoutHedges } from './when-answer.js';

export type IncidentDate = {
  /** YYYY-MM-DD in WITA (Asia/Makassar). For week, month and year precision, the first day of the period. */
  date: string;
  precision: Precision;
  /** The problem began then and goes on ("sejak …", "sudah 3 bulan", "sampai sekarang"): `date` is its start. */
  ongoing?: boolean;
};

/**
 * `unknown`: the citizen does not know ("lupa", "sudah lama"); `ambiguous`: two readings are plausible ("20/12"
 * written on 6 December: last year's, or a slip), so it is asked again rather than guessed.
 */
export type DateParse =
  | { ok: true; value: IncidentDate; tooOld: boolean }
  | { ok: false; reason: 'future' | 'unparsed' | 'invalid' | 'unknown' | 'ambiguous' };

/** Tried in this order at each word: the first that reads an expression there wins. */
const MATCHERS = [
  namedDay,
  numericDate,
  dayOfMonth,
  dayMonth,
  monthExpression,
  relativeDay,
  amountAgo,
  weekdayExpression,
  bareDay,
];

function matchAt(ctx: Context, i: number): Match | null {
  for (const matcher of MATCHERS) {
    const match = matcher(ctx, i);
    if (match) return match;
  }
  return null;
}

/** A reading as the answer: a past date (too old or not), else why there is none. */
function finish(ctx: Context, candidate: Candidate, ongoing = false): DateParse {
  if (candidate.kind !== 'date') return { ok: false, reason: candidate.kind };
  const { start, precision } = candidate;
  if (start.y < MIN_YEAR) return { ok: false, reason: 'invalid' };
  if (dayNumber(start) > ctx.todayNum) return { ok: false, reason: 'future' };
  // A problem that began today or earlier and still goes on ends now: never too old to report.
  const value: IncidentDate = { date: iso(start), precision, ...(ongoing ? { ongoing: true } : {}) };
  return { ok: true, value, tooOld: !ongoing && endedTooLongAgo(start, precision, ctx.today) };
}

/**
 * Finds the first date expression in a story ("ktp saya belum jadi sejak 3 bulan lalu"), or null.
 * Dates after "sampai"/"hingga" are skipped; a past date is preferred over a future or impossible one.
 * It goes on when "sejak/dari/sudah" leads it, or the story says so ("sampai sekarang", "belum juga").
 */
export function findIncidentDate(text: string, now: Date): DateParse | null {
  const ctx = context(dateTokens(fromEnglish(text)), now, false);
  const still = hasPhrase(ctx.t, STILL);
  let first: DateParse | null = null;
  let fallback: DateParse | null = null;
  for (let i = 0; i < ctx.t.length; i++) {
    if (UNTIL.has(at(ctx, i - 1))) continue;
    const match = matchAt(ctx, i);
    if (!match) continue;
    const since = SINCE.has(at(ctx, i)) || SINCE.has(at(ctx, i - 1));
    const result = finish(ctx, match.candidate, still || since || alreadyFor(ctx.t, i));
    // "udh dua bulanan, dr bulan lima": the start named with "dari/sejak" says more than a duration.
    if (result.ok && since) return result;
    if (result.ok) first ??= result;
    else fallback ??= result;
    i = match.end - 1;
  }
  return first ?? fallback;
}

/**
 * Reads the answer to "when did it happen?", in WITA (UTC+8). Week precision gives the first day of a
 * 7-day window (the Monday for "minggu lalu"); month precision the 1st. "tahun lalu" is the same month
 * last year at month precision. tooOld: the whole period ended more than two years before `now`.
 */
export function parseIncidentDate(raw: string, now: Date): DateParse {
  const text = fromEnglish(raw);
  const all = withoutHedges(dateTokens(text));
  const kept = all.filter((w) => !WHOLE_FILLERS.has(w));
  const ctx = context(kept, now, true);
  const match = kept.length > 0 ? matchAt(ctx, 0) : null;
  // "lusa, kata jadwal pemadaman": an answer that starts with a future day is about the future.
  if (match?.candidate.kind === 'future' && match.end < kept.length) return { ok: false, reason: 'future' };
  if (match && match.end === kept.length) {
    // The answer is a date and words around it: any "sejak", "sudah <amount>" or "sampai sekarang" in it counts.
    const ongoing =
      hasPhrase(all, STILL) ||
      all.some((w) => SINCE.has(w)) ||
      all.some((_, i) => alreadyFor(all, i) && all.slice(i + 1, i + 5).some(isAmount));
    return finish(ctx, match.candidate, ongoing);
  }
  const found = findIncidentDate(text, now);
  if (found) return found;
  return { ok: false, reason: hasPhrase(all, DONT_KNOW) ? 'unknown' : 'unparsed' };
}
