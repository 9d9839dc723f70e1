// Group commit: writes submitted while the event loop is busy are committed together in one transaction on its
// next turn, each under its own savepoint (one failing does not undo the others), each caller told after the commit.
// One commit then writes the shared pages (the outbox's, the inbound log's, their indexes') once for all of them.
import { type Transactions, runInOrder } from './transactions.js';

/** `run` keeps its result for `resolve`, which hands it to the caller's promise. */
type Job = { run: () => void; resolve: () => void; reject: (err: unknown) => void };

export type Schedule = (fn: () => void) => void;

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
    try {
      this.transactions.run(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ job, afterCommit: this.transactions.capture(job.run).afterCommit });
          } catch (err) {
            // SQLite rolled the whole transaction back (disk full, I/O): nothing of this group can commit.
            if (!this.transactions.open()) throw err;
            failed.push({ job, err });
          }
        }
      });
    } catch (err) {
      for (const job of jobs) job.reject(err);
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
