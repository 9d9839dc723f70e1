import fc from 'fast-check';
import { it } from 'vitest';
import { findRegion } from '../../src/understand/regions.js';

it('t', () => {
  const place = fc.constantFrom(
    'banjar',
    'banjarmasin',
    'simpang empat',
    'alalak',
    'tanjung',
    'rantau',
    'kec.',
    'desa',
    'kota',
    'kab',
    'martapra',
    'sungai pinang',
    'gambut',
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(fc.oneof(place, fc.string({ unit: 'grapheme-ascii', maxLength: 8 })), { maxLength: 12 })
      .map((ws) => ws.join(' ')),
  );
  let spent = 0;
  let worst = 0;
  let ws = '';
  const t0 = performance.now();
  fc.assert(
    fc.property(text, (s) => {
      const a = performance.now();
      findRegion(s);
      const d = performance.now() - a;
      spent += d;
      if (d > worst) {
        worst = d;
        ws = s;
      }
    }),
  );
  console.log(
    'total',
    (performance.now() - t0).toFixed(0),
    'in findRegion',
    spent.toFixed(0),
    'worst',
    worst.toFixed(0),
    JSON.stringify(ws),
  );
});
