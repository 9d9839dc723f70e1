// Who works a ticket: its one assignee, kept on the ticket row for the inbox, and the accounts it may be given to (the
// enabled accounts of the ticket's agency). The history of assignments is in the ticket events.
import { z } from 'zod';
import type { Db } from './db.js';

/** An account as assignments name it: its display name, or its username when it has none. */
export type Assignee = { id: number; name: string };

const AssigneeRow = z.object({ id: z.number(), name: z.string() });

export class TicketAssignments {
  private readonly setStmt;
  private readonly ofTicket;
  private readonly ofAgency;
  private readonly oneOfAgency;

  constructor(db: Db) {
    this.setStmt = db.prepare('UPDATE tickets SET assignee_id = ? WHERE id = ?');
    this.ofTicket = db.prepare(
      `SELECT o.id, COALESCE(o.name, o.username) AS name FROM tickets t JOIN officers o ON o.id = t.assignee_id
       WHERE t.id = ?`,
    );
    const enabled = `SELECT o.id, COALESCE(o.name, o.username) AS name FROM officer_agencies oa
      JOIN officers o ON o.id = oa.officer_id
      WHERE oa.agency_id = ? AND o.disabled_at IS NULL AND o.role != 'integration'`;
    this.ofAgency = db.prepare(`${enabled} ORDER BY name COLLATE NOCASE, o.id`);
    this.oneOfAgency = db.prepare(`${enabled} AND o.id = ?`);
  }

  /** Gives the ticket to an account, or to nobody (null). The ticket's clocks (`updated_at`) are not touched. */
  set(ticketId: number, officerId: number | null): void {
    this.setStmt.run(officerId, ticketId);
  }

  /** The ticket's assignee, or null. */
  assignee(ticketId: number): Assignee | null {
    const raw = this.ofTicket.get(ticketId);
    return raw ? AssigneeRow.parse(raw) : null;
  }

  /** The enabled accounts of an agency (not integrations), by name: whom its tickets may be given to. */
  candidates(agencyId: string): Assignee[] {
    return this.ofAgency.all(agencyId).map((raw) => AssigneeRow.parse(raw));
  }

  /** Whether an enabled account of this agency has this id. */
  mayHold(agencyId: string, officerId: number): boolean {
    return this.oneOfAgency.get(agencyId, officerId) !== undefined;
  }
}
