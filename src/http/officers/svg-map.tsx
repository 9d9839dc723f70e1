// The statistics' map of Kalsel: the shipped kab/kota outlines (or the operator's BOUNDARIES_FILE polygons, shaded by
// count when they are of the map's level) and a circle per kab/kota or kecamatan at its centroid, area ∝ complaints.
import { KABKOTA, KABKOTA_OUTLINES, KALSEL_BBOX, KECAMATAN } from '../../data/regions-data.js';
import type { Boundaries } from '../../understand/boundaries.js';
import type { Rings } from '../../understand/geo.js';

const WIDTH = 320;
const PAD = 6;
const SCALE = (WIDTH - 2 * PAD) / (KALSEL_BBOX.maxLon - KALSEL_BBOX.minLon);
const HEIGHT = Math.round((KALSEL_BBOX.maxLat - KALSEL_BBOX.minLat) * SCALE + 2 * PAD);
/** The largest circle's radius: the kab/kota or kecamatan with the most complaints. */
const MAX_RADIUS = { kabkota: 26, kecamatan: 12 } as const;

const x = (lon: number) => Math.round((PAD + (lon - KALSEL_BBOX.minLon) * SCALE) * 10) / 10;
const y = (lat: number) => Math.round((PAD + (KALSEL_BBOX.maxLat - lat) * SCALE) * 10) / 10;

/** An SVG path of rings of flat [lat, lon, …], points closer than a unit to the last one dropped. */
function pathOf(rings: Rings): string {
  const parts: string[] = [];
  for (const ring of rings) {
    let last: [number, number] | null = null;
    const points: string[] = [];
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const p: [number, number] = [x(ring[i + 1] ?? 0), y(ring[i] ?? 0)];
      if (last && Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) < 1) continue;
      points.push(`${p[0]} ${p[1]}`);
      last = p;
    }
    if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
  }
  return parts.join('');
}

type Shape = { kabkotaCode: string; kecamatanCode: string | null; path: string };

let shipped: Shape[] | null = null;
const fromFile = new WeakMap<Boundaries, Shape[]>();

/** The outlines drawn: the operator's kab/kota or kecamatan polygons when given, else the shipped kab/kota ones. */
function shapes(boundaries: Boundaries | null): Shape[] {
  if (boundaries && boundaries.level !== 'desa') {
    const cached = fromFile.get(boundaries);
    if (cached) return cached;
    const made = boundaries.areas.map((a) => ({
      kabkotaCode: a.kabkotaCode,
      kecamatanCode: a.kecamatanCode ?? null,
      path: a.polygons.map((p) => pathOf(p.rings)).join(''),
    }));
    fromFile.set(boundaries, made);
    return made;
  }
  shipped ??= Object.entries(KABKOTA_OUTLINES).map(([code, rings]) => ({
    kabkotaCode: code,
    kecamatanCode: null,
    path: pathOf(rings),
  }));
  return shipped;
}

export function ComplaintMap(props: {
  id: string;
  title: string;
  desc: string;
  level: 'kabkota' | 'kecamatan';
  counts: { key: string; n: number }[];
  boundaries: Boundaries | null;
  nameOf: (code: string) => string;
}) {
  const count = new Map(props.counts.map((c) => [c.key, c.n]));
  const max = Math.max(1, ...props.counts.map((c) => c.n));
  const places =
    props.level === 'kabkota'
      ? KABKOTA.map((k) => ({ code: k.code, centroid: k.centroid }))
      : KECAMATAN.map((k) => ({ code: k.code, centroid: k.centroid }));
  const shadeOf = (s: Shape): number => {
    const code = props.level === 'kabkota' ? (s.kecamatanCode ? null : s.kabkotaCode) : s.kecamatanCode;
    const n = code && props.boundaries ? (count.get(code) ?? 0) : 0;
    return n === 0 ? 0 : Math.round((0.1 + 0.5 * (n / max)) * 100) / 100;
  };
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      class="chart map"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {shapes(props.boundaries).map((s) => (
        <path
          d={s.path}
          fill={shadeOf(s) > 0 ? `rgba(15,81,50,${shadeOf(s)})` : '#eef3f0'}
          fill-rule="evenodd"
          stroke="#9bb0a4"
          stroke-width="0.6"
        />
      ))}
      {places.map((p) => {
        const n = count.get(p.code) ?? 0;
        if (n === 0) return null;
        const r = Math.max(1.5, Math.round(MAX_RADIUS[props.level] * Math.sqrt(n / max) * 10) / 10);
        return (
          <circle
            cx={x(p.centroid[1])}
            cy={y(p.centroid[0])}
            r={r}
            fill="rgba(166,27,27,0.45)"
            stroke="#a61b1b"
            stroke-width="0.8"
          >
            <title>{`${props.nameOf(p.code)}: ${n}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
