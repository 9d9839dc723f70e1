// Files waiting to be deleted (`pending_file_removals`): queued in the transaction that deletes their rows, read and
// cleared by the drain after the commit, at start-up and on the retention pass.
import { z } from 'zod';
import type { Db } from './db.js';

/** Why a file goes: the citizen's "hapus data saya", retention after RETENTION_DAYS, an expired draft, or consent refused. */
export type RemovalReason = 'erasure' | 'retention' | 'draft' | 'consent';

/** A queued file: its path under the attachments folder and the content hash it is named by. */
export type PendingRemoval = { path: string; sha256: string };

const PATH = /^[0-9a-f]{2}\/([0-9a-f]{64})$/;
const Paths = z.array(z.string());

/** Where a content-addressed file lives under the attachments folder (as FileStore writes it). */
const pathOf = (sha256: string): string => `${sha256.slice(0, 2)}/${sha256}`;

export class FileRemovals {
  private readonly insert;
  private readonly oldest;
  private readonly drop;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO pending_file_removals (path, reason, created_at) VALUES (?, ?, ?)',
    );
    this.oldest = db
      .prepare('SELECT path FROM pending_file_removals ORDER BY created_at, path LIMIT ?')
      .pluck();
    this.drop = db.prepare('DELETE FROM pending_file_removals WHERE path = ?');
  }

  /** Queues the files of these hashes; inside the transaction that deleted their rows. */
  queue(hashes: readonly string[], reason: RemovalReason, now: number): void {
    for (const sha256 of new Set(hashes)) this.insert.run(pathOf(sha256), reason, now);
  }

  /** The oldest queued files, at most `limit`; a path that names no content-addressed file is cleared at once. */
  due(limit: number): PendingRemoval[] {
    const out: PendingRemoval[] = [];
    for (const path of Paths.parse(this.oldest.all(limit))) {
      const sha256 = PATH.exec(path)?.[1];
      if (sha256) out.push({ path, sha256 });
      else this.drop.run(path);
    }
    return out;
  }

  /** The file was deleted, or is kept because a row still uses it: it leaves the queue. */
  done(path: string): void {
    this.drop.run(path);
  }
}
