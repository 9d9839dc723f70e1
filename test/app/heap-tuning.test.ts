// The start-up collection: it frees what is no longer reachable, and leaves no `gc` in the service's own globals.
import { describe, expect, it } from 'vitest';
import { collectOnce } from '../../src/app/heap-tuning.js';

describe('collectOnce', () => {
  it('runs a full collection that frees unreachable memory', () => {
    let garbage: number[][] | null = Array.from({ length: 200 }, () =>
      Array.from({ length: 20_000 }, (_, i) => i),
    );
    const withGarbage = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200);
    garbage = null;
    expect(collectOnce()).toBeGreaterThan(0);
    // 200 × 20,000 small integers: ~32 MB, all of it unreachable now.
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 20 * 1048576);
  });

  it('does not expose gc to the code that runs the service', () => {
    collectOnce();
    expect('gc' in globalThis).toBe(false);
  });
});
