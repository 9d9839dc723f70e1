// Once per database, from start-up on, in the background: every ticket's search text rebuilt as `reindex` writes it
// now (masked), for the tickets indexed before it masked. In slices of 500 tickets, one transaction each, handed to a
// scheduler so the service answers meanwhile; the progress is kept with each slice, so a crash resumes after the last
// one that committed, and a finished rebuild does nothing. Until a ticket is reached, a word search does not find it
// (its old row may hold a NIK, or a rahasia or anonim reporter's name and phone: `ticket-inbox.ts`).
import type { Clock } from '../clock.js';
import type { Store } from '../storage/store.js';
import { reindex } from './ticket-changes.js';

/** Tickets one slice re-indexes. */
const BATCH = 500;

/** Runs a slice of the rebuild later (setImmediate in the service; a test steps them by hand). */
export type Schedule = (slice: () => void) => void;

/** Where the rebuild says it started and ended (counts only), or why it stopped. */
export type RebuildLog = {
  info(fields: { tickets: number }, message: string): void;
  error(fields: { err: unknown }, message: string): void;
};

/** Re-indexes the next `batch` tickets in one transaction; `finished` once none is left (recorded with it). */
export function maskSearchBatch(
  store: Store,
  now: number,
  batch = BATCH,
): { tickets: number; finished: boolean } {
  return store.tx(() => {
    const after = store.searchMasked.resumeAfter();
    if (after === null) return { tickets: 0, finished: true };
    const ids = store.searchMasked.ticketsAfter(after, batch);
    for (const id of ids) reindex(store, id);
    const finished = ids.length < batch;
    store.searchMasked.advance(ids.at(-1) ?? after, finished ? now : null);
    return { tickets: ids.length, finished };
  });
}

/**
 * Starts the rebuild where it stands: nothing when it finished, done at once when no ticket is left, else one slice
 * per `schedule` call until the last. Logs the tickets left at the start and the tickets done at the end. `stop`
 * ends it before its next slice (the database is closing; the next start resumes).
 */
export function maskSearchIndex(deps: {
  store: Store;
  clock: Clock;
  schedule: Schedule;
  log: RebuildLog;
  batch?: number;
}): { stop(): void } {
  const { store, clock, schedule, log } = deps;
  let stopped = false;
  const after = store.searchMasked.resumeAfter();
  if (after === null) return { stop: () => {} };
  const left = store.searchMasked.left(after);
  if (left === 0) {
    maskSearchBatch(store, clock.now(), deps.batch);
    return { stop: () => {} };
  }
  log.info(
    { tickets: left },
    'search index: masking the tickets indexed before it masked, in the background',
  );
  let done = 0;
  const slice = (): void => {
    if (stopped) return;
    try {
      const step = maskSearchBatch(store, clock.now(), deps.batch);
      done += step.tickets;
      if (step.finished) log.info({ tickets: done }, 'search index: masked');
      else schedule(slice);
    } catch (err) {
      log.error({ err }, 'search index: masking stopped; it resumes at the next start');
    }
  };
  schedule(slice);
  return {
    stop: () => {
      stopped = true;
    },
  };
}
