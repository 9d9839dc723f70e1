// Operator boundaries: GeoJSON validation in plain words, point-in-polygon with holes, overlaps, coasts and ties.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESA, KECAMATAN } from '../../src/data/regions-data.js';
import {
  type Boundaries,
  BoundariesError,
  loadBoundaries,
  parseBoundaries,
} from '../../src/understand/boundaries.js';
import { normalizeCode } from '../../src/understand/boundary-codes.js';
import { locateInBoundaries, locatePinWith } from '../../src/understand/boundary-lookup.js';
import { locatePin } from '../../src/understand/geo.js';
import { Harness } from '../helpers/harness.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/boundaries/kecamatan-small.geojson');
const REAL_DIR = '/work/shared/data/geo';

/** A closed square ring, GeoJSON [lon, lat] order. */
const square = (lon1: number, lat1: number, lon2: number, lat2: number): number[][] => [
  [lon1, lat1],
  [lon2, lat1],
  [lon2, lat2],
  [lon1, lat2],
  [lon1, lat1],
];

const feature = (properties: Record<string, unknown> | null, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});

const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** A square around Banjarmasin's centre. */
const BANJARMASIN = polygon(square(114.55, -3.37, 114.65, -3.25));

function problemsOf(data: unknown): readonly string[] {
  try {
    parseBoundaries(data, 'test.geojson');
  } catch (e) {
    if (e instanceof BoundariesError) return e.problems;
    throw e;
  }
  throw new Error('expected a BoundariesError');
}

function at(b: Boundaries, lat: number, lon: number) {
  return locateInBoundaries(b, lat, lon);
}

describe('normalizeCode', () => {
  it.each([
    ['63.71.02', 'kecamatan', '63.71.02'],
    ['637102', 'kecamatan', '63.71.02'],
    [637102, 'kecamatan', '63.71.02'],
    ['63.71.2', 'kecamatan', '63.71.02'],
    [' 63.71 ', 'kabkota', '63.71'],
    [6371, 'kabkota', '63.71'],
    ['63.03.05.1059', 'desa', '63.03.05.1059'],
    ['6303051059', 'desa', '63.03.05.1059'],
    ['63', 'provinsi', '63'],
  ])('reads %j as the %s %s', (raw, level, code) => {
    expect(normalizeCode(raw)).toEqual({ level, code });
  });

  it.each([
    ['6371020', /BPS code/],
    ['63.71.020', /too long/],
    [63.71, /not a region code/],
    ['63-71-02', /not a region code/],
    [true, /not a region code/],
  ])('explains why %j is not a code', (raw, why) => {
    expect(normalizeCode(raw)).toMatch(why);
  });
});

describe('parseBoundaries', () => {
  it('loads the fixture: one area per code, sorted, with what the table has no polygon for', () => {
    const b = loadBoundaries(FIXTURE);
    expect(b.source).toBe(FIXTURE);
    expect(b.level).toBe('kecamatan');
    expect(b.areas.map((a) => a.code)).toEqual([
      '63.01.01',
      '63.02.06',
      '63.03.01',
      '63.03.05',
      '63.71.04',
      '63.71.05',
      '63.72.04',
    ]);
    expect(b.missing).toHaveLength(KECAMATAN.length - 7);
    expect(b.missing).not.toContain('63.71.05');
    expect(b.missing).toContain('63.71.01');
  });

  it.each([
    [{ kode: '63.71.02' }],
    [{ kode_kec: '637102' }],
    [{ KDCPUM: '63.71.02', KDPKAB: '63.71', KDPPUM: '63' }],
    [{ kd_kecamatan: 637102 }],
    [{ kabkota: '63.71', kecamatan: '63.71.02' }],
    [{ Kode_Kecamatan: '63.71.2' }],
    [{ kecamatan: 'Banjarmasin Timur', kode: '63.71.02' }],
    [{ kode: null, KDCPUM: '63.71.02', KDEPUM: '' }],
  ])('reads the region from the properties %j', (properties) => {
    const b = parseBoundaries(collection(feature(properties, BANJARMASIN)));
    expect(b.areas.map((a) => [a.kabkotaCode, a.kecamatanCode])).toEqual([['63.71', '63.71.02']]);
  });

  it('merges features that name the same region', () => {
    const b = parseBoundaries(
      collection(
        feature({ kode: '63.71.05' }, polygon(square(114.58, -3.34, 114.6, -3.3))),
        feature({ kode_kec: '637105' }, polygon(square(114.6, -3.34, 114.62, -3.3))),
      ),
    );
    expect(b.areas).toHaveLength(1);
    expect(b.areas[0]?.polygons).toHaveLength(2);
  });

  it('closes rings left open', () => {
    const open = square(114.55, -3.37, 114.65, -3.25).slice(0, 4);
    const b = parseBoundaries(collection(feature({ kode: '63.71.05' }, polygon(open))));
    expect(at(b, -3.3, 114.56)).toMatchObject({ kind: 'found', kecamatanCode: '63.71.05', distanceKm: 0 });
  });

  it.each([
    ['a list', [], /^it is not a GeoJSON FeatureCollection$/],
    ['a FeatureCollection of strings', collection('x'), /feature 1: it is not a GeoJSON Feature/],
    ['an empty collection', collection(), /no features/],
    [
      'a Point',
      collection(feature({ kode: '63.71.05' }, { type: 'Point', coordinates: [114.6, -3.3] })),
      /geometry is a Point; only Polygon and MultiPolygon/,
    ],
    ['no geometry', collection(feature({ kode: '63.71.05' }, null)), /no geometry/],
    [
      'no code',
      collection(feature({ nama: 'Banjarmasin Tengah' }, BANJARMASIN)),
      /feature 1 \(Banjarmasin Tengah\): no region code/,
    ],
    [
      'a name where a code belongs',
      collection(feature({ kecamatan: 'Banjarmasin Tengah' }, BANJARMASIN)),
      /kecamatan is "Banjarmasin Tengah", a name, not a code/,
    ],
    [
      'a BPS code',
      collection(feature({ kode_kec: '6371020' }, BANJARMASIN)),
      /kode_kec: "6371020" looks like a BPS code/,
    ],
    [
      'a code not in the table',
      collection(feature({ kode: '63.71.09' }, BANJARMASIN)),
      /63\.71\.09 is not a kecamatan of Kalimantan Selatan/,
    ],
    ['another province', collection(feature({ kode: '62.01.01' }, BANJARMASIN)), /not in Kalimantan Selatan/],
    ['the province itself', collection(feature({ kode: '63' }, BANJARMASIN)), /names the whole province/],
    [
      'codes that disagree',
      collection(feature({ kabkota: '63.72', kecamatan: '63.71.02' }, BANJARMASIN)),
      /codes disagree: 63\.71\.02 is not inside 63\.72/,
    ],
    [
      'a kecamatan code under a kab/kota key',
      collection(feature({ kode_kab: '63.71.02' }, BANJARMASIN)),
      /kode_kab: "63\.71\.02" is a kecamatan code, not a kab\/kota code/,
    ],
    [
      '[lat, lon] positions',
      collection(feature({ kode: '63.71.05' }, polygon(square(-3.37, 114.55, -3.25, 114.65)))),
      /looks like \[latitude, longitude\]/,
    ],
    [
      'UTM metres',
      collection(feature({ kode: '63.71.05' }, polygon(square(230000, 9620000, 240000, 9630000)))),
      /not in degrees .* WGS 84/,
    ],
    [
      'a polygon in Jakarta',
      collection(feature({ kode: '63.71.05' }, polygon(square(106.7, -6.3, 106.9, -6.1)))),
      /nowhere near Kalimantan Selatan/,
    ],
    [
      'a ring of two corners',
      collection(
        feature(
          { kode: '63.71.05' },
          polygon([
            [114.6, -3.3],
            [114.61, -3.3],
          ]),
        ),
      ),
      /a ring has fewer than 3 corners \(at geometry\.coordinates\.0\)/,
    ],
    [
      'a coordinate that is text',
      collection(
        feature(
          { kode: '63.71.05' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [114.6, -3.3],
                [114.61, '-3.3'],
                [114.61, -3.31],
              ],
            ],
          },
        ),
      ),
      /a coordinate is not a number/,
    ],
    [
      'a projected CRS',
      {
        ...collection(feature({ kode: '63.71.05' }, BANJARMASIN)),
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32750' } },
      },
      /coordinate system is urn:ogc:def:crs:EPSG::32750/,
    ],
  ])('rejects %s in plain words', (_what, data, problem) => {
    expect(problemsOf(data).join('\n')).toMatch(problem);
  });

  it('rejects a file that mixes kab/kota and kecamatan features', () => {
    const data = collection(
      feature({ kode: '63.71' }, BANJARMASIN),
      feature({ kode: '63.72.04' }, polygon(square(114.84, -3.46, 114.9, -3.4))),
    );
    expect(problemsOf(data)).toEqual(['it mixes levels (1 kab/kota, 1 kecamatan); use one level per file']);
  });

  it('lists every problem, naming each feature, and shows the first twenty', () => {
    const data = collection(
      ...Array.from({ length: 25 }, (_, i) => feature({ nama: `Desa ${i + 1}` }, BANJARMASIN)),
      feature({ kode: '63.71.05' }, BANJARMASIN),
    );
    try {
      parseBoundaries(data, 'ops/boundaries.geojson');
      expect.unreachable();
    } catch (e) {
      if (!(e instanceof BoundariesError)) throw e;
      expect(e.source).toBe('ops/boundaries.geojson');
      expect(e.problems).toHaveLength(25);
      expect(e.problems[24]).toMatch(/^feature 25 \(Desa 25\): no region code/);
      expect(e.message).toMatch(
        /^The boundaries file \(ops\/boundaries\.geojson\) has 25 problem\(s\):\n- feature 1/,
      );
      expect(e.message).toMatch(/\n- … and 5 more$/);
    }
  });

  it('explains a file it cannot read or parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-boundaries-'));
    const broken = join(dir, 'broken.geojson');
    writeFileSync(broken, '{"type": "FeatureCollection", ');
    expect(() => loadBoundaries(join(dir, 'none.geojson'))).toThrow(/cannot read the file/);
    expect(() => loadBoundaries(broken)).toThrow(/not valid JSON/);
    expect(() => loadBoundaries(broken)).toThrow(BoundariesError);
  });
});

describe('locateInBoundaries', () => {
  const b = loadBoundaries(FIXTURE);

  it('finds pins inside a polygon, and inside the hole the enclave fills', () => {
    expect(at(b, -3.335, 114.585)).toMatchObject({
      kind: 'found',
      kabkotaCode: '63.71',
      kecamatanCode: '63.71.05',
      distanceKm: 0,
    });
    expect(at(b, -3.32, 114.6)).toMatchObject({ kind: 'found', kecamatanCode: '63.71.04', distanceKm: 0 });
  });

  it('places a pin in an empty hole by the nearest edge, which is the hole’s', () => {
    const holed = parseBoundaries(
      collection(
        feature(
          { kode: '63.71.05' },
          polygon(square(114.58, -3.34, 114.62, -3.3), square(114.595, -3.325, 114.605, -3.315)),
        ),
      ),
    );
    const r = at(holed, -3.32, 114.6);
    expect(r).toMatchObject({ kind: 'found', kecamatanCode: '63.71.05' });
    expect(r.kind === 'found' && r.distanceKm).toBeCloseTo(0.55, 1);
  });

  it('finds pins on either island of a multipolygon', () => {
    expect(at(b, -3.24, 116.22)).toMatchObject({
      kind: 'found',
      kabkotaCode: '63.02',
      kecamatanCode: '63.02.06',
    });
    expect(at(b, -3.39, 116.31)).toMatchObject({
      kind: 'found',
      kabkotaCode: '63.02',
      kecamatanCode: '63.02.06',
    });
  });

  it('puts a pin just off the coast in the nearest polygon, with the distance to it', () => {
    const r = at(b, -3.24, 116.25);
    expect(r).toMatchObject({ kind: 'found', kecamatanCode: '63.02.06' });
    expect(r.kind === 'found' && r.distanceKm).toBeCloseTo(1.11, 1);
  });

  it('puts pins far from every polygon outside', () => {
    expect(at(b, -3.24, 116.35)).toEqual({ kind: 'outside' }); // at sea, 12 km from the nearest island
    expect(at(b, -6.2, 106.8)).toEqual({ kind: 'outside' }); // Jakarta
    expect(at(b, Number.NaN, 114.6)).toEqual({ kind: 'outside' });
    expect(at(b, -3.3, 181)).toEqual({ kind: 'outside' });
  });

  it('settles an overlap by the nearer centroid', () => {
    expect(at(b, -3.41, 114.845)).toMatchObject({ kind: 'found', kecamatanCode: '63.03.05', distanceKm: 0 });
    expect(at(b, -3.435, 114.858)).toMatchObject({ kind: 'found', kecamatanCode: '63.72.04', distanceKm: 0 });
  });

  it('settles an exact overlap by the smaller code, whatever the order in the file', () => {
    const same = polygon(square(114.84, -3.46, 114.9, -3.4));
    const a = feature({ kode: '63.72.04' }, same);
    const c = feature({ kode: '63.03.05' }, same);
    for (const data of [collection(a, c), collection(c, a)]) {
      expect(at(parseBoundaries(data), -3.43, 114.87)).toMatchObject({
        kind: 'found',
        kecamatanCode: '63.03.05',
      });
    }
  });

  it('is ambiguous between two kab/kota about as near, when the pin is in neither', () => {
    const r = at(b, -3.88, 114.645);
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.map((c) => [c.kabkotaCode, c.kecamatanCode]).sort()).toEqual([
      ['63.01', '63.01.01'],
      ['63.03', '63.03.01'],
    ]);
    for (const c of r.candidates) expect(c.distanceKm).toBeCloseTo(0.55, 1);
  });

  it('picks the clearly nearer one across the same strait', () => {
    const r = at(b, -3.88, 114.6415);
    expect(r).toMatchObject({ kind: 'found', kabkotaCode: '63.01', kecamatanCode: '63.01.01' });
    expect(r.kind === 'found' && r.distanceKm).toBeCloseTo(0.17, 1);
  });

  it('names the desa by centroids inside the kecamatan, or takes it from a desa-level file', () => {
    const sekumpul = DESA.find((d) => d.code === '63.03.05.1059')?.centroid;
    if (!sekumpul) throw new Error('Sekumpul has no centroid');
    const [lat, lon] = sekumpul;
    const around = polygon(square(lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01));
    const kec = parseBoundaries(collection(feature({ kode: '63.03.05' }, around)));
    expect(at(kec, lat, lon)).toEqual({
      kind: 'found',
      kabkotaCode: '63.03',
      kecamatanCode: '63.03.05',
      desaCode: '63.03.05.1059',
      distanceKm: 0,
    });
    const desa = parseBoundaries(collection(feature({ KDEPUM: '63.03.05.1059' }, around)));
    expect(desa.level).toBe('desa');
    expect(at(desa, lat - 0.009, lon - 0.009)).toMatchObject({ desaCode: '63.03.05.1059' });
  });

  it('takes the kecamatan from centroids inside a kab/kota-level polygon', () => {
    const kab = parseBoundaries(
      collection(feature({ kode: '63.71', nama: 'Kota Banjarmasin' }, BANJARMASIN)),
    );
    expect(kab.level).toBe('kabkota');
    expect(at(kab, -3.3194, 114.5908)).toMatchObject({
      kind: 'found',
      kabkotaCode: '63.71',
      kecamatanCode: '63.71.05',
      distanceKm: 0,
    });
  });

  it('never throws and returns consistent codes for any coordinates', () => {
    const near = fc.tuple(fc.double({ min: -4.0, max: -3.1 }), fc.double({ min: 114.5, max: 116.4 }));
    const anywhere = fc.tuple(fc.double(), fc.double());
    fc.assert(
      fc.property(fc.oneof(near, anywhere), ([lat, lon]) => {
        const r = at(b, lat, lon);
        if (r.kind === 'found') {
          expect(r.kecamatanCode.startsWith(`${r.kabkotaCode}.`)).toBe(true);
          if (r.desaCode) expect(r.desaCode.startsWith(`${r.kecamatanCode}.`)).toBe(true);
          expect(r.distanceKm).toBeGreaterThanOrEqual(0);
          expect(r.distanceKm).toBeLessThanOrEqual(5);
        }
        if (r.kind === 'ambiguous') {
          expect(new Set(r.candidates.map((c) => c.kabkotaCode)).size).toBe(r.candidates.length);
          expect(r.candidates.length).toBeGreaterThanOrEqual(2);
        }
      }),
    );
  });
});

describe('locatePinWith', () => {
  it('uses the centroids without boundaries, the polygons with them', () => {
    expect(locatePinWith(null)).toBe(locatePin);
    const b = loadBoundaries(FIXTURE);
    const locate = locatePinWith(b);
    expect(locate(-3.32, 114.6)).toEqual(at(b, -3.32, 114.6));
    expect(locate(-3.24, 116.35)).toEqual({ kind: 'outside' });
  });
});

describe.skipIf(!existsSync(join(REAL_DIR, 'kalsel_kecamatan.geojson')))(
  'the real Kalsel kecamatan file',
  () => {
    // Loaded in a hook: a skipped suite's body still runs, its hooks do not.
    let b: Boundaries;
    beforeAll(() => {
      b = loadBoundaries(join(REAL_DIR, 'kalsel_kecamatan.geojson'));
    });

    it('loads every kecamatan of the table', () => {
      expect(b.level).toBe('kecamatan');
      expect(b.areas).toHaveLength(KECAMATAN.length);
      expect(b.missing).toEqual([]);
    });

    it.each([
      ['Banjarmasin city centre', -3.3194, 114.5908, '63.71', ['63.71.05']],
      ['Martapura', -3.413, 114.86, '63.03', ['63.03.05']],
      ['Kotabaru town, on the border of two kecamatan', -3.241, 116.225, '63.02', ['63.02.06', '63.02.22']],
      ['Barabai', -2.5833, 115.3833, '63.07', ['63.07.06']],
    ])('finds %s', (_name, lat, lon, kab, kecs) => {
      const r = at(b, lat, lon);
      expect(r).toMatchObject({ kind: 'found', kabkotaCode: kab });
      expect(kecs).toContain(r.kind === 'found' ? r.kecamatanCode : r.kind);
    });

    it.each([
      ['Jakarta', -6.2, 106.8],
      ['the Java Sea south of Tanah Laut', -4.6, 115.5],
      ['the Makassar Strait east of Pulau Laut', -3.0, 116.8],
      ['Kuala Kapuas (Kalimantan Tengah, 13 km from Barito Kuala)', -3.0099, 114.3876],
      ['Tamiang Layang (Kalimantan Tengah)', -2.07, 115.17],
    ])('puts %s outside', (_name, lat, lon) => {
      expect(at(b, lat, lon)).toEqual({ kind: 'outside' });
    });

    it('puts every kecamatan centroid in its kab/kota and nearly every desa centroid in its kecamatan', () => {
      for (const k of KECAMATAN) {
        const r = at(b, k.centroid[0], k.centroid[1]);
        expect(r.kind === 'found' ? r.kabkotaCode : r.kind, k.name).toBe(k.kabkotaCode);
      }
      const desa = DESA.flatMap((d) => (d.centroid ? [{ d, r: at(b, d.centroid[0], d.centroid[1]) }] : []));
      const right = desa.filter(({ d, r }) => r.kind === 'found' && r.kecamatanCode === d.kecamatanCode);
      expect(right.length / desa.length).toBeGreaterThan(0.99);
    });
  },
);

describe('operator boundaries in a conversation', () => {
  it('a pin is placed by the configured polygons, not the embedded centroids', () => {
    const file = new URL('../fixtures/boundaries/kecamatan-small.geojson', import.meta.url);
    const b = parseBoundaries(JSON.parse(readFileSync(file, 'utf8')), 'fixture');
    const h = new Harness({ locate: locatePinWith(b) });
    h.say('c', 'halo');
    h.say('c', 'ya');
    h.say('c', 'lampu jalan mati semua sudah seminggu');
    h.say('c', 'selesai');
    expect(h.say('c', 'ya')[0]?.expecting).toBe('location');
    // Inside the hole of Banjarmasin Tengah: the polygon of Banjarmasin Utara.
    h.say('c', { location: { lat: -3.32, lon: 114.6 } });
    const conv = h.core.store.conversations.find('simulate', 'c');
    expect(JSON.stringify(conv?.snapshot)).toContain('"kecamatanCode":"63.71.04"');
    h.close();
  });
});
