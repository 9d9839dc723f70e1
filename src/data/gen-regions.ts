// Generates src/data/regions-data.ts (Kalsel's kab/kota, kecamatan, desa, aliases, centroids, outlines) from the shared data.
//
// Usage: npx tsx src/data/gen-regions.ts [shared-data-dir]   (default: ../shared/data next to the repo)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Strength = 'strong' | 'weak';
type Alias = { text: string; strength: Strength };

type KabkotaFacts = {
  shortName: string;
  capital: string;
  aliases: readonly Alias[];
};

const strong = (text: string): Alias => ({ text, strength: 'strong' });
const weak = (text: string): Alias => ({ text, strength: 'weak' });

/**
 * Hand-written from DOMAIN.md and common usage. "weak" marks a name that is also an ordinary word
 * ("tanjung" = cape, "rantau" = abroad, "pulau laut" = sea island) or that several regions share
 * ("banjar"): it never decides a region on its own.
 */
const KABKOTA_FACTS: Readonly<Record<string, KabkotaFacts>> = {
  '63.01': {
    shortName: 'Tanah Laut',
    capital: 'Pelaihari',
    aliases: [strong('Tanah Laut'), strong('Tala'), strong('Pelaihari'), strong('Pleihari')],
  },
  '63.02': {
    shortName: 'Kotabaru',
    capital: 'Kotabaru',
    aliases: [strong('Kotabaru'), strong('Kota Baru'), weak('Pulau Laut')],
  },
  '63.03': {
    shortName: 'Banjar',
    capital: 'Martapura',
    aliases: [strong('Kabupaten Banjar'), strong('Kab Banjar'), strong('Martapura'), weak('Banjar')],
  },
  '63.04': {
    shortName: 'Barito Kuala',
    capital: 'Marabahan',
    aliases: [strong('Barito Kuala'), strong('Batola'), strong('Marabahan')],
  },
  '63.05': {
    shortName: 'Tapin',
    capital: 'Rantau',
    aliases: [strong('Tapin'), weak('Rantau')],
  },
  '63.06': {
    shortName: 'Hulu Sungai Selatan',
    capital: 'Kandangan',
    aliases: [strong('HSS'), strong('Hulu Sungai Selatan'), strong('Kandangan')],
  },
  '63.07': {
    shortName: 'Hulu Sungai Tengah',
    capital: 'Barabai',
    aliases: [strong('HST'), strong('Hulu Sungai Tengah'), strong('Barabai')],
  },
  '63.08': {
    shortName: 'Hulu Sungai Utara',
    capital: 'Amuntai',
    aliases: [strong('HSU'), strong('Hulu Sungai Utara'), strong('Amuntai')],
  },
  '63.09': {
    shortName: 'Tabalong',
    capital: 'Tanjung',
    aliases: [strong('Tabalong'), weak('Tanjung')],
  },
  '63.10': {
    shortName: 'Tanah Bumbu',
    capital: 'Batulicin',
    aliases: [strong('Tanbu'), strong('Tanah Bumbu'), strong('Batulicin'), strong('Batu Licin')],
  },
  '63.11': {
    shortName: 'Balangan',
    capital: 'Paringin',
    aliases: [strong('Balangan'), strong('Paringin')],
  },
  '63.71': {
    shortName: 'Banjarmasin',
    capital: 'Banjarmasin',
    aliases: [
      strong('Bjm'),
      strong('Banjarmasin'),
      strong('Kota Banjarmasin'),
      strong('B.masin'),
      weak('Banjar'),
    ],
  },
  '63.72': {
    shortName: 'Banjarbaru',
    capital: 'Banjarbaru',
    aliases: [
      strong('BJB'),
      strong('Banjarbaru'),
      strong('Banjar Baru'),
      strong('Kota Banjarbaru'),
      weak('Banjar'),
    ],
  },
};

type Place = {
  text: string;
  kabkotaCode: string;
  kecamatanCode?: string;
  kind: 'landmark' | 'area';
  strength: Strength;
};

const landmark = (kabkotaCode: string, texts: readonly string[], kecamatanCode?: string): Place[] =>
  texts.map((text) => ({
    text,
    kabkotaCode,
    ...(kecamatanCode === undefined ? {} : { kecamatanCode }),
    kind: 'landmark',
    strength: 'strong',
  }));

/** Well-known places whose name says where they are; "area" names an informal part of a kab/kota. */
const PLACES: readonly Place[] = [
  ...landmark('63.71', ['RSUD Ulin', 'RS Ulin', 'Rumah Sakit Ulin']),
  ...landmark('63.71', ['RSUD Ansari Saleh', 'RS Ansari Saleh', 'RSUD Moch Ansari Saleh']),
  ...landmark('63.71', ['Sultan Suriansyah']),
  ...landmark('63.71', ['Pelabuhan Trisakti']),
  ...landmark('63.71', ['Sabilal Muhtadin', 'Menara Pandang', 'Duta Mall']),
  ...landmark('63.72', ['Bandara Syamsudin Noor', 'Bandara Syamsuddin Noor'], '63.72.02'),
  ...landmark('63.72', ['Loktabat', 'Lapangan Murjani', 'Lapangan Murdjani', 'RSUD Idaman', 'RS Idaman']),
  ...landmark('63.03', ['Ratu Zalecha']),
  ...landmark('63.01', ['Boejasin']),
  ...landmark('63.02', ['Pangeran Jaya Sumitra', 'Gusti Syamsir Alam']),
  ...landmark('63.04', ['RSUD Abdul Aziz', 'RSUD H Abdul Aziz']),
  ...landmark('63.05', ['Datu Sanggul']),
  ...landmark('63.06', [
    'Pasar Kandangan',
    'RSUD Hasan Basry',
    'RSUD H Hasan Basry',
    'RSUD Brigjend H Hasan Basry',
  ]),
  ...landmark('63.07', ['RSUD Damanhuri', 'RSUD H Damanhuri']),
  ...landmark('63.08', ['Pambalah Batung']),
  ...landmark('63.09', ['Badaruddin Kasim']),
  ...landmark('63.10', ['Andi Abdurrahman Noor', 'Bandara Bersujud']),
  { text: 'Alalak', kabkotaCode: '63.71', kecamatanCode: '63.71.04', kind: 'area', strength: 'weak' },
];

// ---------------------------------------------------------------------------------------------- input

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const dataDir = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'data'));
const outFile = join(here, 'regions-data.ts');

type CsvRow = Readonly<Record<string, string>>;

function readCsv(file: string): CsvRow[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line, i) => {
    if (line.includes('"')) throw new Error(`${file}:${i + 2}: quoted CSV fields are not supported`);
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`${file}:${i + 2}: expected ${header.length} cells`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j] ?? '']));
  });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function field(obj: Record<string, unknown>, key: string, what: string): unknown {
  if (!(key in obj)) throw new Error(`${what}: missing ${key}`);
  return obj[key];
}

function str(x: unknown, what: string): string {
  if (typeof x !== 'string') throw new Error(`${what}: expected a string`);
  return x;
}

function finite(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${what}: expected a finite number`);
  return x;
}

function list(x: unknown, what: string): unknown[] {
  if (!Array.isArray(x)) throw new Error(`${what}: expected an array`);
  return x;
}

type Position = [lon: number, lat: number];
type Feature = { kode: string; centroid: [lat: number, lon: number] | null; rings: Position[][] };

function position(x: unknown, what: string): Position {
  const p = list(x, what);
  return [finite(p[0], what), finite(p[1], what)];
}

function rings(geometry: Record<string, unknown>, what: string): Position[][] {
  const type = str(field(geometry, 'type', what), what);
  const coords = list(field(geometry, 'coordinates', what), what);
  const polygons = type === 'Polygon' ? [coords] : type === 'MultiPolygon' ? coords : null;
  if (polygons === null) throw new Error(`${what}: unexpected geometry ${type}`);
  return polygons.flatMap((poly) =>
    list(poly, what).map((ring) => list(ring, what).map((p) => position(p, what))),
  );
}

function readFeatures(file: string): Feature[] {
  const json: unknown = JSON.parse(readFileSync(join(dataDir, 'geo', file), 'utf8'));
  if (!isRecord(json)) throw new Error(`${file}: not a GeoJSON object`);
  return list(field(json, 'features', file), file).map((f, i) => {
    const what = `${file}#${i}`;
    if (!isRecord(f)) throw new Error(`${what}: not a feature`);
    const props = field(f, 'properties', what);
    if (!isRecord(props)) throw new Error(`${what}: no properties`);
    const lat = props.centroid_lat;
    const lon = props.centroid_lng;
    const centroid: Feature['centroid'] =
      lat === null || lon === null || lat === undefined || lon === undefined
        ? null
        : [finite(lat, what), finite(lon, what)];
    const geometry = field(f, 'geometry', what);
    return {
      kode: str(field(props, 'kode', what), what),
      centroid,
      rings: isRecord(geometry) ? rings(geometry, what) : [],
    };
  });
}

// -------------------------------------------------------------------------------------------- build

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const latLon = (c: readonly [number, number], digits: number): string =>
  `[${round(c[0], digits)}, ${round(c[1], digits)}]`;

const rows = readCsv(join(dataDir, 'wilayah', 'kalsel_wilayah_kemendagri.csv'));
const kabRows = rows.filter((r) => r.level === 'kabupaten_kota');
const kecRows = rows.filter((r) => r.level === 'kecamatan');
const desaRows = rows.filter((r) => r.level === 'desa_kelurahan');

const byCode = (features: Feature[]): Map<string, Feature> => new Map(features.map((f) => [f.kode, f]));
const kabGeo = byCode(readFeatures('kalsel_kabkota.geojson'));
const kecGeo = byCode(readFeatures('kalsel_kecamatan.geojson'));
const desaGeo = byCode(readFeatures('kalsel_desa_kelurahan.geojson'));

function centroidOf(geo: Map<string, Feature>, code: string): [number, number] {
  const c = geo.get(code)?.centroid;
  if (!c) throw new Error(`no centroid for ${code}`);
  return c;
}

const kabLines = kabRows.map((r) => {
  const code = r.kode ?? '';
  const facts = KABKOTA_FACTS[code];
  if (!facts) throw new Error(`no hand-written facts for kab/kota ${code}`);
  const name = r.nama ?? '';
  const type = name.startsWith('Kota ') ? 'kota' : 'kabupaten';
  const aliases = facts.aliases
    .map((a) => `{ text: ${quote(a.text)}, strength: '${a.strength}' }`)
    .join(', ');
  return [
    '  {',
    `    code: ${quote(code)},`,
    `    name: ${quote(name)},`,
    `    shortName: ${quote(facts.shortName)},`,
    `    type: '${type}',`,
    `    capital: ${quote(facts.capital)},`,
    `    aliases: [${aliases}],`,
    `    centroid: ${latLon(centroidOf(kabGeo, code), 5)},`,
    '  },',
  ].join('\n');
});
if (kabLines.length !== Object.keys(KABKOTA_FACTS).length) throw new Error('kab/kota count mismatch');

const kecLines = kecRows.map((r) => {
  const code = r.kode ?? '';
  return `  { code: ${quote(code)}, name: ${quote(r.nama ?? '')}, kabkotaCode: ${quote(r.parent_kode ?? '')}, centroid: ${latLon(centroidOf(kecGeo, code), 5)} },`;
});

let desaWithoutCentroid = 0;
const desaGroups = new Map<string, string[]>();
for (const r of desaRows) {
  const code = r.kode ?? '';
  const kec = r.parent_kode ?? '';
  if (code.slice(0, 8) !== kec || code.length !== 13)
    throw new Error(`unexpected desa code ${code} under ${kec}`);
  const c = desaGeo.get(code)?.centroid;
  if (!c) desaWithoutCentroid++;
  const tail = c ? `, ${round(c[0], 4)}, ${round(c[1], 4)}` : '';
  const group = desaGroups.get(kec) ?? [];
  group.push(`[${quote(code.slice(9))}, ${quote(r.nama ?? '')}${tail}]`);
  desaGroups.set(kec, group);
}
const desaLines = [...desaGroups].map(
  ([kec, group]) => `  ${quote(kec)}: [\n    ${group.join(',\n    ')},\n  ],`,
);

const placeLines = PLACES.map((p) => {
  const kec = p.kecamatanCode === undefined ? '' : ` kecamatanCode: ${quote(p.kecamatanCode)},`;
  return `  { text: ${quote(p.text)}, kabkotaCode: ${quote(p.kabkotaCode)},${kec} kind: '${p.kind}', strength: '${p.strength}' },`;
});

/** Outlines at 4 decimals (≈11 m), consecutive duplicates dropped; flat [lat, lon, lat, lon, …] rings. */
let minLat = 90;
let maxLat = -90;
let minLon = 180;
let maxLon = -180;
const outlineLines = kabRows.map((r) => {
  const code = r.kode ?? '';
  const feature = kabGeo.get(code);
  if (!feature) throw new Error(`no outline for ${code}`);
  const ringTexts = feature.rings.map((ring) => {
    const flat: number[] = [];
    for (const [lon, lat] of ring) {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      const la = round(lat, 4);
      const lo = round(lon, 4);
      if (flat[flat.length - 2] === la && flat[flat.length - 1] === lo) continue;
      flat.push(la, lo);
    }
    return `[${flat.join(',')}]`;
  });
  return `  ${quote(code)}: [\n    ${ringTexts.join(',\n    ')},\n  ],`;
});

const out = `// Kalimantan Selatan's kab/kota, kecamatan and desa/kelurahan: Kemendagri codes, names, aliases, centroids, outlines.
// GENERATED by src/data/gen-regions.ts from Kemendagri codes (cahyadsn/wilayah, MIT) and boundaries
// (cahyadsn/wilayah_boundaries, MIT). Do not edit by hand: change the generator and run
// \`npx tsx src/data/gen-regions.ts\`.

export type LatLon = readonly [lat: number, lon: number];

/** "weak": the name is also an ordinary word or is shared by several regions; it never decides alone. */
export type AliasStrength = 'strong' | 'weak';

export type RegionAlias = { readonly text: string; readonly strength: AliasStrength };

export type Kabkota = {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly type: 'kota' | 'kabupaten';
  readonly capital: string;
  readonly aliases: readonly RegionAlias[];
  readonly centroid: LatLon;
};

export type Kecamatan = {
  readonly code: string;
  readonly name: string;
  readonly kabkotaCode: string;
  readonly centroid: LatLon;
};

export type Desa = {
  readonly code: string;
  readonly name: string;
  readonly kecamatanCode: string;
  readonly centroid?: LatLon;
};

/** A landmark or informal area name that points to a kab/kota (and sometimes a kecamatan). */
export type Place = {
  readonly text: string;
  readonly kabkotaCode: string;
  readonly kecamatanCode?: string;
  readonly kind: 'landmark' | 'area';
  readonly strength: AliasStrength;
};

export const KABKOTA: readonly Kabkota[] = [
${kabLines.join('\n')}
];

export const KECAMATAN: readonly Kecamatan[] = [
${kecLines.join('\n')}
];

/**
 * Per kecamatan code: [last code segment, name, centroid lat, centroid lon] (centroids at 4 decimals, ≈11 m).
 * ${desaWithoutCentroid} desa have no boundary and so no centroid.
 */
type DesaRow = readonly [suffix: string, name: string, lat?: number, lon?: number];

const DESA_BY_KECAMATAN: Readonly<Record<string, readonly DesaRow[]>> = {
${desaLines.join('\n')}
};

export const DESA: readonly Desa[] = Object.entries(DESA_BY_KECAMATAN).flatMap(([kecamatanCode, rows]) =>
  rows.map(([suffix, name, lat, lon]) => ({
    code: \`\${kecamatanCode}.\${suffix}\`,
    name,
    kecamatanCode,
    ...(lat === undefined || lon === undefined ? {} : { centroid: [lat, lon] as const }),
  })),
);

export const PLACES: readonly Place[] = [
${placeLines.join('\n')}
];

/** Simplified kab/kota outlines: rings of flat [lat, lon, lat, lon, …]; even-odd over all rings. */
export const KABKOTA_OUTLINES: Readonly<Record<string, readonly (readonly number[])[]>> = {
${outlineLines.join('\n')}
};

/** Bounding box of the outlines above. */
export const KALSEL_BBOX = {
  minLat: ${round(minLat, 4)},
  maxLat: ${round(maxLat, 4)},
  minLon: ${round(minLon, 4)},
  maxLon: ${round(maxLon, 4)},
} as const;
`;

writeFileSync(outFile, out);
console.log(
  `wrote ${outFile}: ${kabLines.length} kab/kota, ${kecLines.length} kecamatan, ${desaRows.length} desa/kelurahan ` +
    `(${desaWithoutCentroid} without centroid), ${PLACES.length} places, ${Buffer.byteLength(out)} bytes`,
);
