// Numbered and worded choices typed back: labels, numbers, ordinals, other forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levenshtein, parseChoice } from '../../src/understand/choice.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

type Identity = 'biasa' | 'rahasia' | 'anonim';
const identity: { id: Identity; words: string[] }[] = [
  { id: 'biasa', words: ['biasa', 'normal', 'terbuka'] },
  { id: 'rahasia', words: ['rahasia', 'dirahasiakan', 'confidential'] },
  { id: 'anonim', words: ['anonim', 'anonymous', 'tanpa nama'] },
];

const REGIONS = [
  { id: '63.71', words: ['Kota Banjarmasin', 'Banjarmasin', 'Bjm'] },
  { id: '63.03', words: ['Kabupaten Banjar', 'Banjar', 'Martapura'] },
  { id: '63.72', words: ['Kota Banjarbaru', 'Banjarbaru', 'BJB'] },
];

const CATEGORIES = [
  { id: 'adminduk', words: ['adminduk', 'ktp', 'kartu keluarga', 'akta'] },
  { id: 'air_minum', words: ['pdam', 'air bersih'] },
  { id: 'infrastruktur', words: ['jalan rusak', 'jembatan', 'drainase'] },
  { id: 'kesehatan', words: ['puskesmas', 'rumah sakit', 'rsud'] },
];

const YES_NO = [
  { id: 'yes', words: ['ya', 'setuju', 'benar', 'ya batalkan'] },
  { id: 'no', words: ['tidak', 'tidak setuju', 'bukan', 'tolak'] },
];

describe('parseChoice: by number and ordinal', () => {
  it.each([
    ['1', 'biasa'],
    ['2', 'rahasia'],
    ['3', 'anonim'],
    ['2.', 'rahasia'],
    ['2)', 'rahasia'],
    ['(3)', 'anonim'],
    [' 1 ', 'biasa'],
    ['1️⃣', 'biasa'],
    ['２', 'rahasia'],
    ['no 2', 'rahasia'],
    ['no. 2', 'rahasia'],
    ['nomor 2', 'rahasia'],
    ['nomer 3', 'anonim'],
    ['pilih 2', 'rahasia'],
    ['saya pilih nomor 3 pak', 'anonim'],
    ['yang 1 saja', 'biasa'],
    ['opsi 2', 'rahasia'],
    ['ke-2', 'rahasia'],
    ['yang kedua', 'rahasia'],
    ['kedua', 'rahasia'],
    ['pertama', 'biasa'],
    ['yang pertama', 'biasa'],
    ['ketiga', 'anonim'],
    ['yg ketiga aja', 'anonim'],
    ['dua', 'rahasia'],
    ['nomor tiga', 'anonim'],
    ['terakhir', 'anonim'],
    ['yang terakhir', 'anonim'],
  ])('%j → %s', (text, expected) => {
    expect(parseChoice(text, identity)).toBe(expected);
  });

  it.each(['0', '4', '10', 'keempat', '1 2', '1.5'])('%j is out of range or unclear', (text) => {
    expect(parseChoice(text, identity)).toBeNull();
  });
});

describe('parseChoice: by words and id', () => {
  it.each([
    ['biasa', 'biasa'],
    ['Biasa', 'biasa'],
    ['BIASA!', 'biasa'],
    ['rahasia', 'rahasia'],
    ['dirahasiakan', 'rahasia'],
    ['dirahasiakan saja pak', 'rahasia'],
    ['tolong dirahasiakan identitas saya', 'rahasia'],
    ['anonim', 'anonim'],
    ['tanpa nama', 'anonim'],
    ['tanpa nama saja', 'anonim'],
    ['saya mau anonim', 'anonim'],
    ['anonymous', 'anonim'],
    ['confidential please', 'rahasia'],
    ['rahasiaaa', 'rahasia'],
    ['rahsia', 'rahasia'],
    ['anonym', 'anonim'],
    ['anomim', 'anonim'],
    ['terbukaa', 'biasa'],
  ])('%j → %s', (text, expected) => {
    expect(parseChoice(text, identity)).toBe(expected);
  });

  it.each([
    ['banjarmasin', '63.71'],
    ['Kota Banjarmasin', '63.71'],
    ['bjm', '63.71'],
    ['BJB', '63.72'],
    ['banjarbaru', '63.72'],
    ['banjar', '63.03'],
    ['martapura', '63.03'],
    ['kab banjar', '63.03'],
    ['di martapura pak', '63.03'],
    ['banjarmasn', '63.71'],
    ['banjarbar', '63.72'],
    ['63.71', '63.71'],
    ['1', '63.71'],
  ])('region %j → %s', (text, expected) => {
    expect(parseChoice(text, REGIONS)).toBe(expected);
  });

  it.each([
    ['air_minum', 'air_minum'],
    ['air minum', 'air_minum'],
    ['PDAM mati', 'air_minum'],
    ['soal ktp saya', 'adminduk'],
    ['kartu keluarga', 'adminduk'],
    ['jalan rusak parah', 'infrastruktur'],
    ['puskesmas', 'kesehatan'],
    ['puskesmass', 'kesehatan'],
    ['puskesma', 'kesehatan'],
    ['rumah sakit', 'kesehatan'],
    ['infrastruktur', 'infrastruktur'],
    ['infrastuktur', 'infrastruktur'],
  ])('category %j → %s', (text, expected) => {
    expect(parseChoice(text, CATEGORIES)).toBe(expected);
  });

  it.each([
    ['ya', 'yes'],
    ['setuju', 'yes'],
    ['tidak setuju', 'no'],
    ['saya tidak setuju', 'no'],
    ['ya, batalkan', 'yes'],
    ['ya batalkan saja', 'yes'],
    ['tidak', 'no'],
    ['bukan', 'no'],
    ['1', 'yes'],
    ['2', 'no'],
  ])('yes/no list %j → %s', (text, expected) => {
    expect(parseChoice(text, YES_NO)).toBe(expected);
  });
});

describe('parseChoice: none or several', () => {
  it.each([
    '',
    '   ',
    '?',
    '👍',
    'entahlah',
    'saya bingung',
    'biasa atau rahasia',
    'bukan rahasia tapi biasa',
    'kamu',
    'anu',
    'rahasai',
    '<script>alert(1)</script>',
    "1' OR '1'='1",
    'rahasia'.repeat(2_000),
  ])('%j → null', (text) => {
    expect(parseChoice(text, identity)).toBeNull();
  });

  it('is null with no options', () => {
    expect(parseChoice('1', [])).toBeNull();
  });

  it('does not confuse short words with one typo', () => {
    expect(parseChoice('ktm', CATEGORIES)).toBeNull();
    expect(parseChoice('bjn', REGIONS)).toBeNull();
  });

  it('prefers an exact word over a one-typo neighbour', () => {
    const options = [
      { id: 'banjir', words: ['banjir'] },
      { id: 'banjar', words: ['banjar'] },
    ];
    expect(parseChoice('banjar', options)).toBe('banjar');
    expect(parseChoice('banjir', options)).toBe('banjir');
    expect(parseChoice('banjor', options)).toBeNull();
  });

  it('keeps the literal id type', () => {
    const picked: Identity | null = parseChoice('2', identity);
    expect(picked).toBe('rahasia');
  });
});

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['rahasia', 'rahsia', 1],
    ['rahasia', 'rahasai', 2],
    ['kitten', 'sitting', 3],
    ['banjar', 'banjir', 1],
    ['puskesmas', 'puskesma', 1],
    ['😀a', '😀b', 1],
    ['😀', '😁', 1],
  ])('%j ↔ %j = %d', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});

describe('choice robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const started = performance.now();
    for (const text of [
      'a'.repeat(10_000),
      'rahasi '.repeat(1_400),
      '1 '.repeat(5_000),
      'tanpa '.repeat(1_600),
    ]) {
      parseChoice(text, identity);
      parseChoice(text, CATEGORIES);
    }
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('never throws; a pick is always one of the ids (property)', () => {
    const words = fc.constantFrom(
      '1',
      '2',
      'nomor',
      'yang',
      'kedua',
      'rahasia',
      'biasa',
      'anonim',
      'tanpa',
      'nama',
      'rahsia',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(words).map((a) => a.join(' ')),
        ),
        (s) => {
          const picked = parseChoice(s, identity);
          if (picked !== null) expect(['biasa', 'rahasia', 'anonim']).toContain(picked);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('levenshtein is a metric on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = levenshtein(a, b);
        expect(d).toBe(levenshtein(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
      }),
    );
  });
});
