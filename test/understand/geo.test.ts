// Locating a pin: the kab/kota and kecamatan of a point, centroids and boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESA, KABKOTA, KECAMATAN } from '../../src/data/regions-data.js';
import { type PinResult, locatePin } from '../../src/understand/geo.js';

function foundAt(lat: number, lon: number): Extract<PinResult, { kind: 'found' }> {
  const r = locatePin(lat, lon);
  if (r.kind !== 'found') throw new Error(`expected a region at ${lat},${lon}, got ${JSON.stringify(r)}`);
  return r;
}

describe('locatePin', () => {
  it.each(KABKOTA.map((k) => [k.name, k.code, k.centroid[0], k.centroid[1]] as const))(
    'puts the centroid of %s in it',
    (_name, code, lat, lon) => {
      expect(foundAt(lat, lon).kabkotaCode).toBe(code);
    },
  );

  it('puts every kecamatan centroid in its own kab/kota', () => {
    for (const k of KECAMATAN) {
      const r = locatePin(k.centroid[0], k.centroid[1]);
      expect(r.kind === 'found' ? r.kabkotaCode : r.kind, k.name).toBe(k.kabkotaCode);
    }
  });

  it('puts nearly every desa centroid in its own kab/kota and desa, and never outside', () => {
    let right = 0;
    let total = 0;
    for (const d of DESA) {
      if (!d.centroid) continue;
      total++;
      const r = locatePin(d.centroid[0], d.centroid[1]);
      expect(r.kind, d.name).not.toBe('outside');
      if (r.kind === 'found' && r.kabkotaCode === d.code.slice(0, 5) && r.desaCode === d.code) right++;
    }
    expect(right / total).toBeGreaterThan(0.99);
  });

  it('finds the city centres', () => {
    expect(foundAt(-3.3194, 114.5908)).toMatchObject({ kabkotaCode: '63.71', kecamatanCode: '63.71.05' });
    expect(foundAt(-3.4425, 114.831)).toMatchObject({ kabkotaCode: '63.72', kecamatanCode: '63.72.04' });
    expect(foundAt(-3.413, 114.86).kabkotaCode).toBe('63.03'); // Martapura
    expect(foundAt(-3.241, 116.225).kabkotaCode).toBe('63.02'); // Kotabaru town, on the coast
    expect(foundAt(-3.44, 115.99).kabkotaCode).toBe('63.10'); // Batulicin
  });

  it('names the desa at its centroid and reports the distance', () => {
    const sekumpul = DESA.find((d) => d.code === '63.03.05.1059');
    const c = sekumpul?.centroid;
    if (!c) throw new Error('Sekumpul has no centroid');
    const r = foundAt(c[0], c[1]);
    expect(r).toMatchObject({ kabkotaCode: '63.03', kecamatanCode: '63.03.05', desaCode: '63.03.05.1059' });
    expect(r.distanceKm).toBe(0);
    expect(foundAt(-3.3194, 114.5908).distanceKm).toBeGreaterThan(0);
  });

  it.each([
    ['the Banjarmasin / Kabupaten Banjar border', -3.3557, 114.6261, ['63.03', '63.71']],
    [
      'Alalak Utara, on the river between Banjarmasin and Barito Kuala',
      -3.2795,
      114.5835,
      ['63.04', '63.71'],
    ],
  ])('is ambiguous right on %s', (_name, lat, lon, codes) => {
    const r = locatePin(lat, lon);
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.map((c) => c.kabkotaCode).sort()).toEqual(codes);
    for (const c of r.candidates) expect(c.kecamatanCode.startsWith(`${c.kabkotaCode}.`)).toBe(true);
  });

  it.each([
    ['Jakarta', -6.2, 106.8],
    ['the Java Sea south of Tanah Laut', -4.6, 115.5],
    ['the Makassar Strait east of Pulau Laut', -3.0, 116.8],
    ['Kuala Kapuas (Kalimantan Tengah)', -3.0099, 114.3876],
    ['Tamiang Layang (Kalimantan Tengah)', -2.07, 115.17],
    ['Tanah Grogot (Kalimantan Timur)', -1.9075, 116.195],
    ['Null Island', 0, 0],
  ])('puts %s outside', (_name, lat, lon) => {
    expect(locatePin(lat, lon)).toEqual({ kind: 'outside' });
  });

  it.each([
    [Number.NaN, 114.59],
    [-3.3, Number.NaN],
    [Number.POSITIVE_INFINITY, 114.59],
    [-3.3, Number.NEGATIVE_INFINITY],
    [-91, 114.59],
    [91, 114.59],
    [-3.3, 181],
    [-3.3, -181],
  ])('rejects the invalid coordinates %s, %s', (lat, lon) => {
    expect(locatePin(lat, lon)).toEqual({ kind: 'outside' });
  });

  it('never throws and returns consistent codes for any coordinates', () => {
    const kalsel = fc.tuple(fc.double({ min: -5.2, max: -1.0 }), fc.double({ min: 114.0, max: 117.7 }));
    const anywhere = fc.tuple(fc.double(), fc.double());
    fc.assert(
      fc.property(fc.oneof(kalsel, anywhere), ([lat, lon]) => {
        const r = locatePin(lat, lon);
        if (r.kind === 'found') {
          expect(r.kecamatanCode.startsWith(`${r.kabkotaCode}.`)).toBe(true);
          if (r.desaCode) expect(r.desaCode.startsWith(`${r.kecamatanCode}.`)).toBe(true);
          expect(r.distanceKm).toBeGreaterThanOrEqual(0);
          expect(r.distanceKm).toBeLessThan(35); // inside an outline, a pin may be a little over 25 km from centroids
        }
        if (r.kind === 'ambiguous') {
          expect(r.candidates.length).toBeGreaterThanOrEqual(2);
          expect(new Set(r.candidates.map((c) => c.kabkotaCode)).size).toBe(r.candidates.length);
        }
      }),
    );
  });
});
