// Keeps the service's memory near what it holds: how far V8 lets the heap grow past its live data before it collects.
//
// Left to itself, V8 picks a growth factor of up to 4x the live heap when allocation is fast: `npm run bench` held
// ~40 MB after a collection and sat at ~310 MB RSS. A fixed factor of 1.25 brought it to ~205 MB at the same speed
// (A/B, alternating). It is a growth factor, not a ceiling: the statistics page and the inbox at 1M tickets ran
// as fast and peaked at 229 MB instead of 359 MB; only bulk fills ran slower (54.6 s against 41.6 s).
//
// V8 also sizes the old generation's first limit for a heap it knows nothing about: at 500 updates/s the old space
// grew from ~45 to ~176 MB (RSS ~410 MB) before V8's first full collection, ~40 s in, and only then did the growth
// factor keep it at ~55-75 MB. One full collection right after start-up sets that limit from what is live.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The service's growth, in percent past the live heap (NODE_HEAP_GROWTH_PERCENT); `npm run bench` runs under it too. */
export const DEFAULT_HEAP_GROWTH_PERCENT = 25;

/** V8's own heuristics when 0. Set once, before the service starts; node keeps V8's flags writable for this. */
export function tuneHeap(growthPercent: number): void {
  if (growthPercent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(growthPercent)}`);
}

/**
 * One full collection, once the service has started (and the bench built its core), so that V8 sizes the old
 * generation from its live data instead of its start-up guess; how long it took, in ms. V8 offers `gc` only behind
 * --expose-gc: set now, it reaches a context made now, never the service's own globals.
 */
export function collectOnce(): number {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') return 0;
  const started = performance.now();
  gc();
  return performance.now() - started;
}
