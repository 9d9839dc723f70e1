// Coordinates typed into a message ("-3.3190, 114.6170", "3°19'S 114°37'E", "3 19 12 LS 114 37 3 BT"): a location.
import type { GeoPoint } from '../domain/complaint.js';

const DECIMAL = /(-?\d{1,2}\.\d{3,})\s?[,;/ ]\s?(-?\d{2,3}\.\d{3,})/;
/**
 * Degrees, minutes, seconds with a hemisphere (S/N/E/W or LS/LU/BT/BB), read on text whose spaces are single:
 * each separator is one optional mark and at most one space, so no input makes the match backtrack for long.
 */
const DMS =
  /(\d{1,2})[°º˚]? ?(\d{1,2})?['’′]? ?(\d{1,2}(?:[.,]\d+)?)?["”″]? ?(LS|LU|S|N)\b[,;/]? ?(\d{1,3})[°º˚]? ?(\d{1,2})?['’′]? ?(\d{1,2}(?:[.,]\d+)?)?["”″]? ?(BT|BB|E|W)\b/i;

const dms = (d: string, m?: string, s?: string) =>
  Number(d) + Number(m ?? 0) / 60 + Number((s ?? '0').replace(',', '.')) / 3600;

/**
 * The first pair of coordinates in a text, latitude first. A decimal pair needs three decimals (a street number
 * or a price is not a place); a degrees pair needs its hemispheres. Null when there is none or it is impossible.
 */
export function findCoordinates(raw: string): GeoPoint | null {
  const text = raw.replace(/\s+/g, ' ');
  const d = DECIMAL.exec(text);
  if (d) {
    const lat = Number(d[1]);
    const lon = Number(d[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  }
  const g = DMS.exec(text);
  if (g) {
    const south = /^(LS|S)$/i.test(g[4] ?? '');
    const west = /^(BB|W)$/i.test(g[8] ?? '');
    const lat = dms(g[1] ?? '0', g[2], g[3]) * (south ? -1 : 1);
    const lon = dms(g[5] ?? '0', g[6], g[7]) * (west ? -1 : 1);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  }
  return null;
}
