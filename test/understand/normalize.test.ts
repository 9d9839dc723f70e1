// Normalization of chat Indonesian and Banjar: abbreviations, repeated letters, spelling variants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, tokens } from '../../src/understand/normalize.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

describe('normalize: unicode, case, whitespace', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['\n\t  \r\n', ''],
    ['Halo  Pak', 'halo pak'],
    ['HALO\u00A0PAK', 'halo pak'],
    ['halo\u200Bpak', 'halopak'],
    ['ha\u200Dlo \u2060pak\uFEFF', 'halo pak'],
    ['\u2800', ''],
    ['ＫＴＰ　saya', 'ktp saya'],
    ['ｓａｙａ １２', 'saya 12'],
    ['Café résumé', 'cafe resume'],
    ['İstanbul', 'istanbul'],
    ['  banyak     spasi\n\nbaris   ', 'banyak spasi baris'],
    ['\u202Ebalik\u202C', 'balik'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: stretched letters', () => {
  it.each([
    ['tolonggg', 'tolong'],
    ['tolooonggg', 'tolong'],
    ['bangettt', 'banget'],
    ['pakkkk', 'pak'],
    ['lamaaaa sekaliii', 'lama sekali'],
    ['saat', 'saat'],
    ['maaf', 'maaf'],
    ['sapi', 'sapi'],
    ['tiga', 'tiga'],
    ['sahabat', 'sahabat'],
    ['Tolonggg bangettt!!!', 'tolong banget'],
    ['1000', '1000'],
    ['rp 2.000.000', 'rp 2.000.000'],
    ['anak2', 'anak-anak'],
    ['hati2 di jalan', 'hati-hati di jalan'],
    ['ke2', 'ke2'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: punctuation and number separators', () => {
  it.each([
    ['Halo, pak! Apa kabar?', 'halo pak apa kabar'],
    ['tanggal 12/1/2026.', 'tanggal 12/1/2026'],
    ['12-01-26', '12-01-26'],
    ['12.1.2026', '12.1.2026'],
    ['2026-01-12', '2026-01-12'],
    ['jam 10:30 WITA', 'jam 10:30 wita'],
    ['0812-3456-7890', '0812-3456-7890'],
    ['+62 812-3456-7890', '+62 812-3456-7890'],
    ['(0511) 3252 123', '0511 3252 123'],
    ['Rp.50.000,-', 'rp 50.000'],
    ['1,5 juta', '1,5 juta'],
    ["jum'at", 'jumat'],
    ['jum’at kemarin', 'jumat kemarin'],
    ['ADU-2611-4K7Q', 'adu-2611-4k7q'],
    ['kupu-kupu', 'kupu-kupu'],
    ['- daftar -', 'daftar'],
    ['a/b', 'a b'],
    ['<script>alert(1)</script>', 'script alert 1 script'],
    ["'; DROP TABLE users; --", 'drop table users'],
    ['email@contoh.com', 'email contoh com'],
    ['#darurat @polres', 'darurat polres'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: emoji', () => {
  it.each([
    ['👍', '👍'],
    ['👍🏽', '👍'],
    ['ok👍', 'oke 👍'],
    ['😡😡', '😡 😡'],
    ['✔️', '✔'],
    ['1️⃣', '1'],
    ['🔥🔥 tolong', '🔥 🔥 tolong'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: chat abbreviations', () => {
  it.each([
    ['yg', 'yang'],
    ['gk', 'tidak'],
    ['ga', 'tidak'],
    ['gak', 'tidak'],
    ['gakkk', 'tidak'],
    ['nggak', 'tidak'],
    ['tdk', 'tidak'],
    ['udh', 'sudah'],
    ['udah', 'sudah'],
    ['sdh', 'sudah'],
    ['blm', 'belum'],
    ['sy', 'saya'],
    ['aq', 'saya'],
    ['aku', 'saya'],
    ['saya', 'saya'],
    ['krn', 'karena'],
    ['karna', 'karena'],
    ['dgn', 'dengan'],
    ['bgt', 'banget'],
    ['tlg', 'tolong'],
    ['mksh', 'terima kasih'],
    ['makasih', 'terima kasih'],
    ['trims', 'terima kasih'],
    ['jln', 'jalan'],
    ['jl', 'jalan'],
    ['kmrn', 'kemarin'],
    ['kmren', 'kemarin'],
    ['kemaren', 'kemarin'],
    ['skrg', 'sekarang'],
    ['skg', 'sekarang'],
    ['bs', 'bisa'],
    ['bsa', 'bisa'],
    ['gmn', 'bagaimana'],
    ['gimana', 'bagaimana'],
    ['knp', 'kenapa'],
    ['tp', 'tapi'],
    ['tpi', 'tapi'],
    ['sm', 'sama'],
    ['dr', 'dari'],
    ['dlm', 'dalam'],
    ['utk', 'untuk'],
    ['kpd', 'kepada'],
    ['lg', 'lagi'],
    ['aja', 'saja'],
    ['sj', 'saja'],
    ['org', 'orang'],
    ['hr', 'hari'],
    ['bln', 'bulan'],
    ['thn', 'tahun'],
    ['jam', 'jam'],
    ['pdhl', 'padahal'],
    ['mau', 'mau'],
    ['mo', 'mau'],
    ['pengen', 'ingin'],
    ['pgn', 'ingin'],
    ['kalo', 'kalau'],
    ['klo', 'kalau'],
    ['emg', 'memang'],
    ['bnr', 'benar'],
    ['ok', 'oke'],
    ['oke', 'oke'],
    ['dll', 'dan lain-lain'],
    ['tgl', 'tanggal'],
    ['gpp', 'tidak apa-apa'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: Banjar', () => {
  it.each([
    ['ulun', 'saya'],
    ['pian', 'anda'],
    ['kada', 'tidak'],
    ['handak', 'mau'],
    ['sudah lawas', 'sudah lama'],
    ['lawas', 'lama'],
    ['banar', 'benar'],
    ['kaya apa', 'bagaimana'],
    ['kayapa', 'bagaimana'],
    ['napa', 'apa'],
    ['dimapa', 'bagaimana'],
    ['wayah ini', 'sekarang'],
    ['samalam', 'kemarin'],
    ['tadi', 'tadi'],
    ['bubuhan', 'mereka'],
    ['kadada', 'tidak ada'],
    ['inggih', 'iya'],
    ['dangsanak', 'saudara'],
    ['larang', 'mahal'],
    ['banyu', 'air'],
    ['jalan', 'jalan'],
    ['rumah sakit', 'rumah sakit'],
    ['ampun', 'punya'],
    ['baisi', 'punya'],
    ['tulak', 'pergi'],
    ['datang', 'datang'],
    ['bulik', 'pulang'],
    ['jua', 'juga'],
    ['haja', 'saja'],
    ['nang', 'yang'],
    ['lawan', 'dengan'],
    ['gawian', 'pekerjaan'],
    ['garing', 'sakit'],
    ['ulun garing pang', 'saya sakit'],
    ['bisa kah', 'bisa'],
    ['ulun handak melapor, banyu PDAM kadada sudah lawas', 'saya mau melapor air pdam tidak ada sudah lama'],
    ['jalan di kampung ulun rusak banar, kaya apa pian?', 'jalan di kampung saya rusak benar bagaimana anda'],
    ['Ulun kada tahu handak ka mana', 'saya tidak tahu mau ka mana'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('normalize: real messages', () => {
  it.each([
    ['Pak, KTP sy blm jadi2 udh 3 bln!!!', 'pak ktp saya belum jadi-jadi sudah 3 bulan'],
    ['tlg dong min, jln depan rmh rusak parahhh', 'tolong dong min jalan depan rumah rusak parah'],
    ['Assalamualaikum... mau lapor yg PDAM gk ngalir', 'assalamualaikum mau lapor yang pdam tidak ngalir'],
    ['kmrn sy ke puskesmas tp gk dilayani', 'kemarin saya ke puskesmas tapi tidak dilayani'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('tokens', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['🙂', ['🙂']],
    ['ulun kada handak', ['saya', 'tidak', 'mau']],
    ['mksh ya', ['terima', 'kasih', 'ya']],
    ['dll', ['dan', 'lain-lain']],
    ['tgl 12/1/2026', ['tanggal', '12/1/2026']],
  ])('%j → %j', (input, expected) => {
    expect(tokens(input)).toEqual(expected);
  });

  it('never yields empty words', () => {
    expect(tokens('  a  ,, b ;; pang  ').every((w) => w !== '')).toBe(true);
  });
});

describe('normalize: robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const inputs = [
      'a'.repeat(10_000),
      'ab'.repeat(5_000),
      '1/'.repeat(5_000),
      '-'.repeat(10_000),
      'tolong '.repeat(1_500),
      '😡'.repeat(5_000),
      '\u200B'.repeat(10_000),
      `${'x'.repeat(9_999)}!`,
    ];
    const started = performance.now();
    for (const input of inputs) normalize(input);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is idempotent on typical text', () => {
    const text = 'Ulun kada handak!!! tolonggg, KTP blm jadi 12/1/2026 👍🏽';
    expect(normalize(normalize(text))).toBe(normalize(text));
  });

  it('never throws and returns trimmed single-spaced lowercase text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'grapheme' }), fc.string()), (s) => {
        const out = normalize(s);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s{2,}/);
        expect(tokens(s).every((w) => w !== '')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
