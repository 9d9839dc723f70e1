// The progress of an outbox message sent in several parts, kept with its row: a retry never repeats a part.
import { z } from 'zod';
import type { Db } from './db.js';

/**
 * The parts acknowledged so far: steps done (the text, each file, then the message of links), the text's id, the
 * files left as links. Forgotten when the row is marked sent (`Outbox.markSent`), in the same statement.
 */
export type SentParts = { done: number; textId: string | null; fallback: string[] };

const Parts = z.object({
  done: z.number().int().min(0),
  textId: z.string().nullable(),
  fallback: z.array(z.string()),
});

export class OutboxParts {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare('SELECT parts_sent FROM outbox WHERE id = ?').pluck();
    this.setStmt = db.prepare('UPDATE outbox SET parts_sent = ? WHERE id = ?');
  }

  /** What a previous try of this message got through, or null (none, or unreadable: start again). */
  of(id: number): SentParts | null {
    const raw = this.getStmt.get(id);
    if (typeof raw !== 'string') return null;
    try {
      const parsed = Parts.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Records the parts sent so far. */
  save(id: number, parts: SentParts): void {
    this.setStmt.run(JSON.stringify(parts), id);
  }
}
