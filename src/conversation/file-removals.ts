// Deletes the files erasure and retention queued (`pending_file_removals`) once their rows are gone: after each commit
// that queued some, at start-up and on the retention pass, so a crash in between leaves no erased person's file behind.
// Idempotent: a file already gone counts as removed; a file another row still uses stays.
import type { FileStore } from '../storage/file-store.js';
import type { Store } from '../storage/store.js';

/** Files one pass looks at: the next pass takes the rest. */
const BATCH = 500;

/** Deletes the queued files no attachment row uses any more and clears them from the queue; returns how many. */
export function removePendingFiles(store: Store, files: FileStore, limit = BATCH): number {
  let removed = 0;
  for (const pending of store.fileRemovals.due(limit)) {
    // Checked again here: another chat may have sent the same content since it was queued.
    store.tx(() => {
      if (!store.erasure.fileInUse(pending.sha256)) {
        files.remove(pending.sha256);
        removed++;
      }
      store.fileRemovals.done(pending.path);
    });
  }
  return removed;
}

/** Every queued file, batch after batch: the start-up drain of what a crash left. */
export function removeAllPendingFiles(store: Store, files: FileStore): number {
  let removed = 0;
  for (;;) {
    const before = store.fileRemovals.due(1).length;
    if (before === 0) return removed;
    removed += removePendingFiles(store, files);
  }
}
