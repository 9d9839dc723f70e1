// First messages that say where without naming a kab/kota (test/eval/first-places.jsonl, written before tuning), and
// coordinates typed as text: never a wrong kab/kota (`npm run eval:places` prints the figures).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCoordinates } from '../../src/understand/coordinates.js';
import { evaluatePlaces, parsePlaceCases } from '../../src/understand/evaluate-places.js';

const cases = parsePlaceCases(readFileSync('test/eval/first-places.jsonl', 'utf8'));

describe('places as people name them', () => {
  it('never names a wrong kab/kota, and finds most (dev ≥ 0.90, held-out ≥ 0.85)', () => {
    const dev = evaluatePlaces(cases.filter((c) => !c.held_out));
    const held = evaluatePlaces(cases.filter((c) => c.held_out));
    expect(dev.wrong + held.wrong, JSON.stringify(dev.misses, null, 1)).toBe(0);
    expect(dev.right / dev.labelled).toBeGreaterThanOrEqual(0.9);
    expect(held.right / held.labelled).toBeGreaterThanOrEqual(0.85);
  });

  it('reads typed coordinates, decimal or in degrees with hemispheres, and nothing that only looks like them', () => {
    expect(findCoordinates('lokasinya -3.3190, 114.6170 pak')).toEqual({ lat: -3.319, lon: 114.617 });
    const dms = findCoordinates("3°19'S 114°37'E");
    expect(dms?.lat).toBeCloseTo(-3.3167, 3);
    expect(dms?.lon).toBeCloseTo(114.6167, 3);
    expect(findCoordinates('3 19 12 LS 114 37 3 BT')?.lat).toBeCloseTo(-3.32, 2);
    for (const text of [
      'jl a yani km 4,5',
      'Rp 1.500, 2.000',
      'rt 02/03',
      '0812-3456-7890',
      'tgl 12.11.2026',
    ])
      expect(findCoordinates(text), text).toBeNull();
  });

  it('reads long or odd texts quickly: digits and runs of spaces never make the match backtrack', () => {
    const inputs = [
      `rumah no 12${' '.repeat(500)}rusak`,
      `${'1'.repeat(10)}${' '.repeat(5_000)}x`,
      '1 '.repeat(10_000),
      '12°'.repeat(5_000),
      `3${" 19'".repeat(3_000)} S`,
    ];
    const started = performance.now();
    for (const text of inputs) expect(findCoordinates(text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
