// Keeps the service's memory near what it holds: how far V8 lets the heap grow past its live data before it collects.
//
// Left to itself, V8 picks a growth factor of up to 4x the live heap when allocation is fast: `npm run bench` held
// ~40 MB after a collection and sat at ~310 MB RSS. A fixed factor of 1.25 brought it to ~205 MB at the same speed
// (A/B, alternating). It is a growth factor, not a ceiling: the statistics page and the inbox at 1M tickets ran
// as fast and peaked at 229 MB instead of 359 MB; only bulk fills ran slower (54.6 s against 41.6 s).
import { setFlagsFromString } from 'node:v8';

/** The service's growth, in percent past the live heap (NODE_HEAP_GROWTH_PERCENT); `npm run bench` runs under it too. */
export const DEFAULT_HEAP_GROWTH_PERCENT = 25;

/** V8's own heuristics when 0. Set once, before the service starts; node keeps V8's flags writable for this. */
export function tuneHeap(growthPercent: number): void {
  if (growthPercent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(growthPercent)}`);
}
