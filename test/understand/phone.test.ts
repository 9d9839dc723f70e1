// Phone numbers as people type them, alone or inside a sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, parsePhone } from '../../src/understand/phone.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

describe('parsePhone: mobile', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['0812 3456 789', '+628123456789'],
    ['08123456789', '+628123456789'],
    ['0812345678', '+62812345678'],
    ['0812345678901', '+62812345678901'],
    ['6281234567890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62 (0)812-3456-7890', '+6281234567890'],
    ['+62 0812 3456 7890', '+6281234567890'],
    ['0062 812 3456 7890', '+6281234567890'],
    ['8123456789', '+628123456789'],
    ['812-3456-7890', '+6281234567890'],
    ['0852 4712 3456', '+6285247123456'],
    ['0878-1234-5678', '+6287812345678'],
    ['0895 1234 5678', '+6289512345678'],
    ['  0812\u00A03456\u00A07890  ', '+6281234567890'],
    ['0812\u200B34567890', '+6281234567890'],
    ['０８１２３４５６７８９０', '+6281234567890'],
    ['0812–3456–7890', '+6281234567890'],
  ])('%j → %s', (text, e164) => {
    expect(parsePhone(text)).toEqual({ ok: true, e164 });
  });
});

describe('parsePhone: landline', () => {
  it.each([
    ['(0511) 3252123', '+625113252123'],
    ['(0511) 325 2123', '+625113252123'],
    ['0511-3252123', '+625113252123'],
    ['0511 3252 123', '+625113252123'],
    ['+62 511 3252123', '+625113252123'],
    ['021-1234-5678', '+622112345678'],
    ['(021) 500 454', '+6221500454'],
    ['0518 21234', '+6251821234'],
    ['0512/21234', '+6251221234'],
  ])('%j → %s', (text, e164) => {
    expect(parsePhone(text)).toEqual({ ok: true, e164 });
  });
});

describe('parsePhone: invalid', () => {
  it.each([
    '',
    '   ',
    '0812',
    '08123',
    '081234567',
    '08123456789012',
    '081234567890123',
    '5113252123',
    '112',
    '110',
    '0800 123 4567',
    '0812-3456-789a',
    '0812 3456 xxxx',
    '(0511) 3252 xxx',
    'nomor saya 081234567890',
    '+1 415 555 0100',
    '+44 20 7946 0958',
    '++6281234567890',
    '62',
    '+62',
    '0',
    '00812345678',
    '08O1234567890',
    '👍',
    'tidak punya hp',
    '<script>081234567890</script>',
    "081234567890'; DROP TABLE users; --",
    '6371011201900001',
  ])('%j → not ok', (text) => {
    expect(parsePhone(text)).toEqual({ ok: false });
  });
});

describe('maskPhone', () => {
  it.each([
    ['+6281234567890', '+62812****7890'],
    ['+628123456789', '+62812****6789'],
    ['+62812345678901', '+62812****8901'],
    ['+625113252123', '+62511****2123'],
    ['+6251821234', '+62518****34'],
    ['+6221500454', '+62215****54'],
    ['+62812', '+62***'],
    ['', ''],
  ])('%j → %j', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it('never shows the middle digits', () => {
    expect(maskPhone('+6281234567890')).not.toContain('3456');
  });
});

describe('phone robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const started = performance.now();
    for (const text of [
      '0'.repeat(10_000),
      '+62'.repeat(3_333),
      '0812 '.repeat(2_000),
      '('.repeat(10_000),
      'a'.repeat(10_000),
    ]) {
      parsePhone(text);
      maskPhone(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never throws; ok numbers are +62 and 9–13 national digits (property)', () => {
    const typed = fc.string({
      unit: fc.constantFrom('0', '1', '2', '5', '6', '8', '9', '+', ' ', '-', '(', ')', '.'),
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.oneof(anyText, typed), (s) => {
        const result = parsePhone(s);
        if (result.ok) {
          expect(result.e164).toMatch(/^\+62[1-9][0-9]{6,11}$/);
          expect(maskPhone(result.e164)).toContain('****');
        }
      }),
      { numRuns: 500 },
    );
  });
});
