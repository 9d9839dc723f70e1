// Properties of maskFreeText (fast-check): a NIK, a phone number or the reporter's name written any of the ways citizens
// write them, anywhere among ordinary words and emoji, never survives; the numbers a complaint is about always do; a
// masked text stays as it is when masked again; and no text makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskFreeText } from '../../src/privacy/mask-free-text.js';

/** A fixed seed: the same cases on every run (a failure names its counterexample; change the seed to explore). */
const RUNS = { numRuns: 300, seed: 20261123 };

/** Words and emoji with no digit, no number word and nothing that introduces a name. */
const FILLER = [
  'jalan',
  'rusak',
  'parah',
  'di',
  'depan',
  'rumah',
  'kami',
  'pak',
  'mohon',
  'dibantu',
  'blm',
  'ada',
  'kabar',
  'sdh',
  'lapor',
  'kelurahan',
  'kada',
  'kawa',
  'lewat',
  'banyu',
  'PDAM',
  'mati',
  'lagi',
  '🙏',
  '😡',
  'tolong!!',
  'ya.',
  'gimana',
];
const filler = fc.array(fc.constantFrom(...FILLER), { maxLength: 8 }).map((w) => w.join(' '));

/** A text with `secret` somewhere among filler, separated by a space, punctuation or an emoji. */
const around = (secret: fc.Arbitrary<string>) =>
  fc
    .tuple(
      filler,
      fc.constantFrom(' ', ': ', ', ', ' 🙏', '\n'),
      secret,
      fc.constantFrom(' ', '. ', '🙏 ', '\n'),
      filler,
    )
    .map(([a, s1, x, s2, b]) => `${a}${s1}${x}${s2}${b}`);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A NIK as Dukcapil issues them: region, birth date (+40 for women), sequence. */
const nik = fc
  .record({
    province: fc.constantFrom(11, 12, 31, 32, 33, 35, 61, 62, 63, 64, 71, 73, 91),
    regency: fc.integer({ min: 1, max: 79 }),
    district: fc.integer({ min: 1, max: 40 }),
    day: fc.integer({ min: 1, max: 28 }),
    woman: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    sequence: fc.integer({ min: 1, max: 9999 }),
  })
  .map(
    (n) =>
      `${n.province}${pad(n.regency, 2)}${pad(n.district, 2)}${pad(n.day + (n.woman ? 40 : 0), 2)}` +
      `${pad(n.month, 2)}${pad(n.year, 2)}${pad(n.sequence, 4)}`,
  );

/** An Indonesian mobile number, national digits after the 0 (8xx…). */
const mobile = fc
  .tuple(
    fc.integer({ min: 11, max: 99 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 10 }),
  )
  .filter(([prefix]) => prefix % 10 !== 0 || prefix > 19)
  .map(([prefix, rest]) => `8${String(prefix)[1] === '0' ? '1' : String(prefix)[1]}${rest.join('')}`);

const WORDS_ID = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const WORDS_BANJAR = ['nol', 'asa', 'dua', 'talu', 'ampat', 'lima', 'anam', 'pitu', 'walu', 'sanga'];
const SEPARATORS = [' ', '.', '-', ' - ', '\u200b', '\u200d', '\u00a0', '\u00ad', '\u2009'];

const grouped = (digits: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(digits.slice(at, at + n));
    at += n;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.filter(Boolean).join(sep);
};
const fullWidth = (digits: string) =>
  [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
const inWords = (digits: string, words: string[], sep: string) =>
  [...digits].map((d) => words[Number(d)]).join(sep);

/** The ways citizens write a string of digits. */
const written = (digits: string, groups: number[][]) =>
  fc.oneof(
    fc.constant(digits),
    fc
      .tuple(fc.constantFrom(...groups), fc.constantFrom(...SEPARATORS))
      .map(([g, s]) => grouped(digits, g, s)),
    fc.constant(fullWidth(digits)),
    fc.constantFrom(' ', ', ').map((s) => inWords(digits, WORDS_ID, s)),
    fc.constant(inWords(digits, WORDS_BANJAR, ' ')),
    fc.constant([...digits].join(' ')),
  );

const NIK_GROUPS = [
  [4, 4, 4, 4],
  [6, 6, 4],
  [2, 2, 2, 6, 4],
];
const PHONE_GROUPS = [
  [4, 4],
  [3, 4],
  [4, 3, 3],
];

const NUMBER_WORDS = new Set([...WORDS_ID, ...WORDS_BANJAR]);
const leftovers = (out: string) => ({
  digits: out.normalize('NFKC').replace(/\D/g, ''),
  words: out
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => NUMBER_WORDS.has(w)),
});

describe('maskFreeText properties', () => {
  it('masks a NIK written in any of the usual ways, with or without a word that says what it is', () => {
    fc.assert(
      fc.property(
        nik.chain((n) => fc.tuple(fc.constant(n), around(written(n, NIK_GROUPS)))),
        fc.constantFrom('', 'NIK ', 'nik sy ', 'no ktp: ', 'KK '),
        ([, text], label) => {
          const out = maskFreeText(`${label}${text}`, {});
          expect(out).toContain('[NIK disamarkan]');
          expect(leftovers(out)).toEqual({ digits: '', words: [] });
        },
      ),
      RUNS,
    );
  });

  it('masks a mobile number with 0, 62 or +62, however it is grouped or spelled', () => {
    const phones = fc
      .tuple(
        mobile,
        fc.constantFrom('0', '62', '+62 ', '+62', '0062'),
        fc.constantFrom('', 'hp ', 'wa: ', 'telp ', 'hubungi '),
      )
      .chain(([national, prefix, label]) =>
        around(written(`${prefix.replace(/\D/g, '')}${national}`, PHONE_GROUPS)).map(
          (text) => `${label}${prefix.startsWith('+') ? '+' : ''}${text}`,
        ),
      );
    fc.assert(
      fc.property(phones, (text) => {
        const out = maskFreeText(text, {});
        expect(out).toContain('[nomor disamarkan]');
        expect(leftovers(out)).toEqual({ digits: '', words: [] });
      }),
      RUNS,
    );
  });

  const SYLLABLES = ['ra', 'di', 'su', 'ti', 'ma', 'nu', 'ja', 'wi', 'ko', 'le', 'har', 'yan', 'sar', 'fit'];
  const namePart = fc
    .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 })
    .map((s) => s.join(''))
    .filter((w) => w.length >= 4 && !FILLER.includes(w));
  const ACCENTS: Record<string, string> = { a: 'á', i: 'í', u: 'ú', e: 'é', o: 'ô' };
  const styled = (name: string) =>
    fc.tuple(fc.constantFrom('lower', 'upper', 'title'), fc.boolean()).map(([c, accents]) => {
      const cased =
        c === 'lower'
          ? name.toLowerCase()
          : c === 'upper'
            ? name.toUpperCase()
            : name.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
      return accents ? cased.replace(/[aiueo]/g, (v) => ACCENTS[v] ?? v) : cased;
    });

  it('masks the known name, whole or its first name alone, in any case and with any diacritics', () => {
    const written = fc
      .tuple(
        fc.tuple(namePart, namePart).filter(([a, b]) => a !== b),
        fc.boolean(),
      )
      .chain(([parts, firstOnly]) =>
        around(styled(firstOnly ? parts[0] : parts.join(' '))).map((text) => ({ parts, text })),
      );
    fc.assert(
      fc.property(written, ({ parts, text }) => {
        const name = parts.map((p) => p[0]?.toUpperCase() + p.slice(1)).join(' ');
        const out = maskFreeText(text, { name });
        expect(out).toContain('[nama disamarkan]');
        const folded = out.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
        for (const p of parts) expect(folded).not.toMatch(new RegExp(`\\b${p}\\b`));
      }),
      RUNS,
    );
  });

  it('masks a name introduced by "nama saya", "namaku", "ulun", "a.n." even when none is known', () => {
    fc.assert(
      fc.property(
        namePart,
        fc.constantFrom('nama saya ', 'Nama sy: ', 'namaku ', 'ngaran ulun ', 'a.n. ', 'atas nama '),
        filler,
        (part, intro, tail) => {
          const name = part[0]?.toUpperCase() + part.slice(1);
          const out = maskFreeText(`${intro}${name}, ${tail}`, {});
          expect(out).toBe(`${intro}[nama disamarkan], ${tail}`);
        },
      ),
      RUNS,
    );
  });

  const ordinary = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1990, max: 2030 }),
      )
      .chain(([d, m, y]) =>
        fc.constantFrom(
          `${pad(d, 2)}-${pad(m, 2)}-${y}`,
          `${d}/${m}/${y}`,
          `tgl ${d} ${m} ${y}`,
          `tahun ${y}`,
        ),
      ),
    fc.integer({ min: 1, max: 999_999_999 }).map((n) => `Rp ${n.toLocaleString('id-ID')}`),
    fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 }))
      .map(([rt, rw]) => `RT ${pad(rt, 2)} RW ${pad(rw, 2)}`),
    fc.integer({ min: 0, max: 300 }).map((k) => `km ${k}`),
    fc.integer({ min: 1, max: 999 }).map((n) => `no. ${n}`),
    fc.integer({ min: 0, max: 23 }).map((h) => `jam ${pad(h, 2)}.30`),
    fc
      .tuple(fc.integer({ min: 2601, max: 2612 }), fc.stringMatching(/^[A-Z0-9]{4}$/))
      .map(([yymm, tail]) => `ADU-${yymm}-${tail}`),
    fc
      .tuple(
        fc.integer({ min: 1960, max: 2000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 2000, max: 2024 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 999 }),
      )
      .chain(([y, m, d, ty, tm, g, n]) => {
        const nip = `${y}${pad(m, 2)}${pad(d, 2)}${ty}${pad(tm, 2)}${g}${pad(n, 3)}`;
        return fc.constantFrom(`NIP ${nip}`, `NIP. ${nip.slice(0, 8)} ${nip.slice(8, 14)} ${g} ${pad(n, 3)}`);
      }),
  );

  it('leaves dates, amounts, RT/RW, km, house and ticket numbers and an official’s NIP as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ordinary, filler), { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([n, w]) => `${n}, ${w}`).join(' ');
        expect(maskFreeText(text, { name: 'Siti Rahmah', phone: '+6281234567890' })).toBe(text);
      }),
      RUNS,
    );
  });

  const anything = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.string({ unit: fc.constantFrom(...'0123456789 .-+()@*nikapsyu\u200b\n'), maxLength: 120 }),
    fc
      .array(
        fc.oneof(
          filler,
          ordinary,
          nik,
          mobile.map((m) => `0${m}`),
          fc.constant('nama saya Budi'),
        ),
      )
      .map((p) => p.join(' ')),
  );

  it('never throws, and a masked text is left as it is when masked again', () => {
    fc.assert(
      fc.property(
        anything,
        fc.option(fc.constantFrom('Siti Rahmah', 'Budi', 'H. Ahmad Fauzi')),
        (text, name) => {
          const known = { name, nik: '6371045708900001', phone: '+6281234567890' };
          const once = maskFreeText(text, known);
          expect(maskFreeText(once, known)).toBe(once);
        },
      ),
      { ...RUNS, numRuns: 1000 },
    );
  });
});
