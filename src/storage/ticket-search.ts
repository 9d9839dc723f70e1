// The tickets' full-text index: one row per ticket (rowid = ticket id) with its normalized text.
import type { Db } from './db.js';

export class TicketSearch {
  private readonly drop;
  private readonly insert;

  constructor(db: Db) {
    this.drop = db.prepare('DELETE FROM ticket_search WHERE rowid = ?');
    this.insert = db.prepare('INSERT INTO ticket_search (rowid, body) VALUES (?, ?)');
  }

  /** Replaces a ticket's indexed text (already normalized by the caller). */
  index(ticketId: number, text: string): void {
    this.drop.run(ticketId);
    this.insert.run(ticketId, text);
  }

  /** Drops a ticket's indexed text: it is found by no word. */
  remove(ticketId: number): void {
    this.drop.run(ticketId);
  }
}

/**
 * An FTS5 query from normalized words: every word must appear, each also as the start of a longer word
 * ("jalan" finds "jalanan"). Quotes keep any word from being read as FTS syntax.
 */
export function matchExpression(words: readonly string[]): string | null {
  const clean = words.map((w) => w.replace(/"/g, '')).filter((w) => w.length > 0);
  return clean.length === 0 ? null : clean.map((w) => `"${w}"*`).join(' ');
}
