// Once per database, at start-up: every ticket's search text rebuilt as `reindex` writes it now (masked), for the
// tickets indexed before it masked. In batches, one transaction each, the progress kept with them: a crash resumes
// after the last batch that committed, and a finished rebuild does nothing.
import type { Store } from '../storage/store.js';
import { reindex } from './ticket-changes.js';

/** Tickets one transaction re-indexes. */
const BATCH = 500;

/** Re-indexes the tickets the rebuild has not reached yet; returns how many (0 once it has finished). */
export function maskSearchIndex(store: Store, now: number, batch = BATCH): number {
  let total = 0;
  for (;;) {
    const more = store.tx(() => {
      const after = store.searchMasked.resumeAfter();
      if (after === null) return false;
      const ids = store.searchMasked.ticketsAfter(after, batch);
      for (const id of ids) reindex(store, id);
      total += ids.length;
      const full = ids.length === batch;
      store.searchMasked.advance(ids.at(-1) ?? after, full ? null : now);
      return full;
    });
    if (!more) return total;
  }
}
