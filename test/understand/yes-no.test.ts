// Yes and no in every common form, Indonesian and Banjar, and what is neither.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlready, parseYesNo } from '../../src/understand/yes-no.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

describe('parseYesNo: yes', () => {
  it.each([
    'ya',
    'Ya',
    'YA',
    'iya',
    'iyaa',
    'iyaaaa',
    'y',
    'Y.',
    'yoi',
    'yups',
    'yup',
    'betul',
    'benar',
    'bener',
    'bnr',
    'ok',
    'OK!',
    'oke',
    'okay',
    'okey',
    'okee',
    'sip',
    'sipp',
    'siap',
    'siap pak',
    'boleh',
    'boleh bu',
    'tentu',
    'tentu saja',
    'setuju',
    'saya setuju',
    'sangat setuju',
    'mau',
    'saya mau',
    'lanjut',
    'inggih',
    'inggih pak',
    'ayo',
    'gas',
    'gasss',
    'yes',
    'ya pak',
    'iya bu',
    'ok siap',
    'ya betul',
    'iya benar sekali',
    'betul sekali pak',
    'ya ya ya',
    'ok makasih',
    'iya terima kasih',
    'oke min 🙏',
    'iya 😊',
    '👍',
    '👍🏽',
    '👍👍',
    '✅',
    '👌',
    'ya 👍',
    'tidak apa-apa',
    'gpp',
    'tidak masalah',
    'gak masalah',
    'ndak apa apa',
    'ya sudah',
    'sudah',
    'silakan',
    'bisa',
    'au',
    'iya, tapi nomor saya ganti',
  ])('%j → yes', (text) => {
    expect(parseYesNo(text)).toBe('yes');
  });
});

describe('parseYesNo: no', () => {
  it.each([
    'tidak',
    'Tidak.',
    'TIDAK!!!',
    'tdk',
    'gak',
    'ga',
    'gk',
    'nggak',
    'enggak',
    'engga',
    'ndak',
    'kada',
    'bukan',
    'belum',
    'blm',
    'no',
    'nope',
    'n',
    'jangan',
    'tidak mau',
    'gak mau',
    'kada handak',
    'ogah',
    'tolak',
    'tidak setuju',
    'saya tidak setuju',
    'tidak pak',
    'gak bu',
    'tidak usah',
    'ga usah pak',
    'tidak perlu',
    'jangan lanjut',
    'belum pernah',
    'tidak pernah',
    'tidak, terima kasih',
    'gak deh',
    'salah',
    'bukan itu',
    '❌',
    '👎',
    '🙅',
    'tidak 👎',
    'tidak, tapi nanti saya kabari',
  ])('%j → no', (text) => {
    expect(parseYesNo(text)).toBe('no');
  });
});

describe('parseYesNo: neither', () => {
  it.each([
    '',
    '   ',
    '?',
    '...',
    '🙏',
    '😂😂',
    'ya tidak',
    'iya gak',
    'mungkin',
    'tidak tahu',
    'gak tau',
    'entahlah',
    'bagaimana ya',
    'pernah',
    'KTP saya belum jadi sudah 3 bulan',
    'ya saya mau lapor jalan rusak di depan rumah',
    'halo pak',
    'selamat pagi',
    '12',
    'ADU-2611-4K7Q',
    '<b>ya</b> OR 1=1',
    "'; DROP TABLE tickets; --",
    'ya'.repeat(5_000),
  ])('%j → null', (text) => {
    expect(parseYesNo(text)).toBeNull();
  });
});

describe('parseAlready', () => {
  it.each([
    ['sudah', 'yes'],
    ['udah', 'yes'],
    ['udh', 'yes'],
    ['sdh', 'yes'],
    ['sudahhh', 'yes'],
    ['pernah', 'yes'],
    ['sudah pernah', 'yes'],
    ['sempat', 'yes'],
    ['iya', 'yes'],
    ['sudah pak', 'yes'],
    ['sudah lapor', 'yes'],
    ['pernah ke sana', 'yes'],
    ['sudah, tapi tidak ditanggapi', 'yes'],
    ['sudah ke kantor camat 3 kali', 'yes'],
    ['udah tp gk ada hasil', 'yes'],
    ['belum', 'no'],
    ['blm', 'no'],
    ['belum pernah', 'no'],
    ['tidak pernah', 'no'],
    ['gak pernah', 'no'],
    ['kada pernah', 'no'],
    ['tidak', 'no'],
    ['belum pak', 'no'],
    ['belum lapor', 'no'],
    ['belum, baru sekarang', 'no'],
    ['belum sempat', 'no'],
  ])('%j → %s', (text, expected) => {
    expect(parseAlready(text)).toBe(expected);
  });

  it.each(['', 'mungkin', 'lupa', 'sudah belum', 'ya tidak', '🙏', 'saya tinggal di banjarmasin'])(
    '%j → null',
    (text) => {
      expect(parseAlready(text)).toBeNull();
    },
  );
});

describe('yes-no robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const started = performance.now();
    for (const text of [
      'a'.repeat(10_000),
      'tidak '.repeat(1_700),
      '👍'.repeat(5_000),
      'ya tapi '.repeat(1_200),
    ]) {
      parseYesNo(text);
      parseAlready(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never throws and returns yes, no or null (property)', () => {
    const words = fc.constantFrom(
      'ya',
      'tidak',
      'sudah',
      'belum',
      'pernah',
      'pak',
      'mau',
      'tapi',
      '👍',
      '❌',
      ' ',
      ',',
      'apa',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(words).map((a) => a.join(' ')),
        ),
        (s) => {
          expect([null, 'yes', 'no']).toContain(parseYesNo(s));
          expect([null, 'yes', 'no']).toContain(parseAlready(s));
        },
      ),
      { numRuns: 500 },
    );
  });
});
