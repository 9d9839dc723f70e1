// An operator's boundary polygons (GeoJSON, BOUNDARIES_FILE) for location pins: validated once, then point-in-polygon.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DESA, KABKOTA, KALSEL_BBOX, KECAMATAN } from '../domain/regions-data.js';
import {
  type Box,
  type PinCandidate,
  type PinResult,
  type Rings,
  boxKm,
  edgeKm,
  flatKm,
  foundWithin,
  insideRings,
  locatePin,
  nearlyTied,
  roundKm,
  validLatLon,
} from './geo.js';

export type BoundaryLevel = 'kabkota' | 'kecamatan' | 'desa';

/** One polygon: its outer ring, then its holes (flat [lat, lon, …], closed). */
type Polygon = Box & { readonly rings: Rings };

/** Every polygon of one region (features naming the same code are merged). */
type Area = Box & {
  /** The most specific code: what the file names, and the tie-break between equally near areas. */
  readonly code: string;
  readonly kabkotaCode: string;
  readonly kecamatanCode?: string;
  readonly desaCode?: string;
  readonly polygons: readonly Polygon[];
  /** Area-weighted [lat, lon]: decides between polygons that overlap (simplified boundaries). */
  readonly centroid: readonly [number, number];
};

export type Boundaries = {
  /** Where the polygons came from (the file's path), for logs. */
  readonly source: string;
  /** What the polygons outline; below it, kecamatan and desa come from the shipped centroids. */
  readonly level: BoundaryLevel;
  /** Sorted by code. */
  readonly areas: readonly Area[];
  /** The shipped table's regions of that level without a polygon: their pins go to a neighbour or outside. */
  readonly missing: readonly string[];
  readonly box: Box;
};

export class BoundariesError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    const shown = problems.slice(0, MAX_SHOWN);
    const more = problems.length > MAX_SHOWN ? `\n- … and ${problems.length - MAX_SHOWN} more` : '';
    super(
      `The boundaries file (${source}) has ${problems.length} problem(s):\n- ${shown.join('\n- ')}${more}`,
    );
    this.name = 'BoundariesError';
  }
}

const MAX_SHOWN = 20;
/** A pin in no polygon is still placed in the nearest one within this distance (coasts, simplified outlines). */
const MAX_OFF_POLYGON_KM = 5;
/** A polygon whose box is this far (degrees, ≈55 km) from Kalsel's is not a Kalsel region at all. */
const KALSEL_SLACK_DEG = 0.5;

/** Property names (compared in lower case) that hold a code of one level, or of any level (`kode`). */
const CODE_KEYS: readonly (readonly [string, BoundaryLevel | 'any'])[] = [
  ...['desa', 'kode_desa', 'kd_desa', 'kode_kel', 'kode_kelurahan', 'kdepum'].map(
    (k) => [k, 'desa'] as const,
  ),
  ...['kecamatan', 'kode_kec', 'kode_kecamatan', 'kd_kec', 'kd_kecamatan', 'kdcpum'].map(
    (k) => [k, 'kecamatan'] as const,
  ),
  ...[
    'kabkota',
    'kab_kota',
    'kode_kab',
    'kode_kabkota',
    'kode_kabupaten',
    'kode_kota',
    'kd_kab',
    'kd_kabkota',
    'kd_kabupaten',
    'kdpkab',
  ].map((k) => [k, 'kabkota'] as const),
  ...['kode', 'code', 'kode_wilayah', 'kd_wilayah'].map((k) => [k, 'any'] as const),
];
const NAME_KEYS = ['nama', 'name', 'namobj', 'wadmkc', 'wadmkd', 'wadmkk', 'nama_kec', 'nm_kecamatan'];
const LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
const WIDTHS = [2, 2, 2, 4];
const LEVEL_WORDS: Record<BoundaryLevel, string> = {
  kabkota: 'kab/kota',
  kecamatan: 'kecamatan',
  desa: 'desa',
};
const KNOWN: Record<BoundaryLevel, ReadonlySet<string>> = {
  kabkota: new Set(KABKOTA.map((k) => k.code)),
  kecamatan: new Set(KECAMATAN.map((k) => k.code)),
  desa: new Set(DESA.map((d) => d.code)),
};

const NOT_COLLECTION = 'it is not a GeoJSON FeatureCollection';
const Collection = z.object(
  {
    type: z.literal('FeatureCollection', { error: NOT_COLLECTION }),
    crs: z
      .object({ properties: z.object({ name: z.string() }).loose() })
      .loose()
      .optional()
      .catch(undefined),
    features: z
      .array(z.unknown(), { error: '"features" is not a list' })
      .min(1, { error: 'the collection has no features' }),
  },
  { error: NOT_COLLECTION },
);
const NOT_FEATURE = 'it is not a GeoJSON Feature';
const Feature = z.object(
  {
    type: z.literal('Feature', { error: NOT_FEATURE }),
    properties: z.record(z.string(), z.unknown()).nullish(),
    geometry: z.object({ type: z.string() }, { error: 'it has no geometry' }).loose(),
  },
  { error: NOT_FEATURE },
);
const Position = z
  .array(z.number({ error: 'a coordinate is not a number' }), {
    error: 'a position is not a list of numbers',
  })
  .min(2, { error: 'a position has fewer than 2 numbers' });
const Ring = z
  .array(Position, { error: 'a ring is not a list of positions' })
  .min(3, { error: 'a ring has fewer than 3 corners' });
const PolygonCoordinates = z
  .array(Ring, { error: 'a polygon is not a list of rings' })
  .min(1, { error: 'a polygon has no rings' });
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z
      .array(PolygonCoordinates, { error: 'a multipolygon is not a list of polygons' })
      .min(1, { error: 'a multipolygon has no polygons' }),
  }),
]);

type Region = { level: BoundaryLevel; kabkotaCode: string; kecamatanCode?: string; desaCode?: string };
type Code = { level: (typeof LEVELS)[number]; code: string };

/** "63.71.02", "637102", 637102, "63.71.2" → 63.71.02 at level kecamatan; a problem in plain words otherwise. */
export function normalizeCode(raw: unknown): Code | string {
  const text =
    typeof raw === 'number' && Number.isSafeInteger(raw)
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : '';
  let parts: string[];
  if (/^\d+$/.test(text)) {
    const cuts = { 2: [2], 4: [2, 4], 6: [2, 4, 6], 10: [2, 4, 6, 10] }[text.length];
    if (!cuts) {
      return text.length === 7 || text.length === 3
        ? `"${text}" looks like a BPS code; use the Kemendagri code such as 63.71.02`
        : `"${text}" is not a region code such as 63.71.02`;
    }
    parts = cuts.map((end, i) => text.slice(cuts[i - 1] ?? 0, end));
  } else if (/^\d{1,2}(\.\d{1,4}){1,3}$/.test(text)) {
    parts = text.split('.');
    if (parts.some((p, i) => p.length > (WIDTHS[i] ?? 0))) {
      return `"${text}" has a part too long for a Kemendagri code such as 63.71.02 (a BPS code?)`;
    }
  } else {
    return `${JSON.stringify(raw)} is not a region code such as 63.71.02`;
  }
  const level = LEVELS[parts.length - 1];
  if (!level) return `"${text}" is not a region code such as 63.71.02`;
  return { level, code: parts.map((p, i) => p.padStart(WIDTHS[i] ?? 0, '0')).join('.') };
}

/** The region a feature's properties name, or the problems with them. */
function regionOf(properties: Readonly<Record<string, unknown>>): Region | string[] {
  const problems: string[] = [];
  const codes: Code[] = [];
  /** Words where a code could be ("kecamatan": "Banjarmasin Tengah"): skipped, named if no code is found. */
  const names: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const expected = CODE_KEYS.find(([k]) => k === key.trim().toLowerCase())?.[1];
    if (!expected || value === null || value === '') continue;
    if (typeof value === 'string' && /\p{L}/u.test(value)) {
      names.push(`${key} is "${value}"`);
      continue;
    }
    const code = normalizeCode(value);
    if (typeof code === 'string') problems.push(`${key}: ${code}`);
    else if (expected !== 'any' && code.level !== expected) {
      problems.push(`${key}: "${code.code}" is a ${code.level} code, not a ${LEVEL_WORDS[expected]} code`);
    } else codes.push(code);
  }
  if (problems.length > 0) return problems;
  const ranked = codes.sort((a, b) => b.code.length - a.code.length);
  const [top] = ranked;
  if (!top) {
    const read = names.length > 0 ? `; ${names.join(', ')}, a name, not a code` : '';
    return [
      `no region code: give it a property such as "kode": "63.71.02" (also read: kecamatan, kabkota, kode_kec, kode_kab, kd_kecamatan, KDCPUM, KDPKAB, …)${read}`,
    ];
  }
  const clash = ranked.find((c) => !top.code.startsWith(c.code));
  if (clash) return [`its codes disagree: ${top.code} is not inside ${clash.code}`];
  if (top.level === 'provinsi')
    return [`it names the whole province (${top.code}), not a kab/kota or kecamatan`];
  if (!top.code.startsWith('63.')) return [`${top.code} is not in Kalimantan Selatan (codes start with 63)`];
  if (!KNOWN[top.level].has(top.code)) {
    return [`${top.code} is not a ${LEVEL_WORDS[top.level]} of Kalimantan Selatan in Aduan's region table`];
  }
  return {
    level: top.level,
    kabkotaCode: top.code.slice(0, 5),
    ...(top.level === 'kabkota' ? {} : { kecamatanCode: top.code.slice(0, 8) }),
    ...(top.level === 'desa' ? { desaCode: top.code } : {}),
  };
}

/** The first position that is not WGS 84 degrees, described; null when all are. */
function notDegrees(polygons: readonly (readonly (readonly (readonly number[])[])[])[]): string | null {
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lon = 0, lat = 0] of ring) {
        if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) continue;
        return Math.abs(lon) <= 90 && Math.abs(lat) <= 180
          ? `the position [${lon}, ${lat}] looks like [latitude, longitude]; GeoJSON wants [longitude, latitude]`
          : `the position [${lon}, ${lat}] is not in degrees (a projected system such as UTM?); export the file in WGS 84 (EPSG:4326)`;
      }
    }
  }
  return null;
}

function boxOf(rings: Rings): Box {
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const lat = ring[i] ?? 0;
      const lon = ring[i + 1] ?? 0;
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
    }
  }
  return { minLat, maxLat, minLon, maxLon };
}

const unionBox = (boxes: readonly Box[]): Box => ({
  minLat: Math.min(...boxes.map((b) => b.minLat)),
  maxLat: Math.max(...boxes.map((b) => b.maxLat)),
  minLon: Math.min(...boxes.map((b) => b.minLon)),
  maxLon: Math.max(...boxes.map((b) => b.maxLon)),
});

/** GeoJSON [lon, lat] positions → a closed flat [lat, lon, …] ring. */
function flatRing(ring: readonly (readonly number[])[]): number[] {
  const flat = ring.flatMap(([lon = 0, lat = 0]) => [lat, lon]);
  const n = flat.length;
  if (flat[0] !== flat[n - 2] || flat[1] !== flat[n - 1]) flat.push(flat[0] ?? 0, flat[1] ?? 0);
  return flat;
}

/** Area-weighted centroid of polygons (holes subtract), in degrees; the box's centre when they have no area. */
function centroidOf(polygons: readonly Polygon[], box: Box): readonly [number, number] {
  let area = 0;
  let lat = 0;
  let lon = 0;
  for (const polygon of polygons) {
    polygon.rings.forEach((ring, r) => {
      let a = 0;
      let cy = 0;
      let cx = 0;
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const y1 = ring[i] ?? 0;
        const x1 = ring[i + 1] ?? 0;
        const y2 = ring[i + 2] ?? 0;
        const x2 = ring[i + 3] ?? 0;
        const cross = x1 * y2 - x2 * y1;
        a += cross;
        cx += (x1 + x2) * cross;
        cy += (y1 + y2) * cross;
      }
      if (a === 0) return;
      // Outer rings add, holes subtract, whatever way round the file draws them.
      const sign = (r === 0 ? 1 : -1) * Math.sign(a);
      area += (sign * a) / 2;
      lon += (sign * cx) / 6;
      lat += (sign * cy) / 6;
    });
  }
  return area > 0 ? [lat / area, lon / area] : [(box.minLat + box.maxLat) / 2, (box.minLon + box.maxLon) / 2];
}

/**
 * Boundaries from parsed GeoJSON: a FeatureCollection of Polygon/MultiPolygon features (holes allowed), each
 * naming one kab/kota, kecamatan or desa by its Kemendagri code (all features at one level). Throws a
 * BoundariesError listing every problem.
 */
export function parseBoundaries(data: unknown, source = 'boundaries'): Boundaries {
  const collection = Collection.safeParse(data);
  if (!collection.success) {
    throw new BoundariesError(
      source,
      collection.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
    );
  }
  const problems: string[] = [];
  const crs = collection.data.crs?.properties.name;
  if (crs !== undefined && !/CRS84|4326/.test(crs)) {
    problems.push(`its coordinate system is ${crs}; export the file in WGS 84 (EPSG:4326)`);
  }
  const byCode = new Map<string, { region: Region; polygons: Polygon[] }>();
  collection.data.features.forEach((raw, index) => {
    const feature = Feature.safeParse(raw);
    const props = feature.success ? (feature.data.properties ?? {}) : {};
    const name = NAME_KEYS.map(
      (k) => Object.entries(props).find(([key]) => key.toLowerCase() === k)?.[1],
    ).find((v): v is string => typeof v === 'string' && v.trim() !== '');
    const where = `feature ${index + 1}${name ? ` (${name.trim()})` : ''}`;
    if (!feature.success) {
      problems.push(...feature.error.issues.map((i) => `${where}: ${i.message}`));
      return;
    }
    const geometryType = feature.data.geometry.type;
    if (geometryType !== 'Polygon' && geometryType !== 'MultiPolygon') {
      problems.push(
        `${where}: its geometry is a ${geometryType}; only Polygon and MultiPolygon outline a region`,
      );
      return;
    }
    const geometry = Geometry.safeParse(feature.data.geometry);
    const region = regionOf(props);
    if (Array.isArray(region)) problems.push(...region.map((p) => `${where}: ${p}`));
    if (!geometry.success) {
      problems.push(
        ...geometry.error.issues.map(
          (i) => `${where}: ${i.message} (at ${['geometry', ...i.path].join('.')})`,
        ),
      );
      return;
    }
    const coordinates =
      geometry.data.type === 'Polygon' ? [geometry.data.coordinates] : geometry.data.coordinates;
    const bad = notDegrees(coordinates);
    if (bad) problems.push(`${where}: ${bad}`);
    if (bad || Array.isArray(region)) return;
    const polygons = coordinates.map((rings): Polygon => {
      const flat = rings.map(flatRing);
      return { ...boxOf(flat), rings: flat };
    });
    const box = unionBox(polygons);
    if (
      box.maxLat < KALSEL_BBOX.minLat - KALSEL_SLACK_DEG ||
      box.minLat > KALSEL_BBOX.maxLat + KALSEL_SLACK_DEG ||
      box.maxLon < KALSEL_BBOX.minLon - KALSEL_SLACK_DEG ||
      box.minLon > KALSEL_BBOX.maxLon + KALSEL_SLACK_DEG
    ) {
      const [lat, lon] = centroidOf(polygons, box);
      problems.push(
        `${where}: it lies nowhere near Kalimantan Selatan (around ${lat.toFixed(3)}, ${lon.toFixed(3)})`,
      );
      return;
    }
    const code = region.desaCode ?? region.kecamatanCode ?? region.kabkotaCode;
    const entry = byCode.get(code);
    if (entry) entry.polygons.push(...polygons);
    else byCode.set(code, { region, polygons });
  });

  const levels = new Map<BoundaryLevel, number>();
  for (const { region } of byCode.values()) levels.set(region.level, (levels.get(region.level) ?? 0) + 1);
  if (levels.size > 1) {
    const counts = [...levels].map(([level, n]) => `${n} ${LEVEL_WORDS[level]}`).join(', ');
    problems.push(`it mixes levels (${counts}); use one level per file`);
  }
  const [level] = [...levels.keys()];
  if (problems.length > 0 || !level) {
    throw new BoundariesError(source, problems.length > 0 ? problems : ['no feature names a region']);
  }

  const areas = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, { region, polygons }]): Area => {
      const box = unionBox(polygons);
      return {
        code,
        kabkotaCode: region.kabkotaCode,
        ...(region.kecamatanCode === undefined ? {} : { kecamatanCode: region.kecamatanCode }),
        ...(region.desaCode === undefined ? {} : { desaCode: region.desaCode }),
        polygons,
        ...box,
        centroid: centroidOf(polygons, box),
      };
    });
  return {
    source,
    level,
    areas,
    missing: [...KNOWN[level]].filter((c) => !byCode.has(c)).sort(),
    box: unionBox(areas),
  };
}

/** Boundaries from a GeoJSON file; a BoundariesError lists what is wrong with it. */
export function loadBoundaries(path: string): Boundaries {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new BoundariesError(path, [`cannot read the file: ${e instanceof Error ? e.message : String(e)}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BoundariesError(path, [
      `the file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    ]);
  }
  return parseBoundaries(data, path);
}

const inBox = (lat: number, lon: number, b: Box): boolean =>
  lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;

const contains = (area: Area, lat: number, lon: number): boolean =>
  inBox(lat, lon, area) && area.polygons.some((p) => inBox(lat, lon, p) && insideRings(lat, lon, p.rings));

/** Distance in km from the pin to the area's nearest edge, or Infinity when its box is farther than `limit`. */
function edgeWithin(lat: number, lon: number, area: Area, limit: number): number {
  if (boxKm(lat, lon, area) > limit) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (const p of area.polygons) {
    if (boxKm(lat, lon, p) <= Math.min(best, limit)) best = Math.min(best, edgeKm(lat, lon, p.rings));
  }
  return best;
}

/** The kecamatan and desa of a pin in `area`: the file's when it names them, else the nearest centroids inside. */
function regionAt(area: Area, lat: number, lon: number): { kecamatanCode: string; desaCode?: string } {
  if (area.kecamatanCode !== undefined && area.desaCode !== undefined) {
    return { kecamatanCode: area.kecamatanCode, desaCode: area.desaCode };
  }
  const within = foundWithin(lat, lon, area.kabkotaCode, area.kecamatanCode);
  // parseBoundaries admits only codes of the shipped table, where every kecamatan has a centroid.
  if (!within) throw new Error(`no centroid inside ${area.code}`);
  return { kecamatanCode: within.kecamatanCode, ...(within.desaCode ? { desaCode: within.desaCode } : {}) };
}

const foundIn = (area: Area, lat: number, lon: number, km: number): PinResult => ({
  kind: 'found',
  kabkotaCode: area.kabkotaCode,
  ...regionAt(area, lat, lon),
  distanceKm: roundKm(km),
});

/**
 * Where a pin (WGS84 degrees) lies by the boundaries: in a polygon (in two that overlap: the one whose centroid
 * is nearer, then the smaller code); in none, the nearest polygon within MAX_OFF_POLYGON_KM, ambiguous when
 * another kab/kota's is about as near; farther from all, outside.
 */
export function locateInBoundaries(boundaries: Boundaries, lat: number, lon: number): PinResult {
  if (!validLatLon(lat, lon) || boxKm(lat, lon, boundaries.box) > MAX_OFF_POLYGON_KM)
    return { kind: 'outside' };
  let inside: Area | undefined;
  let insideKm = Number.POSITIVE_INFINITY;
  for (const area of boundaries.areas) {
    if (!contains(area, lat, lon)) continue;
    const km = flatKm(lat, lon, area.centroid[0], area.centroid[1]);
    if (km < insideKm) {
      inside = area;
      insideKm = km;
    }
  }
  if (inside) return foundIn(inside, lat, lon, 0);

  // The nearest area of each kab/kota (areas are in code order, so an exact tie keeps the smaller code).
  const nearest = new Map<string, { area: Area; km: number }>();
  for (const area of boundaries.areas) {
    const current = nearest.get(area.kabkotaCode);
    const km = edgeWithin(lat, lon, area, current?.km ?? MAX_OFF_POLYGON_KM);
    if (km <= MAX_OFF_POLYGON_KM && km < (current?.km ?? Number.POSITIVE_INFINITY)) {
      nearest.set(area.kabkotaCode, { area, km });
    }
  }
  const ranked = [...nearest.values()].sort((a, b) => a.km - b.km);
  const [first] = ranked;
  if (!first) return { kind: 'outside' };
  const tied = ranked.filter((r) => nearlyTied(first.km, r.km));
  if (tied.length < 2) return foundIn(first.area, lat, lon, first.km);
  return {
    kind: 'ambiguous',
    candidates: tied.map(
      ({ area, km }): PinCandidate => ({
        kabkotaCode: area.kabkotaCode,
        kecamatanCode: regionAt(area, lat, lon).kecamatanCode,
        distanceKm: roundKm(km),
      }),
    ),
  };
}

/** The runtime's pin locator: by the operator's boundaries when configured, else by the shipped centroids. */
export function locatePinWith(boundaries: Boundaries | null): (lat: number, lon: number) => PinResult {
  return boundaries ? (lat, lon) => locateInBoundaries(boundaries, lat, lon) : locatePin;
}
