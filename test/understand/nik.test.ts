// NIK: the 16 digits, the region and birth date they encode, masking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NikResult, findNik, maskNik, parseNik } from '../../src/understand/nik.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

/** Monday 23 November 2026, 10:00 WITA. */
const NOW = new Date('2026-11-23T02:00:00Z');

describe('parseNik: valid', () => {
  it.each<[string, Partial<Extract<NikResult, { ok: true }>>]>([
    [
      '6371011201900001',
      {
        nik: '6371011201900001',
        provinceCode: '63',
        regencyCode: '63.71',
        districtCode: '63.71.01',
        birthDate: '1990-01-12',
        sex: 'L',
        inKalsel: true,
      },
    ],
    ['6371015201900002', { birthDate: '1990-01-12', sex: 'P' }],
    [
      '6303024101850003',
      { birthDate: '1985-01-01', sex: 'P', regencyCode: '63.03', districtCode: '63.03.02' },
    ],
    ['6372037112990004', { birthDate: '1999-12-31', sex: 'P' }],
    ['6301013112990004', { birthDate: '1999-12-31', sex: 'L', regencyCode: '63.01' }],
    ['6371010101050003', { birthDate: '2005-01-01' }],
    ['6371010101260003', { birthDate: '2026-01-01' }],
    ['6371012311260003', { birthDate: '2026-11-23' }],
    ['6371012411260003', { birthDate: '1926-11-24' }],
    ['6371016311260003', { birthDate: '2026-11-23', sex: 'P' }],
    ['6371010101300003', { birthDate: '1930-01-01' }],
    ['6371012902000003', { birthDate: '2000-02-29' }],
    ['6371012902960003', { birthDate: '1996-02-29' }],
    ['3171011201900001', { provinceCode: '31', regencyCode: '31.71', inKalsel: false }],
    ['6471011201900001', { provinceCode: '64', inKalsel: false }],
    ['9601011201900001', { provinceCode: '96', inKalsel: false }],
    ['1101011201900001', { provinceCode: '11' }],
  ])('%s', (text, expected) => {
    const result = parseNik(text, NOW);
    expect(result.ok).toBe(true);
    expect(result).toMatchObject(expected);
  });

  it.each([
    '6371 0112 0190 0001',
    '6371-0112-0190-0001',
    '6371.011201.900001',
    '63.71.01.120190.0001',
    ' 6371011201900001 ',
    '6371\u00A00112\u00A00190\u00A00001',
    '6371\u200B011201900001',
    '\uFEFF6371011201900001\n',
    '６３７１０１１２０１９００００１',
    'NIK: 6371011201900001',
    'nik saya 6371 0112 0190 0001 pak',
    '<script>6371011201900001</script>',
    "6371011201900001' OR '1'='1",
  ])('accepts formatting %j', (text) => {
    expect(parseNik(text, NOW)).toMatchObject({ ok: true, nik: '6371011201900001' });
  });
});

describe('parseNik: invalid', () => {
  it.each<[string, string]>([
    ['', 'length'],
    ['   ', 'length'],
    ['6371', 'length'],
    ['637101120190000', 'length'],
    ['63710112019000011', 'length'],
    ['6371 0112 0190 00012', 'length'],
    ['6371O11201900001', 'not_digits'],
    ['abcdefghijklmnop', 'not_digits'],
    ['tidak punya', 'not_digits'],
    ['👍', 'not_digits'],
    ['<script>alert(1)</script>', 'not_digits'],
    ["' OR '1'='1", 'not_digits'],
    ['0071011201900001', 'region'],
    ['9971011201900001', 'region'],
    ['2071011201900001', 'region'],
    ['6300011201900001', 'region'],
    ['6371001201900001', 'region'],
    ['6371010001900001', 'birth_date'],
    ['6371013201900001', 'birth_date'],
    ['6371014001900001', 'birth_date'],
    ['6371017201900001', 'birth_date'],
    ['6371011200900001', 'birth_date'],
    ['6371011213900001', 'birth_date'],
    ['6371013104900001', 'birth_date'],
    ['6371013002900001', 'birth_date'],
    ['6371012902010001', 'birth_date'],
    ['6371016902010001', 'birth_date'],
    ['6371011201900000', 'sequence'],
  ])('%j → %s', (text, reason) => {
    expect(parseNik(text, NOW)).toEqual({ ok: false, reason });
  });
});

describe('maskNik', () => {
  it.each([
    ['6371011201900001', '6371**********01'],
    ['3171015201900123', '3171**********23'],
    ['6371 0112 0190 0001', '6371**********01'],
    ['12345678', '1234**78'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %j', (nik, masked) => {
    expect(maskNik(nik)).toBe(masked);
  });

  it('never shows the birth date', () => {
    expect(maskNik('6371015201900002')).not.toContain('520190');
  });
});

describe('findNik', () => {
  it.each<[string, string | null]>([
    ['nik saya 6371011201900001', '6371011201900001'],
    ['NIK: 6371 0112 0190 0001, hp 0812-3456-7890', '6371011201900001'],
    ['6371-0112-0190-0001', '6371011201900001'],
    ['6371.011201.900001 a.n. Budi', '6371011201900001'],
    ['nomor nik 6371011201900001 dan kk 6371010101200003', '6371011201900001'],
    ['6371011201900001 081234567890', '6371011201900001'],
    ['hp 081234567890 nik 6371011201900001', '6371011201900001'],
    ['12345678901234567890', null],
    ['637101120190000', null],
    ['nik saya lupa', null],
    ['6371  0112  0190  0001', null],
    ['', null],
    ['uang 1.000.000 dan 2.000.000', null],
  ])('%j → %j', (text, expected) => {
    expect(findNik(text)).toBe(expected);
  });
});

describe('nik robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const started = performance.now();
    for (const text of [
      '1'.repeat(10_000),
      '1 '.repeat(5_000),
      '12.'.repeat(3_333),
      'a'.repeat(10_000),
      '6371-'.repeat(2_000),
    ]) {
      parseNik(text, NOW);
      findNik(text);
      maskNik(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never throws; ok results are consistent (property)', () => {
    const digits = fc.string({
      unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '.', '-'),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.oneof(anyText, digits), (s) => {
        const result = parseNik(s, NOW);
        if (result.ok) {
          expect(result.nik).toMatch(/^[0-9]{16}$/);
          expect(result.birthDate <= '2026-11-23').toBe(true);
          expect(maskNik(result.nik)).toHaveLength(16);
        }
        const found = findNik(s);
        if (found !== null) expect(found).toMatch(/^[0-9]{16}$/);
      }),
      { numRuns: 500 },
    );
  });
});
