// The words dates are written with: month and weekday names (Indonesian, Banjar, English), units, number words, "lalu".
export const MONTHS: ReadonlyMap<string, number> = new Map([
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
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
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
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
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

export type Unit = 'day' | 'week' | 'month' | 'year';

export const UNITS: ReadonlyMap<string, Unit> = new Map([
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
export const ONE_UNIT: ReadonlyMap<string, Unit> = new Map([
  ['sehari', 'day'],
  ['seminggu', 'week'],
  ['sepekan', 'week'],
  ['sebulan', 'month'],
  ['setahun', 'year'],
]);

export const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
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
export const AGO = new Set([
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
export const TIMES_OF_DAY = new Set([
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
