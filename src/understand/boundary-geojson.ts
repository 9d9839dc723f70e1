// The GeoJSON a boundaries file must hold: its schema in plain-word errors, WGS 84 degrees, rings in [lat, lon] order.
import { z } from 'zod';

const NOT_COLLECTION = 'it is not a GeoJSON FeatureCollection';
export const Collection = z.object(
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
export const Feature = z.object(
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
export const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z
      .array(PolygonCoordinates, { error: 'a multipolygon is not a list of polygons' })
      .min(1, { error: 'a multipolygon has no polygons' }),
  }),
]);

/** The first position that is not WGS 84 degrees, described; null when all are. */
export function notDegrees(
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
): string | null {
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

/** GeoJSON [lon, lat] positions → a closed flat [lat, lon, …] ring. */
export function flatRing(ring: readonly (readonly number[])[]): number[] {
  const flat = ring.flatMap(([lon = 0, lat = 0]) => [lat, lon]);
  const n = flat.length;
  if (flat[0] !== flat[n - 2] || flat[1] !== flat[n - 1]) flat.push(flat[0] ?? 0, flat[1] ?? 0);
  return flat;
}
