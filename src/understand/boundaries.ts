// An operator's boundary polygons (GeoJSON, BOUNDARIES_FILE) for location pins: validated once, then point-in-polygon.
import { readFileSync } from 'node:fs';
import { KALSEL_BBOX } from '../data/regions-data.js';
import { type Area, type Polygon, boxOf, centroidOf, unionBox } from './boundary-areas.js';
import { type BoundaryLevel, KNOWN, LEVEL_WORDS, type Region, regionOf } from './boundary-codes.js';
import { Collection, Feature, Geometry, flatRing, notDegrees } from './boundary-geojson.js';
import type { Box } from './geo.js';

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
/** A polygon whose box is this far (degrees, ≈55 km) from Kalsel's is not a Kalsel region at all. */
const KALSEL_SLACK_DEG = 0.5;
const NAME_KEYS = ['nama', 'name', 'namobj', 'wadmkc', 'wadmkd', 'wadmkk', 'nama_kec', 'nm_kecamatan'];

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
