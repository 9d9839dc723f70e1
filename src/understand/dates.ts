// Reads when an incident happened ("kemarin", "3 bulan lalu", "12 Jan", "senin lalu", "12/1/2026") as a WITA calendar date.
import { WITA_OFFSET_MS } from '../domain/wita.js';
import { tokens } from './normalize.js';

export type Precision = 'day' | 'week' | 'month' | 'year';

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

const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Ombudsman takes reports of events less than two years old. */
const MAX_AGE_YEARS = 2;

type Ymd = { y: number; m: number; d: number };

type Candidate =
  | { kind: 'date'; start: Ymd; precision: Precision }
  | { kind: 'future' }
  | { kind: 'invalid' }
  /** Two readings are plausible: asked again rather than guessed. */
  | { kind: 'ambiguous' };

type Match = { end: number; candidate: Candidate };

type Context = {
  t: readonly string[];
  today: Ymd;
  todayNum: number;
  hour: number;
  /** The whole message is the answer to "when?": bare forms ("12", "tadi", "sekarang", "jan") are accepted. */
  whole: boolean;
};

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januari', 1],
  ['january', 1],
  ['februari', 2],
  ['pebruari', 2],
  ['february', 2],
  ['maret', 3],
  ['march', 3],
  ['april', 4],
  ['mei', 5],
  ['juni', 6],
  ['june', 6],
  ['juli', 7],
  ['july', 7],
  ['agustus', 8],
  ['august', 8],
  ['september', 9],
  ['oktober', 10],
  ['october', 10],
  ['november', 11],
  ['nopember', 11],
  ['desember', 12],
  ['december', 12],
]);

/** Abbreviations: only taken after a day number, before a year, or as the whole answer. */
const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['peb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['agu', 8],
  ['agt', 8],
  ['ags', 8],
  ['agus', 8],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['okt', 10],
  ['oct', 10],
  ['nov', 11],
  ['nop', 11],
  ['des', 12],
  ['dec', 12],
]);

/** Monday = 0 … Sunday = 6. */
const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['senin', 0],
  ['selasa', 1],
  ['rabu', 2],
  ['kamis', 3],
  ['jumat', 4],
  ['sabtu', 5],
  ['minggu', 6],
  ['ahad', 6],
  // Banjar
  ['sanayan', 0],
  ['salasa', 1],
  ['arba', 2],
  ['arbaa', 2],
  ['jumahat', 4],
  ['jumaat', 4],
  ['monday', 0],
  ['tuesday', 1],
  ['wednesday', 2],
  ['thursday', 3],
  ['friday', 4],
  ['saturday', 5],
  ['sunday', 6],
]);

type Unit = 'day' | 'week' | 'month' | 'year';

const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['hari', 'day'],
  ['hr', 'day'],
  ['minggu', 'week'],
  ['mgg', 'week'],
  ['pekan', 'week'],
  ['bulan', 'month'],
  ['bln', 'month'],
  ['tahun', 'year'],
  ['taun', 'year'],
  ['thn', 'year'],
  ['th', 'year'],
  // "tiga bulanan", "dua mingguan": about that many
  ['harian', 'day'],
  ['mingguan', 'week'],
  ['bulanan', 'month'],
  ['tahunan', 'year'],
]);

/** "sehari", "seminggu", … : one unit in a single word. */
const ONE_UNIT: ReadonlyMap<string, Unit> = new Map([
  ['sehari', 'day'],
  ['seminggu', 'week'],
  ['sepekan', 'week'],
  ['sebulan', 'month'],
  ['setahun', 'year'],
]);

const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['satu', 1],
  ['dua', 2],
  ['tiga', 3],
  ['empat', 4],
  ['ampat', 4],
  ['lima', 5],
  ['enam', 6],
  ['anam', 6],
  ['tujuh', 7],
  ['delapan', 8],
  ['sembilan', 9],
]);

/** "… yang lalu": also Banjar "samalam" (kemarin), and "tadi" after a weekday ("hari Arba tadi"). */
const AGO = new Set([
  'lalu',
  'silam',
  'kemarin',
  'kemaren',
  'kmrn',
  'kmarin',
  'lewat',
  'sebelumnya',
  'samalam',
  'tadi',
]);
/** Indonesian and Banjar parts of the day ("baisukan" morning, "kamarian" afternoon, "sanja" dusk). */
const TIMES_OF_DAY = new Set([
  'pagi',
  'siang',
  'sore',
  'petang',
  'malam',
  'subuh',
  'baisukan',
  'kamarian',
  'sanja',
  'magrib',
  'isya',
]);
/** Said with a date, these make it the start of a problem that goes on. */
const SINCE = new Set(['sejak', 'semenjak', 'dari', 'dr', 'mulai']);
/** "sudah 3 bulan": a duration up to now (unlike "3 bulan lalu", a point in time). */
const ALREADY = new Set(['sudah', 'udah', 'udh', 'sdh', 'dah', 'sudh', 'telah']);
/** Phrases that say the problem still goes on. */
const STILL = [
  ['sampai', 'sekarang'],
  ['sampai', 'skrg'],
  ['sampai', 'saat', 'ini'],
  ['sampai', 'hari', 'ini'],
  ['hingga', 'kini'],
  ['hingga', 'sekarang'],
  ['sampai', 'wayah', 'ini'],
  ['belum', 'juga'],
  ['blm', 'juga'],
  ['tiap', 'hari'],
  ['setiap', 'hari'],
  ['masih'],
  ['terus'],
  ['kada', 'tuntung'],
] as const;
/** Answers that say the citizen does not know when: nothing may be stored for them. */
const DONT_KNOW = [
  ['lupa'],
  ['tidak', 'ingat'],
  ['tdk', 'ingat'],
  ['gak', 'ingat'],
  ['ga', 'ingat'],
  ['nggak', 'ingat'],
  ['kada', 'ingat'],
  ['tidak', 'tahu'],
  ['tidak', 'tau'],
  ['gak', 'tau'],
  ['kada', 'tahu'],
  ['sudah', 'lama'],
  ['udah', 'lama'],
  ['lama', 'sekali'],
  ['lawas'],
  ['bahari'],
  ['dulu'],
  // Banjar "lawas" arrives here as "lama" (normalize): alone it says "a long time", no date.
  ['lama'],
] as const;
/** A date after these is an end point ("sampai hari ini belum jadi"), not when it happened. */
const UNTIL = new Set(['sampai', 'hingga']);
/** Words around a whole-message answer that carry no date: "sekitar tanggal 12 pak", "kira-kira 3 bulan". */
const WHOLE_FILLERS = new Set([
  'sekitar',
  'hampir',
  'sudah',
  'lama',
  'kira',
  'kira-kira',
  'kurang',
  'lebih',
  'pada',
  'sejak',
  'dari',
  'waktu',
  'itu',
  'pak',
  'bu',
  'bapak',
  'ibu',
  'kak',
  'min',
  'ya',
  'mungkin',
  'kayaknya',
  'sepertinya',
  'sih',
  'deh',
  'tepatnya',
  'kejadian',
  'kejadiannya',
  'terjadi',
  'saya',
  'lupa',
  'yang',
  'nang',
  'udah',
  'udh',
  'sdh',
  'dah',
  'semenjak',
  'dr',
  'mulai',
  'lah',
  'ai',
  'haja',
  'ja',
  'pian',
  'ulun',
  'lawas',
  'an',
]);

// ---- calendar arithmetic on WITA civil dates -------------------------------------------------------------

function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The month `delta` months after (y, m); delta may be negative. */
function shiftMonth(y: number, m: number, delta: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + delta;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday. */
function weekday(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function iso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// ---- candidates ---------------------------------------------------------------------------------------

const INVALID: Candidate = { kind: 'invalid' };
const FUTURE: Candidate = { kind: 'future' };
const AMBIGUOUS: Candidate = { kind: 'ambiguous' };

function inYear(y: number): Candidate {
  return { kind: 'date', start: { y, m: 1, d: 1 }, precision: 'year' };
}

function onDay(n: number): Candidate {
  return { kind: 'date', start: fromDayNumber(n), precision: 'day' };
}

function inWeekOf(n: number): Candidate {
  return { kind: 'date', start: fromDayNumber(n - weekday(n)), precision: 'week' };
}

function inMonth(y: number, m: number): Candidate {
  return { kind: 'date', start: { y, m, d: 1 }, precision: 'month' };
}

/**
 * A calendar day; without a year, the most recent such day that is not in the future. A day later in this very
 * month or the next ("20/12" written on 6 December) is rather a slip than last year's: asked, not moved a year back.
 */
function calendarDay(ctx: Context, d: number, m: number, year: number | undefined): Candidate {
  if (m < 1 || m > 12 || d < 1 || d > 31) return INVALID;
  const past = m < ctx.today.m || (m === ctx.today.m && d <= ctx.today.d);
  const soon = !past && (m === ctx.today.m || m === (ctx.today.m % 12) + 1);
  if (year === undefined && soon && d <= daysInMonth(ctx.today.y, m)) return ctx.whole ? AMBIGUOUS : FUTURE;
  const y = year ?? (past ? ctx.today.y : ctx.today.y - 1);
  if (y < MIN_YEAR || y > MAX_YEAR || d > daysInMonth(y, m)) return INVALID;
  return { kind: 'date', start: { y, m, d }, precision: 'day' };
}

/** The most recent past day numbered `d`: this month, or an earlier month that has such a day. */
function dayOfRecentMonth(ctx: Context, d: number): Candidate {
  if (d < 1 || d > 31) return INVALID;
  let { y, m } = d <= ctx.today.d ? ctx.today : shiftMonth(ctx.today.y, ctx.today.m, -1);
  while (d > daysInMonth(y, m)) ({ y, m } = shiftMonth(y, m, -1));
  return { kind: 'date', start: { y, m, d }, precision: 'day' };
}

/** Two-digit years: 20yy unless that is more than a year ahead, then 19yy. */
function fullYear(ctx: Context, text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return 2000 + n <= ctx.today.y + 1 ? 2000 + n : 1900 + n;
}

// ---- token helpers ---------------------------------------------------------------------------------------

function at(ctx: Context, i: number): string {
  return ctx.t[i] ?? '';
}

/** A number written in digits (up to 4) or words ("dua", "sebelas", "dua belas", "dua puluh lima"). */
function numberAt(ctx: Context, i: number): { value: number; end: number } | null {
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

function monthAt(ctx: Context, i: number, abbreviationOk: boolean): number | undefined {
  const word = at(ctx, i);
  return MONTHS.get(word) ?? (abbreviationOk ? MONTH_ABBREVIATIONS.get(word) : undefined);
}

/** A year after a month: "2026", "tahun 2026"; "26" only as a whole answer ("12 jan 20 orang antri" is no year). */
function yearAt(ctx: Context, i: number): { year: number; end: number } | null {
  const j = at(ctx, i) === 'tahun' ? i + 1 : i;
  const word = at(ctx, j);
  const year = ctx.whole ? /^(?:[0-9]{2}|[0-9]{4})$/ : /^[0-9]{4}$/;
  return year.test(word) ? { year: fullYear(ctx, word), end: j + 1 } : null;
}

/** "lalu", "yang lalu", "kemarin", … at i: the index after it, or null. */
function agoAt(ctx: Context, i: number): number | null {
  if (AGO.has(at(ctx, i))) return i + 1;
  return (at(ctx, i) === 'yang' || at(ctx, i) === 'nang') && AGO.has(at(ctx, i + 1)) ? i + 2 : null;
}

// ---- matchers: each reads an expression starting at token i ---------------------------------------------

const NUMERIC_DMY = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})$/;
const NUMERIC_YMD = /^([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})$/;
const NUMERIC_DM = /^([0-9]{1,2})\/([0-9]{1,2})$/;

/** 12/1/2026, 12-01-26, 12.1.2026, 2026-01-12; "12/1" only as a whole answer. */
function numericDate(ctx: Context, i: number): Match | null {
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
function dayMonth(ctx: Context, i: number): Match | null {
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
function dayOfMonth(ctx: Context, i: number): Match | null {
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
function monthExpression(ctx: Context, i: number): Match | null {
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

/** "tadi malam"/"semalam-an" said before 18:00 mean last night; in the evening, tonight. */
function lastNight(ctx: Context): Candidate {
  return onDay(ctx.hour < 18 ? ctx.todayNum - 1 : ctx.todayNum);
}

/** hari ini, tadi (pagi…), barusan, kemarin (sore…), kemarin lusa, semalam, besok/lusa (future). */
function relativeDay(ctx: Context, i: number): Match | null {
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
function amountAgo(ctx: Context, i: number): Match | null {
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
function weekdayExpression(ctx: Context, i: number): Match | null {
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

function namedDay(ctx: Context, i: number): Match | null {
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

/** The whole-answer bare day: "12" (this month, or last month if the 12th is still to come). */
function bareDay(ctx: Context, i: number): Match | null {
  if (!ctx.whole || !/^[0-9]{1,2}$/.test(at(ctx, i))) return null;
  return { end: i + 1, candidate: dayOfRecentMonth(ctx, Number(at(ctx, i))) };
}

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

// ---- entry points ----------------------------------------------------------------------------------------

/** Splits "12jan2026", "3hari", "12-jan-2026" into their parts; numeric dates stay whole. */
function dateTokens(text: string): string[] {
  return tokens(text).flatMap((word) => {
    if (/^[0-9]+(?:[/.-][0-9]+)*$/.test(word) || !/[0-9]/.test(word)) return [word];
    return word.split(/[/.-]/).flatMap((part) => part.match(/[0-9]+|[^0-9]+/g) ?? []);
  });
}

function context(t: readonly string[], now: Date, whole: boolean): Context {
  const local = now.getTime() + WITA_OFFSET_MS;
  const todayNum = Math.floor(local / DAY_MS);
  return { t, today: fromDayNumber(todayNum), todayNum, hour: new Date(local).getUTCHours(), whole };
}

function finish(ctx: Context, candidate: Candidate, ongoing = false): DateParse {
  if (candidate.kind !== 'date') return { ok: false, reason: candidate.kind };
  const { start, precision } = candidate;
  if (start.y < MIN_YEAR) return { ok: false, reason: 'invalid' };
  const startNum = dayNumber(start);
  if (startNum > ctx.todayNum) return { ok: false, reason: 'future' };
  const endNum =
    precision === 'day'
      ? startNum
      : precision === 'week'
        ? startNum + 6
        : precision === 'year'
          ? dayNumber({ y: start.y, m: 12, d: 31 })
          : startNum + daysInMonth(start.y, start.m) - 1;
  const cutoffYear = ctx.today.y - MAX_AGE_YEARS;
  const cutoff = dayNumber({
    y: cutoffYear,
    m: ctx.today.m,
    d: Math.min(ctx.today.d, daysInMonth(cutoffYear, ctx.today.m)),
  });
  // A problem that began today or earlier and still goes on ends now: never too old to report.
  const value: IncidentDate = { date: iso(start), precision, ...(ongoing ? { ongoing: true } : {}) };
  return { ok: true, value, tooOld: !ongoing && endNum < cutoff };
}

/** The English relative phrases an English-speaking citizen is likely to type, read as their Indonesian forms. */
const ENGLISH: readonly [RegExp, string][] = [
  [/\bthe day before yesterday\b/gi, 'kemarin lusa'],
  [/\byesterday\b/gi, 'kemarin'],
  [/\bthis morning\b/gi, 'tadi pagi'],
  [/\btoday\b/gi, 'hari ini'],
  [/\blast week\b/gi, 'minggu lalu'],
  [/\blast month\b/gi, 'bulan lalu'],
  [/\blast year\b/gi, 'tahun lalu'],
  [/\b(\d{1,3}|a|one) days? ago\b/gi, '$1 hari lalu'],
  [/\b(\d{1,3}|a|one) weeks? ago\b/gi, '$1 minggu lalu'],
  [/\b(\d{1,3}|a|one) months? ago\b/gi, '$1 bulan lalu'],
  [/\b(?:a|one) (hari|minggu|bulan) lalu\b/gi, '1 $1 lalu'],
];

function fromEnglish(text: string): string {
  return /[a-z]/i.test(text) ? ENGLISH.reduce((t, [re, id]) => t.replace(re, id), text) : text;
}

function hasPhrase(words: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return words.some((_, i) => phrases.some((p) => p.every((w, k) => words[i + k] === w)));
}

/** A word that says how many: "3", "tiga", "seminggu", "sebulan". */
function isAmount(word: string): boolean {
  return (
    /^[0-9]+$/.test(word) ||
    DIGIT_WORDS.has(word) ||
    ONE_UNIT.has(word) ||
    word === 'sepuluh' ||
    word === 'sebelas'
  );
}

/** "sudah 3 bulan" (not "sudah 3 bulan lalu"): a duration up to now. */
function alreadyFor(words: readonly string[], from: number): boolean {
  if (!ALREADY.has(words[from] ?? '')) return false;
  const rest = words.slice(from + 1, from + 5);
  return !rest.some((w) => w === 'lalu' || w === 'silam' || w === 'lewat');
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

/** Drops "kalau tidak salah" ("if I am not mistaken"). */
function withoutHedges(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'kalau' && words[i + 1] === 'tidak' && words[i + 2] === 'salah') i += 2;
    else out.push(words[i] ?? '');
  }
  return out;
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
