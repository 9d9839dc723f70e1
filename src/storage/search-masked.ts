// The one-off rebuild of the search index with masked text: how far it got (the last ticket re-indexed), whether it
// finished, and the tickets it still has to reach, in id order.
import { z } from 'zod';
import type { Db } from './db.js';

const Progress = z.object({ after_ticket: z.number(), done_at: z.number().nullable() });

export class SearchMasked {
  private readonly progressStmt;
  private readonly nextStmt;
  private readonly leftStmt;
  private readonly advanceStmt;

  constructor(db: Db) {
    this.progressStmt = db.prepare('SELECT after_ticket, done_at FROM search_masked WHERE id = 1');
    this.nextStmt = db.prepare('SELECT id FROM tickets WHERE id > ? ORDER BY id LIMIT ?').pluck();
    this.leftStmt = db.prepare('SELECT count(*) FROM tickets WHERE id > ?').pluck();
    this.advanceStmt = db.prepare('UPDATE search_masked SET after_ticket = ?, done_at = ? WHERE id = 1');
  }

  /** The last ticket re-indexed, or null once the rebuild has finished. */
  resumeAfter(): number | null {
    const p = Progress.parse(this.progressStmt.get());
    return p.done_at === null ? p.after_ticket : null;
  }

  /** The next tickets to re-index: ids after `after`, at most `limit`. */
  ticketsAfter(after: number, limit: number): number[] {
    return z.array(z.number()).parse(this.nextStmt.all(after, limit));
  }

  /** How many tickets are after `after`: what the rebuild still has to reach. */
  left(after: number): number {
    return z.number().parse(this.leftStmt.get(after));
  }

  /** Records the last ticket re-indexed; `doneAt` when none is left. */
  advance(after: number, doneAt: number | null): void {
    this.advanceStmt.run(after, doneAt);
  }
}
