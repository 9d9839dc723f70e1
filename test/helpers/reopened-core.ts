// Reopens a harness's database with options of a test's own (a fault hook, the search rebuild stepped by hand): the
// same start-up as the service, its background slices queued instead of run and its log kept.
import { join } from 'node:path';
import { type CoreOptions, buildCore } from '../../src/app/core.js';
import { seededIds } from '../../src/clock.js';
import type { Harness } from './harness.js';

export type LogLine = { level: 'info' | 'error'; fields: object; message: string };

/** The slices the start-up scheduled (run them with `step`), and what it logged. */
export type Reopened = { slices: (() => void)[]; logs: LogLine[]; step(): boolean };

export function reopen(h: Harness, opts: Partial<CoreOptions> = {}, seed = 2): Reopened {
  const slices: (() => void)[] = [];
  const logs: LogLine[] = [];
  h.core.close();
  h.core = buildCore({
    dbPath: join(h.dir, 'aduan.db'),
    dataDir: h.dir,
    clock: h.clock,
    ids: seededIds(seed),
    schedule: (slice) => slices.push(slice),
    log: {
      info: (fields, message) => logs.push({ level: 'info', fields, message }),
      error: (fields, message) => logs.push({ level: 'error', fields, message }),
    },
    ...opts,
  });
  return {
    slices,
    logs,
    /** Runs the next scheduled slice; false when none is waiting. */
    step: () => {
      const slice = slices.shift();
      slice?.();
      return slice !== undefined;
    },
  };
}
