// Places a GPS pin in Kalsel: kab/kota by simplified outline or nearest desa/kecamatan centroid, then kecamatan and desa.
import { DESA, KABKOTA_OUTLINES, KALSEL_BBOX, KECAMATAN } from '../data/regions-data.js';

export type PinCandidate = { kabkotaCode: string; kecamatanCode: string; distanceKm: number };

/**
 * `distanceKm`: how far the pin is from what placed it: the nearest centroid here; with boundaries, the region's
 * polygon (0 inside it).
 */
export type PinResult =
  | { kind: 'found'; kabkotaCode: string; kecamatanCode: string; desaCode?: string; distanceKm: number }
  | { kind: 'ambiguous'; candidates: PinCandidate[] }
  | { kind: 'outside' };

/** Slack around the outlines' bounding box, in degrees (≈5.5 km). */
const BBOX_MARGIN_DEG = 0.05;
/** A pin in no outline is still in Kalsel within this distance of one (coasts, river mouths, simplification). */
const MAX_OFF_OUTLINE_KM = 5;
/** A pin in no outline farther than this from every desa/kecamatan centroid is outside Kalsel. */
const MAX_CENTROID_KM = 25;
/** A pin inside one outline but this close to another kab/kota's outline could be in either. */
const BORDER_KM = 0.3;
/** Without an outline to decide, the two nearest kab/kota tie when their distances are this close. */
const TIE_RATIO = 1.15;
const TIE_KM = 0.5;
/** The nearest desa centroid names the desa only when the next one is clearly farther. */
const DESA_RATIO = 0.75;

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Flat projection around the pin: km per degree of latitude, and of longitude at the equator. */
const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LON = 111.32;

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Point = {
  readonly lat: number;
  readonly lon: number;
  readonly kabkotaCode: string;
  readonly kecamatanCode: string;
  readonly desaCode?: string;
};

const POINTS: readonly Point[] = [
  ...DESA.flatMap((d) =>
    d.centroid
      ? [
          {
            lat: d.centroid[0],
            lon: d.centroid[1],
            kabkotaCode: d.kecamatanCode.slice(0, 5),
            kecamatanCode: d.kecamatanCode,
            desaCode: d.code,
          },
        ]
      : [],
  ),
  ...KECAMATAN.map((k) => ({
    lat: k.centroid[0],
    lon: k.centroid[1],
    kabkotaCode: k.kabkotaCode,
    kecamatanCode: k.code,
  })),
];

/** Rings as flat [lat, lon, lat, lon, …] arrays, each closed (last point = first). */
export type Rings = readonly (readonly number[])[];

export type Box = {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
};

/** The points of each kab/kota and of each kecamatan. */
const POINTS_IN = new Map<string, Point[]>();
for (const point of POINTS) {
  for (const code of [point.kabkotaCode, point.kecamatanCode]) {
    const list = POINTS_IN.get(code);
    if (list) list.push(point);
    else POINTS_IN.set(code, [point]);
  }
}

type Outline = Box & { readonly code: string; readonly rings: Rings };

const OUTLINES: readonly Outline[] = Object.entries(KABKOTA_OUTLINES).map(([code, rings]) => {
  const lats = rings.flatMap((r) => r.filter((_, i) => i % 2 === 0));
  const lons = rings.flatMap((r) => r.filter((_, i) => i % 2 === 1));
  return {
    code,
    rings,
    minLat: Math.min(...lats),
    maxLat: Math.max(...lats),
    minLon: Math.min(...lons),
    maxLon: Math.max(...lons),
  };
});

/** Distance in km between nearby points by the flat projection around the first (for ranking, not display). */
export function flatKm(lat: number, lon: number, lat2: number, lon2: number): number {
  return Math.hypot((lat2 - lat) * KM_PER_DEG_LAT, (lon2 - lon) * KM_PER_DEG_LON * Math.cos(lat * RAD));
}

/** Distance in km from the pin to a bounding box (0 inside it): a lower bound of the edge distance. */
export function boxKm(lat: number, lon: number, o: Box): number {
  const dLat = Math.max(o.minLat - lat, 0, lat - o.maxLat) * KM_PER_DEG_LAT;
  const dLon = Math.max(o.minLon - lon, 0, lon - o.maxLon) * KM_PER_DEG_LON * Math.cos(lat * RAD);
  return Math.hypot(dLat, dLon);
}

/** Distance in km to the outline's edge, or Infinity when its bounding box is already farther than `limit`. */
function edgeWithin(lat: number, lon: number, o: Outline, limit: number): number {
  return boxKm(lat, lon, o) > limit ? Number.POSITIVE_INFINITY : edgeKm(lat, lon, o.rings);
}

/** Even-odd ray casting over all rings (an outline's, or one polygon's outer ring and holes). */
export function insideRings(lat: number, lon: number, rings: Rings): boolean {
  let odd = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const latI = ring[i] ?? 0;
      const lonI = ring[i + 1] ?? 0;
      const latJ = ring[j] ?? 0;
      const lonJ = ring[j + 1] ?? 0;
      if (latI > lat !== latJ > lat && lon < ((lonJ - lonI) * (lat - latI)) / (latJ - latI) + lonI)
        odd = !odd;
    }
  }
  return odd;
}

/** Distance in km from the pin to the nearest edge of the rings (flat projection around the pin). */
export function edgeKm(lat: number, lon: number, rings: Rings): number {
  const kx = KM_PER_DEG_LON * Math.cos(lat * RAD);
  const ky = KM_PER_DEG_LAT;
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0; i + 3 < ring.length; i += 2) {
      const x1 = ((ring[i + 1] ?? 0) - lon) * kx;
      const y1 = ((ring[i] ?? 0) - lat) * ky;
      const x2 = ((ring[i + 3] ?? 0) - lon) * kx;
      const y2 = ((ring[i + 2] ?? 0) - lat) * ky;
      const dx = x2 - x1;
      const dy = y2 - y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len2));
      best = Math.min(best, Math.hypot(x1 + t * dx, y1 + t * dy));
    }
  }
  return best;
}

type Nearest = {
  point: Point;
  /** Haversine distance to `point`. */
  km: number;
  /** Flat-projection distances to the two nearest desa centroids (only compared with each other). */
  desaKm: [number, number];
};

/**
 * Per kab/kota: its nearest centroid, and its two nearest desa centroids. The scan ranks by a flat
 * projection around the pin (well under 0.1% off at Kalsel's size); the kept distance is haversine.
 */
function nearestByKab(lat: number, lon: number, points: readonly Point[] = POINTS): Map<string, Nearest> {
  const kx = KM_PER_DEG_LON * Math.cos(lat * RAD);
  const best = new Map<string, { point: Point; flat: number; desaKm: [number, number] }>();
  for (const point of points) {
    const dx = (point.lon - lon) * kx;
    const dy = (point.lat - lat) * KM_PER_DEG_LAT;
    const flat = Math.sqrt(dx * dx + dy * dy);
    let entry = best.get(point.kabkotaCode);
    if (!entry) {
      entry = { point, flat, desaKm: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] };
      best.set(point.kabkotaCode, entry);
    } else if (flat < entry.flat) {
      entry.point = point;
      entry.flat = flat;
    }
    if (point.desaCode === undefined) continue;
    const [d1, d2] = entry.desaKm;
    if (flat < d1) entry.desaKm = [flat, d1];
    else if (flat < d2) entry.desaKm = [d1, flat];
  }
  const out = new Map<string, Nearest>();
  for (const [code, e] of best) {
    out.set(code, { point: e.point, km: haversineKm(lat, lon, e.point.lat, e.point.lon), desaKm: e.desaKm });
  }
  return out;
}

export const roundKm = (km: number): number => Math.round(km * 100) / 100;

/** Two distances to different kab/kota (nearest first) too close to choose between. */
export const nearlyTied = (firstKm: number, secondKm: number): boolean =>
  secondKm <= firstKm * TIE_RATIO || secondKm - firstKm < TIE_KM;

type Found = Extract<PinResult, { kind: 'found' }>;

const candidate = (n: Nearest): PinCandidate => ({
  kabkotaCode: n.point.kabkotaCode,
  kecamatanCode: n.point.kecamatanCode,
  distanceKm: roundKm(n.km),
});

function found(n: Nearest): Found {
  const desa =
    n.point.desaCode !== undefined && n.desaKm[0] <= DESA_RATIO * n.desaKm[1] ? n.point.desaCode : undefined;
  return {
    kind: 'found',
    kabkotaCode: n.point.kabkotaCode,
    kecamatanCode: n.point.kecamatanCode,
    ...(desa === undefined ? {} : { desaCode: desa }),
    distanceKm: roundKm(n.km),
  };
}

/**
 * A pin known to lie in a kab/kota (and kecamatan, when given): its kecamatan and desa by the nearest centroids
 * inside that region only; null when the shipped table has no centroid there.
 */
export function foundWithin(
  lat: number,
  lon: number,
  kabkotaCode: string,
  kecamatanCode?: string,
): Found | null {
  const n = nearestByKab(lat, lon, POINTS_IN.get(kecamatanCode ?? kabkotaCode) ?? []).get(kabkotaCode);
  return n ? found(n) : null;
}

export const validLatLon = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

const inBox = (lat: number, lon: number): boolean =>
  lat >= KALSEL_BBOX.minLat - BBOX_MARGIN_DEG &&
  lat <= KALSEL_BBOX.maxLat + BBOX_MARGIN_DEG &&
  lon >= KALSEL_BBOX.minLon - BBOX_MARGIN_DEG &&
  lon <= KALSEL_BBOX.maxLon + BBOX_MARGIN_DEG;

/** Where a pin (WGS84 degrees) lies in Kalsel: found, ambiguous near a kab/kota border, or outside. */
export function locatePin(lat: number, lon: number): PinResult {
  if (!validLatLon(lat, lon) || !inBox(lat, lon)) return { kind: 'outside' };
  const containing = OUTLINES.filter((o) => boxKm(lat, lon, o) === 0 && insideRings(lat, lon, o.rings)).map(
    (o) => o.code,
  );
  const nearest = nearestByKab(lat, lon);
  const ranked = [...nearest.values()].sort((a, b) => a.km - b.km);
  const closest = ranked[0];
  if (!closest) return { kind: 'outside' };
  if (containing.length === 0) {
    const offOutline = Math.min(...OUTLINES.map((o) => edgeWithin(lat, lon, o, MAX_OFF_OUTLINE_KM)));
    if (offOutline > MAX_OFF_OUTLINE_KM || closest.km > MAX_CENTROID_KM) return { kind: 'outside' };
  }

  const only = containing.length === 1 ? nearest.get(containing[0] ?? '') : undefined;
  if (only) {
    const nearBorder = new Set(
      OUTLINES.filter(
        (o) => o.code !== only.point.kabkotaCode && edgeWithin(lat, lon, o, BORDER_KM) < BORDER_KM,
      ).map((o) => o.code),
    );
    const neighbours = ranked.filter((n) => nearBorder.has(n.point.kabkotaCode));
    if (neighbours.length > 0) return { kind: 'ambiguous', candidates: [only, ...neighbours].map(candidate) };
    return found(only);
  }

  const pool =
    containing.length > 1 ? ranked.filter((n) => containing.includes(n.point.kabkotaCode)) : ranked;
  const [first, second] = pool;
  if (!first) return { kind: 'outside' };
  if (second && nearlyTied(first.km, second.km)) {
    return { kind: 'ambiguous', candidates: [first, second].map(candidate) };
  }
  return found(first);
}
