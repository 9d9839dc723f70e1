// Where a pin lies by an operator's boundaries: the polygon it is in, else the nearest within a few km, else outside.
import type { Boundaries } from './boundaries.js';
import { type Area, contains, edgeWithin } from './boundary-areas.js';
import {
  type PinCandidate,
  type PinResult,
  boxKm,
  flatKm,
  foundWithin,
  locatePin,
  nearlyTied,
  roundKm,
  validLatLon,
} from './geo.js';

/** A pin in no polygon is still placed in the nearest one within this distance (coasts, simplified outlines). */
const MAX_OFF_POLYGON_KM = 5;

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
