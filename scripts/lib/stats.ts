// Small statistics for the drill reports: percentiles (nearest rank), a memory trend, rounding.

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * p50/p95/p99/max of latencies in ms. Infinity stands for "never arrived": a percentile that lands on one is
 * reported as null, so a censored figure is never mistaken for a measured one.
 */
export function latencySummary(values: number[]): {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
} {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (q: number): number | null => {
    if (n === 0) return null;
    const v = sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] ?? Number.NaN;
    return Number.isFinite(v) ? round(v) : null;
  };
  let sum = 0;
  let finite = 0;
  for (const v of sorted) {
    if (Number.isFinite(v)) {
      sum += v;
      finite++;
    }
  }
  return {
    n,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
    mean: finite > 0 ? round(sum / finite) : null,
  };
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * The service's RSS over time (and its CPU): first, max, last, and the trend (MB per minute) over the last two thirds of the
 * load (the first third is warm-up: JIT, caches, SQLite page cache). `series` keeps one sample every `everySec` seconds.
 */
export function rssSummary(
  samples: { t: number; mb: number; cpu?: number | null }[],
  /** The load's time span (sampler seconds): the trend and CPU figures use only these samples. */
  load: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
  everySec = 5,
) {
  if (samples.length === 0) return null;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const during = samples.filter((s) => s.t >= load[0] && s.t <= load[1]);
  const from = during[0]?.t ?? first.t;
  const to = during.at(-1)?.t ?? last.t;
  const tail = during.filter((s) => s.t >= from + (to - from) / 3);
  const series: [number, number, number | null][] = [];
  let nextT = -1;
  for (const s of samples) {
    if (s.t >= nextT) {
      series.push([
        round(s.t, 0),
        round(s.mb, 1),
        s.cpu === null || s.cpu === undefined ? null : round(s.cpu * 100, 0),
      ]);
      nextT = s.t + everySec;
    }
  }
  const cpu = during.flatMap((s) => (s.cpu === null || s.cpu === undefined ? [] : [s.cpu]));
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  return {
    samples: samples.length,
    firstMb: round(first.mb, 1),
    maxMb: round(Math.max(...samples.map((s) => s.mb)), 1),
    lastMb: round(last.mb, 1),
    /** RSS at the end of the load (before the drain and the stop). */
    endOfLoadMb: round(during.at(-1)?.mb ?? last.mb, 1),
    trendMbPerMinAfterWarmup: round(slope(tail.map((s) => ({ x: s.t / 60, y: s.mb }))), 2),
    /** CPU of the service process in % of one core (it runs JavaScript on one thread): mean and 90th percentile. */
    cpuPercentMean: cpu.length > 0 ? round((100 * cpu.reduce((a, b) => a + b, 0)) / cpu.length, 0) : null,
    cpuPercentP90:
      cpuSorted.length > 0
        ? round(100 * (cpuSorted[Math.floor(0.9 * (cpuSorted.length - 1))] ?? 0), 0)
        : null,
    /** [seconds, RSS MB, CPU %] every few seconds. */
    series,
  };
}

/** A count per key, sorted by key. */
export function tally(keys: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
