// Transactions over the one connection: nested calls become savepoints of the outer one, and work that must wait
// for the data to be durable (waking a sender, deleting a file) is registered to run after the outermost commit.
import type { Db } from './db.js';

export type Captured<T> = { result: T; afterCommit: readonly (() => void)[] };

export class Transactions {
  /** One list of after-commit callbacks per open transaction or savepoint, innermost last. */
  private readonly frames: (() => void)[][] = [];
  /** better-sqlite3's wrapper, built once: BEGIN/COMMIT outside a transaction, SAVEPOINT/RELEASE inside one. */
  private readonly wrapped: ReturnType<typeof wrap>;

  constructor(private readonly db: Db) {
    this.wrapped = wrap(db);
  }

  /**
   * Runs `fn` in one transaction (a savepoint when one is open); its after-commit work is kept only if it succeeds.
   * `immediate` takes the write lock at BEGIN (an outermost transaction only).
   */
  run<T>(fn: () => T, begin: 'deferred' | 'immediate' = 'deferred'): T {
    const { result, afterCommit } = this.capture(fn, begin);
    const parent = this.frames.at(-1);
    if (parent) parent.push(...afterCommit);
    else runInOrder(afterCommit);
    return result;
  }

  /**
   * Like `run`, but hands the after-commit work back instead of keeping it: for a caller that commits several
   * savepoints at once and runs each one's work itself (src/storage/group-commit.ts).
   */
  capture<T>(fn: () => T, begin: 'deferred' | 'immediate' = 'deferred'): Captured<T> {
    const frame: (() => void)[] = [];
    this.frames.push(frame);
    // Assigned when the wrapper returns, which it does only after `fn` did.
    let result!: T;
    try {
      (begin === 'immediate' ? this.wrapped.immediate : this.wrapped)(() => {
        result = fn();
      });
    } finally {
      this.frames.pop();
    }
    return { result, afterCommit: frame };
  }

  /** Runs `cb` once what is being written now is committed: at once outside a transaction, dropped on rollback. */
  afterCommit(cb: () => void): void {
    const top = this.frames.at(-1);
    if (!top) cb();
    // Inside a transaction SQLite already rolled back (disk full, I/O): dropped with it.
    else if (this.db.inTransaction) top.push(cb);
  }

  /** Whether a transaction is open on the connection (SQLite may have rolled one back on its own: disk full, I/O). */
  open(): boolean {
    return this.db.inTransaction;
  }
}

const wrap = (db: Db) => db.transaction((fn: () => unknown) => fn());

/** In registration order, as straight-line code after a commit would: a throw stops the rest. */
export function runInOrder(callbacks: readonly (() => void)[]): void {
  for (const cb of callbacks) cb();
}
