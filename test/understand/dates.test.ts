// When an incident happened, as people write it: relative days, named days, months, Banjar words, ongoing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateParse, findIncidentDate, parseIncidentDate } from '../../src/understand/dates.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

/** Monday 23 November 2026, 10:00 WITA. */
const NOW = new Date('2026-11-23T02:00:00Z');

const day = (date: string, tooOld = false): DateParse => ({
  ok: true,
  value: { date, precision: 'day' },
  tooOld,
});
const week = (date: string, tooOld = false): DateParse => ({
  ok: true,
  value: { date, precision: 'week' },
  tooOld,
});
const month = (date: string, tooOld = false): DateParse => ({
  ok: true,
  value: { date, precision: 'month' },
  tooOld,
});
const year = (date: string, tooOld = false): DateParse => ({
  ok: true,
  value: { date, precision: 'year' },
  tooOld,
});
/** Began then and still goes on: never too old. */
const since = (p: DateParse): DateParse =>
  p.ok ? { ok: true, value: { ...p.value, ongoing: true }, tooOld: false } : p;
const FUTURE: DateParse = { ok: false, reason: 'future' };
const AMBIGUOUS: DateParse = { ok: false, reason: 'ambiguous' };
const UNKNOWN: DateParse = { ok: false, reason: 'unknown' };
const INVALID: DateParse = { ok: false, reason: 'invalid' };
const UNPARSED: DateParse = { ok: false, reason: 'unparsed' };

describe('parseIncidentDate: relative days', () => {
  it.each<[string, DateParse]>([
    ['hari ini', day('2026-11-23')],
    ['Hari ini pak', day('2026-11-23')],
    ['tadi', day('2026-11-23')],
    ['tadi pagi', day('2026-11-23')],
    ['tadi siang', day('2026-11-23')],
    ['tadi sore', day('2026-11-23')],
    ['tadi subuh', day('2026-11-23')],
    ['pagi tadi', day('2026-11-23')],
    ['pagi ini', day('2026-11-23')],
    ['barusan', day('2026-11-23')],
    ['baru saja', day('2026-11-23')],
    ['sekarang', day('2026-11-23')],
    ['wayah ini', day('2026-11-23')],
    ['tadi malam', day('2026-11-22')],
    ['kemarin', day('2026-11-22')],
    ['Kemarin.', day('2026-11-22')],
    ['kemaren', day('2026-11-22')],
    ['kmrn', day('2026-11-22')],
    ['kmren sore', day('2026-11-22')],
    ['kemarin malam', day('2026-11-22')],
    ['semalam', day('2026-11-22')],
    ['samalam', day('2026-11-22')],
    ['kemarin lusa', day('2026-11-21')],
    ['kemarin dulu', day('2026-11-21')],
    ['besok', FUTURE],
    ['lusa', FUTURE],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: amounts ago', () => {
  it.each<[string, DateParse]>([
    ['2 hari lalu', day('2026-11-21')],
    ['2 hari yang lalu', day('2026-11-21')],
    ['dua hari yang lalu', day('2026-11-21')],
    ['3 hari yg lalu', day('2026-11-20')],
    ['3 hr lalu', day('2026-11-20')],
    ['3hari lalu', day('2026-11-20')],
    ['sehari lalu', day('2026-11-22')],
    ['satu hari lalu', day('2026-11-22')],
    ['sepuluh hari lalu', day('2026-11-13')],
    ['sebelas hari lalu', day('2026-11-12')],
    ['dua belas hari lalu', day('2026-11-11')],
    ['dua puluh hari lalu', day('2026-11-03')],
    ['dua puluh lima hari lalu', day('2026-10-29')],
    ['3 hari kemarin', day('2026-11-20')],
    ['kurang lebih 5 hari yang lalu', day('2026-11-18')],
    ['seminggu lalu', week('2026-11-16')],
    ['seminggu yang lalu', week('2026-11-16')],
    ['minggu lalu', week('2026-11-16')],
    ['minggu kemarin', week('2026-11-16')],
    ['minggu yang lalu', week('2026-11-16')],
    ['pekan lalu', week('2026-11-16')],
    ['sepekan lalu', week('2026-11-16')],
    ['2 minggu lalu', week('2026-11-09')],
    ['dua minggu yang lalu', week('2026-11-09')],
    ['2 mgg lalu', week('2026-11-09')],
    ['minggu ini', week('2026-11-23')],
    ['pekan ini', week('2026-11-23')],
    ['bulan lalu', month('2026-10-01')],
    ['bulan kemarin', month('2026-10-01')],
    ['sebulan lalu', month('2026-10-01')],
    ['sebulan yang lalu', month('2026-10-01')],
    ['3 bulan lalu', month('2026-08-01')],
    ['3 bln lalu', month('2026-08-01')],
    ['3bln lalu', month('2026-08-01')],
    ['tiga bulan yang lalu', month('2026-08-01')],
    ['11 bulan lalu', month('2025-12-01')],
    ['bulan ini', month('2026-11-01')],
    ['tahun lalu', year('2025-01-01')],
    ['setahun lalu', year('2025-01-01')],
    ['tahun nang lalu', year('2025-01-01')],
    ['tahun samalam', year('2025-01-01')],
    ['2 tahun lalu', year('2024-01-01')],
    ['3 tahun lalu', year('2023-01-01', true)],
    ['tahun 2024', year('2024-01-01')],
    ['sudah 3 bulan', since(month('2026-08-01'))],
    ['sudah 3 bulan lebih', since(month('2026-08-01'))],
    ['sejak 2 minggu', since(week('2026-11-09'))],
    ['udah seminggu', since(week('2026-11-16'))],
    ['sudah lawas, kira-kira tiga bulanan', since(month('2026-08-01'))],
    ['dua bulanan lalu lah', month('2026-09-01')],
    ['udah tiga mingguan', since(week('2026-11-02'))],
    ['dua puluhan hari lalu', day('2026-11-03')],
    ['3 bulan', month('2026-08-01')],
    ['kira-kira 2 minggu', week('2026-11-09')],
    ['kalau tidak salah 3 bulan lalu', month('2026-08-01')],
    ['klo gak salah 2 hari lalu', day('2026-11-21')],
    ['9999 tahun lalu', INVALID],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: parts of months and years', () => {
  it.each<[string, DateParse]>([
    ['awal bulan ini', week('2026-11-01')],
    ['pertengahan bulan ini', week('2026-11-11')],
    ['akhir bulan ini', FUTURE],
    ['awal bulan lalu', week('2026-10-01')],
    ['akhir bulan lalu', week('2026-10-25')],
    ['tengah bulan lalu', week('2026-10-11')],
    ['akhir januari', week('2026-01-25')],
    ['awal maret 2025', week('2025-03-01')],
    ['akhir februari 2024', week('2024-02-23', true)],
    ['awal tahun ini', month('2026-01-01')],
    ['awal tahun', month('2026-01-01')],
    ['pertengahan tahun lalu', month('2025-06-01')],
    ['akhir tahun lalu', month('2025-12-01')],
    ['awal tahun 2025', month('2025-01-01')],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: weekdays (today is Monday)', () => {
  it.each<[string, DateParse]>([
    // Today's own weekday alone: today, or a week ago? Asked.
    ['senin', AMBIGUOUS],
    ['hari senin', AMBIGUOUS],
    ['Sanayan samalam', day('2026-11-16')],
    ['hari Arba tadi', day('2026-11-18')],
    ['Jumahat samalam', day('2026-11-20')],
    // "malam Minggu" is Saturday evening.
    ['malam minggu tadi', day('2026-11-21')],
    ['malam sabtu kmrn', day('2026-11-20')],
    ['Senin kemarin', day('2026-11-16')],
    ['senin lalu', day('2026-11-16')],
    ['senin yang lalu', day('2026-11-16')],
    ['minggu', day('2026-11-22')],
    ['hari minggu', day('2026-11-22')],
    ['hari minggu kemarin', day('2026-11-22')],
    ['ahad', day('2026-11-22')],
    ['sabtu', day('2026-11-21')],
    ['sabtu kemarin', day('2026-11-21')],
    ['jumat', day('2026-11-20')],
    ["jum'at kemarin", day('2026-11-20')],
    ['kamis', day('2026-11-19')],
    ['rabu', day('2026-11-18')],
    ['selasa', day('2026-11-17')],
    ['pada hari selasa', day('2026-11-17')],
    ['selasa minggu lalu', day('2026-11-17')],
    ['jumat minggu lalu', day('2026-11-20')],
    ['senin minggu lalu', day('2026-11-16')],
    ['rabu pekan lalu', day('2026-11-18')],
    ['senin minggu ini', day('2026-11-23')],
    ['rabu minggu ini', FUTURE],
    ['friday', day('2026-11-20')],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: calendar dates', () => {
  it.each<[string, DateParse]>([
    ['12 Januari', day('2026-01-12')],
    ['12 januari', day('2026-01-12')],
    ['12 Jan', day('2026-01-12')],
    ['12 jan 2026', day('2026-01-12')],
    ['12 Januari 2026', day('2026-01-12')],
    ['12 januari tahun 2026', day('2026-01-12')],
    ['12 jan 26', day('2026-01-12')],
    ['12-jan-2026', day('2026-01-12')],
    ['12jan2026', day('2026-01-12')],
    ['tanggal 12 Januari 2026', day('2026-01-12')],
    ['tgl 12 jan', day('2026-01-12')],
    ['dua belas januari', day('2026-01-12')],
    ['1 mei', day('2026-05-01')],
    ['17 Agustus', day('2026-08-17')],
    ['17 agu', day('2026-08-17')],
    ['17 agt', day('2026-08-17')],
    ['17 ags 2025', day('2025-08-17')],
    ['5 sept', day('2026-09-05')],
    ['5 okt', day('2026-10-05')],
    ['5 October', day('2026-10-05')],
    ['23 november', day('2026-11-23')],
    // Later this month or next, without a year: a slip more likely than last year's; asked.
    ['24 november', AMBIGUOUS],
    ['24 nov 2026', FUTURE],
    ['25 des', AMBIGUOUS],
    ['5 okt', day('2026-10-05')],
    ['25 desember 2026', FUTURE],
    ['1 January 2025', day('2025-01-01')],
    ['3 March', day('2026-03-03')],
    ['20 mei 2024', day('2024-05-20', true)],
    ['23 november 2024', day('2024-11-23')],
    ['22 november 2024', day('2024-11-22', true)],
    ['31 februari', INVALID],
    ['30 feb 2024', INVALID],
    ['29 feb 2024', day('2024-02-29', true)],
    ['29 februari', INVALID],
    ['32 januari', INVALID],
    ['Januari 2026', month('2026-01-01')],
    ['januari', month('2026-01-01')],
    ['bulan januari', month('2026-01-01')],
    ['jan 2026', month('2026-01-01')],
    ['jan', month('2026-01-01')],
    // This month's name alone: this month, or last year's? Asked.
    ['november', AMBIGUOUS],
    ['bulan lima', month('2026-05-01')],
    ['akhir 2025', month('2025-12-01')],
    ['desember', month('2025-12-01')],
    ['desember 2026', FUTURE],
    ['Januari 2024', month('2024-01-01', true)],
    ['november 2024', month('2024-11-01')],
    ['mei 1899', INVALID],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: numeric dates (day first)', () => {
  it.each<[string, DateParse]>([
    ['12/1/2026', day('2026-01-12')],
    ['12/01/2026', day('2026-01-12')],
    ['12-01-26', day('2026-01-12')],
    ['12-1-2026', day('2026-01-12')],
    ['12.1.2026', day('2026-01-12')],
    ['12.01.26', day('2026-01-12')],
    ['2026-01-12', day('2026-01-12')],
    ['2026/1/12', day('2026-01-12')],
    ['tanggal 12/1/2026', day('2026-01-12')],
    ['tgl 12/1/2026 pak', day('2026-01-12')],
    ['23/11/2026', day('2026-11-23')],
    ['24/11/2026', FUTURE],
    ['1/1/2027', FUTURE],
    ['1/1/27', FUTURE],
    ['31/2/2026', INVALID],
    ['31/4/2026', INVALID],
    ['29/2/2025', INVALID],
    ['29/2/2024', day('2024-02-29', true)],
    ['1/13/2026', INVALID],
    ['0/1/2026', INVALID],
    ['2026-13-01', INVALID],
    ['1/1/99', day('1999-01-01', true)],
    ['12/1', day('2026-01-12')],
    ['25/11', AMBIGUOUS],
    ['31/4', INVALID],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: day of month', () => {
  it.each<[string, DateParse]>([
    ['tanggal 12', day('2026-11-12')],
    ['tgl 12', day('2026-11-12')],
    ['tanggal 23', day('2026-11-23')],
    ['tanggal 25', day('2026-10-25')],
    ['tanggal 31', day('2026-10-31')],
    ['tanggal 31 bulan ini', INVALID],
    ['tanggal 5 bulan lalu', day('2026-10-05')],
    ['tanggal 31 bulan lalu', day('2026-10-31')],
    ['tanggal 5 bulan ini', day('2026-11-05')],
    ['tanggal 30 bulan ini', FUTURE],
    ['tanggal dua', day('2026-11-02')],
    ['sekitar tanggal 12 pak', day('2026-11-12')],
    ['12', day('2026-11-12')],
    ['30', day('2026-10-30')],
    ['0', INVALID],
    ['tanggal 45', INVALID],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: not dates', () => {
  it.each([
    '',
    '   ',
    'ya',
    '👍',
    '?',
    'hari',
    'tahun',
    'tahun ini',
    'sekian',
    '123456',
    '0812-3456-7890',
    'Rp 50.000',
    '<script>alert(1)</script>',
    '1; DROP TABLE complaints; --',
    'saya tinggal di jalan A Yani km 5',
  ])('%j → unparsed', (text) => {
    expect(parseIncidentDate(text, NOW)).toEqual(UNPARSED);
  });
});

describe('parseIncidentDate: the citizen does not know', () => {
  it.each([
    'lupa',
    'tidak tahu',
    'sudah lama',
    'lupa pak, sudah lama',
    'kada ingat ulun',
    'bahari',
    'sudah lawas',
    'lawas',
  ])('%j → unknown (nothing is stored for it)', (text) => {
    expect(parseIncidentDate(text, NOW)).toEqual(UNKNOWN);
  });
});

describe('parseIncidentDate: named days, ongoing problems, the future', () => {
  it.each<[string, DateParse]>([
    ['pas tahun baru kmrn', day('2026-01-01')],
    ['malam tahun baru', day('2025-12-31')],
    ['pas tujuhbelasan', day('2026-08-17')],
    ['sejak lebaran', since(week('2026-03-20'))],
    ['pas hari raya', week('2026-03-20')],
    ['kamarin sanja', day('2026-11-22')],
    ['dari pertengahan bulan lalu', since(week('2026-10-11'))],
    ['dari awal bulan ini', since(week('2026-11-01'))],
    ['tiap hari sejak Sanayan', since(day('2026-11-23'))],
    ['wayah ini pak, dari tadi subuh masih mati lampu', since(day('2026-11-23'))],
    ['udh dua bulanan, dr bulan lima', since(month('2026-05-01'))],
    ['janjinya beres akhir 2025 tapi belum juga', since(month('2025-12-01'))],
    ['Samalam, pas ulun bulik matan gawian', day('2026-11-22')],
    ['lusa, ujar jadwal pemadaman', FUTURE],
    ['Rencananya bulan depan.', FUTURE],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: longer answers fall back to finding a date', () => {
  it.each<[string, DateParse]>([
    ['kejadiannya kemarin sore pak', day('2026-11-22')],
    ['waktu itu sekitar 3 bulan yang lalu', month('2026-08-01')],
    ['saya datang ke kantor tanggal 12 januari', day('2026-01-12')],
    ['kira-kira minggu lalu waktu saya urus KK', week('2026-11-16')],
  ])('%j', (text, expected) => {
    expect(parseIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('parseIncidentDate: WITA day boundaries', () => {
  it.each<[string, string, DateParse]>([
    // 01:00 WITA on 23 Nov is still 22 Nov in UTC.
    ['2026-11-22T17:00:00Z', 'hari ini', day('2026-11-23')],
    ['2026-11-22T17:00:00Z', 'kemarin', day('2026-11-22')],
    // 23:59 WITA on 22 Nov.
    ['2026-11-22T15:59:00Z', 'hari ini', day('2026-11-22')],
    ['2026-11-22T15:59:00Z', 'minggu', AMBIGUOUS],
    ['2026-11-22T15:59:00Z', 'sabtu', day('2026-11-21')],
    // 20:00 WITA: "tadi malam" is tonight.
    ['2026-11-23T12:00:00Z', 'tadi malam', day('2026-11-23')],
    // 1 March 2024 (leap year), 09:00 WITA.
    ['2024-03-01T01:00:00Z', 'kemarin', day('2024-02-29')],
    ['2024-03-01T01:00:00Z', 'tanggal 30', day('2024-01-30')],
    ['2024-03-01T01:00:00Z', 'bulan lalu', month('2024-02-01')],
    // 1 January 2027.
    ['2027-01-01T01:00:00Z', 'bulan lalu', month('2026-12-01')],
    ['2027-01-01T01:00:00Z', '25 desember', day('2026-12-25')],
    ['2027-01-01T01:00:00Z', 'minggu lalu', week('2026-12-21')],
  ])('now=%s %j', (now, text, expected) => {
    expect(parseIncidentDate(text, new Date(now))).toEqual(expected);
  });
});

describe('findIncidentDate', () => {
  it.each<[string, DateParse | null]>([
    ['ktp saya belum jadi sejak 3 bulan lalu di disdukcapil', since(month('2026-08-01'))],
    ['KTP sy blm jadi udh 3 bln, padahal dijanjikan 2 minggu', since(month('2026-08-01'))],
    ['jalan depan rumah rusak sejak januari', since(month('2026-01-01'))],
    ['tanggal 12/1/2026 saya ke puskesmas tapi ditolak', day('2026-01-12')],
    ['tanggal 12 januari 20 orang antri dari subuh', day('2026-01-12')],
    ['sejak 5 mei 2025 jalan ini rusak', since(day('2025-05-05'))],
    ['Kemarin sore lampu PJU mati total di jl. Ahmad Yani km 5', day('2026-11-22')],
    ['tadi pagi petugas minta uang 50.000 untuk KK', day('2026-11-23')],
    ['hari senin kemarin saya antri dari subuh', day('2026-11-16')],
    ['sudah 2 minggu air PDAM tidak mengalir', since(week('2026-11-09'))],
    ['sampai hari ini ktp belum jadi padahal urus 3 bulan lalu', since(month('2026-08-01'))],
    ['sejak 12 agustus 2025 sertifikat tanah belum selesai', since(day('2025-08-12'))],
    ['saya urus akta kelahiran bulan lalu, dijanjikan selesai 12 desember 2026', month('2026-10-01')],
    ['dijanjikan jadi tanggal 12 desember 2026', FUTURE],
    ['kejadiannya 31/2/2026', INVALID],
    ['ulun sudah lawas menunggu, sejak samalam banyu kadada', since(day('2026-11-22'))],
    ['ktp saya belum jadi', null],
    ['petugas minta uang 150.000 dan nomor saya 0812-3456-7890', null],
    ['nik 6371012345670001', null],
    ['besok saya ke kantor lagi', null],
    ['setiap minggu sampah tidak diangkut', null],
    ['jam 10.30 kantor masih tutup', null],
    ['', null],
    ['👍', null],
  ])('%j', (text, expected) => {
    expect(findIncidentDate(text, NOW)).toEqual(expected);
  });
});

describe('dates robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const inputs = [
      '1'.repeat(10_000),
      '1/'.repeat(5_000),
      '12-'.repeat(3_333),
      'hari '.repeat(2_000),
      'dua puluh '.repeat(1_000),
      'tanggal '.repeat(1_250),
      'kemarin lusa '.repeat(800),
      'a'.repeat(10_000),
      `${'sejak '.repeat(1_600)}3 bulan lalu`,
    ];
    const started = performance.now();
    for (const text of inputs) {
      parseIncidentDate(text, NOW);
      findIncidentDate(text, NOW);
    }
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('finds a date at the end of a long story', () => {
    expect(findIncidentDate(`${'ktp saya belum jadi '.repeat(400)}sejak 3 bulan lalu`, NOW)).toEqual(
      since(month('2026-08-01')),
    );
  });

  it('never throws; ok dates are real YYYY-MM-DD days not after today (property)', () => {
    const parts = fc.constantFrom(
      'hari',
      'ini',
      'kemarin',
      'lalu',
      'yang',
      'minggu',
      'bulan',
      'tahun',
      'tanggal',
      'senin',
      'januari',
      'jan',
      'awal',
      'akhir',
      'dua',
      'puluh',
      'belas',
      'se',
      '12',
      '31',
      '2026',
      '26',
      '/',
      '-',
      '.',
      ' ',
      'sejak',
      'sudah',
    );
    const nows = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2090-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(parts).map((a) => a.join('')),
        ),
        nows,
        (s, now) => {
          for (const result of [parseIncidentDate(s, now), findIncidentDate(s, now)]) {
            if (result?.ok) {
              const { date } = result.value;
              expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
              expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
              const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
              expect(date <= today).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
