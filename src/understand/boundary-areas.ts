// A region's boundary polygons as one area: its box and centroid, whether it holds a pin, how far its edge is.
import { type Box, type Rings, boxKm, edgeKm, insideRings } from './geo.js';

/** One polygon: its outer ring, then its holes (flat [lat, lon, …], closed). */
export type Polygon = Box & { readonly rings: Rings };

/** Every polygon of one region (features naming the same code are merged). */
export type Area = Box & {
  /** The most specific code: what the file names, and the tie-break between equally near areas. */
  readonly code: string;
  readonly kabkotaCode: string;
  readonly kecamatanCode?: string;
  readonly desaCode?: string;
  readonly polygons: readonly Polygon[];
  /** Area-weighted [lat, lon]: decides between polygons that overlap (simplified boundaries). */
  readonly centroid: readonly [number, number];
};

export function boxOf(rings: Rings): Box {
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

export const unionBox = (boxes: readonly Box[]): Box => ({
  minLat: Math.min(...boxes.map((b) => b.minLat)),
  maxLat: Math.max(...boxes.map((b) => b.maxLat)),
  minLon: Math.min(...boxes.map((b) => b.minLon)),
  maxLon: Math.max(...boxes.map((b) => b.maxLon)),
});

/** Area-weighted centroid of polygons (holes subtract), in degrees; the box's centre when they have no area. */
export function centroidOf(polygons: readonly Polygon[], box: Box): readonly [number, number] {
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

const inBox = (lat: number, lon: number, b: Box): boolean =>
  lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;

export const contains = (area: Area, lat: number, lon: number): boolean =>
  inBox(lat, lon, area) && area.polygons.some((p) => inBox(lat, lon, p) && insideRings(lat, lon, p.rings));

/** Distance in km from the pin to the area's nearest edge, or Infinity when its box is farther than `limit`. */
export function edgeWithin(lat: number, lon: number, area: Area, limit: number): number {
  if (boxKm(lat, lon, area) > limit) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (const p of area.polygons) {
    if (boxKm(lat, lon, p) <= Math.min(best, limit)) best = Math.min(best, edgeKm(lat, lon, p.rings));
  }
  return best;
}
