// Group commit: writes submitted while the event loop is busy are committed together in one transaction on its
// next turn, each under its own savepoint (one failing does not undo the others), each caller told after the commit.
// One commit then writes the shared pages (the outbox's, the inbound log's, their indexes') once for all of them.
import { type Transactions, runInOrder } from './transactions.js';

/** `run` keeps its result for `resolve`, which hands it to the caller's promise. */
type Job = { run: () => void; resolve: () => void; reject: (err: unknown) => void };

export type Schedule = (fn: () => void) => void;

/** A job rolled back with its whole group: another job broke the transaction, or the commit failed (`cause`). */
export class GroupRolledBack extends Error {
  constructor(cause: unknown) {
    super('rolled back with its group', { cause });
    this.name = 'GroupRolledBack';
  }
}

export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly schedule: Schedule = (fn) => setImmediate(fn),
  ) {}

  /** Runs `fn` in the next group's transaction; resolves with its result once that transaction is committed. */
  submit<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let value!: T;
      this.queue.push({
        run: () => {
          value = fn();
        },
        resolve: () => resolve(value),
        reject,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  /** Commits what is queued now (the scheduled turn does this; a stop calls it so nothing waits). */
  flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    if (jobs.length === 0) return;
    this.queue = [];
    const outcomes: { job: Job; afterCommit: readonly (() => void)[] }[] = [];
    const failed: { job: Job; err: unknown }[] = [];
    let culprit: Job | null = null;
    try {
      // IMMEDIATE: the group takes the write lock at once, so no other process's commit can invalidate its snapshot
      // half way (SQLITE_BUSY_SNAPSHOT for every job after).
      this.transactions.run(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ job, afterCommit: this.transactions.capture(job.run).afterCommit });
          } catch (err) {
            // SQLite rolled the whole transaction back (disk full, I/O): nothing of this group can commit.
            if (!this.transactions.open()) {
              culprit = job;
              throw err;
            }
            failed.push({ job, err });
          }
          if (!this.transactions.open())
            throw new Error('the group transaction ended under a job that returned');
        }
      }, 'immediate');
    } catch (err) {
      for (const job of jobs) job.reject(job === culprit ? err : new GroupRolledBack(err));
      return;
    }
    for (const { job, err } of failed) job.reject(err);
    // Committed. Each job's own after-commit work, then its caller; a throw there is that caller's error alone.
    for (const { job, afterCommit } of outcomes) {
      try {
        runInOrder(afterCommit);
      } catch (err) {
        job.reject(err);
        continue;
      }
      job.resolve();
    }
  }
}
