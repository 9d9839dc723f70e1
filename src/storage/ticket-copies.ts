// The copies of a ticket agencies received besides the one that handles it (Ombudsman's tembusan): written with the
// copy's event, read by the scope queries (which reach a copied ticket from the copy agency) and the ticket's page.
import { z } from 'zod';
import type { Db } from './db.js';

/** Why an agency got the copy: the ladder after a missed deadline, or the citizen's own request at intake. */
export type CopyReason = 'deadline' | 'citizen';

export class TicketCopies {
  private readonly addStmt;
  private readonly ofTicketStmt;
  private readonly holdsStmt;

  constructor(db: Db) {
    this.addStmt = db.prepare(
      'INSERT OR IGNORE INTO ticket_copies (ticket_id, agency_id, at, why) VALUES (?, ?, ?, ?)',
    );
    this.ofTicketStmt = db
      .prepare('SELECT agency_id FROM ticket_copies WHERE ticket_id = ? ORDER BY at, agency_id')
      .pluck();
    this.holdsStmt = db.prepare('SELECT 1 FROM ticket_copies WHERE agency_id = ? LIMIT 1').pluck();
  }

  /** Records that `agencyId` got a copy of the ticket (once: a second copy to it changes nothing). */
  add(ticketId: number, agencyId: string, why: CopyReason, at: number): void {
    this.addStmt.run(ticketId, agencyId, at, why);
  }

  /** Those of `agencyIds` that got a copy of some ticket (one index probe each): only they need copies in a scope. */
  holders(agencyIds: readonly string[]): string[] {
    return agencyIds.filter((a) => this.holdsStmt.get(a) !== undefined);
  }

  /** The agencies that got a copy of the ticket, first copied first. */
  agencies(ticketId: number): string[] {
    return z.array(z.string()).parse(this.ofTicketStmt.all(ticketId));
  }
}
