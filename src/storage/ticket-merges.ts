// Merged tickets: the ticket a duplicate was merged into, the tickets merged into one, the tickets it may be merged
// into (its linked similar ones of the same agency), and the chats that follow a ticket through its merged ones.
import { z } from 'zod';
import { TicketStatus } from '../domain/complaint.js';
import type { TicketScope } from '../domain/officer.js';
import { CLOSING_STATUSES } from '../domain/ticket-event.js';
import type { Db } from './db.js';
import { TicketCopies } from './ticket-copies.js';
import { scopeWithCopies } from './ticket-inbox.js';

/** A ticket as the merge views name it: its number and status (never anything of its citizen). */
export type MergeTicket = { number: string; status: TicketStatus; createdAt: number };

/** A chat that hears of a ticket's changes because its own ticket (`number`) was merged into it. */
export type Follower = { number: string; conversationId: number };

const TicketRow = z.object({ number: z.string(), status: TicketStatus, created_at: z.number() });
const SeenRow = TicketRow.extend({ visible: z.number() });
const FollowerRow = z.object({ number: z.string(), conversation_id: z.number() });

const toTicket = (raw: unknown): MergeTicket => {
  const r = TicketRow.parse(raw);
  return { number: r.number, status: r.status, createdAt: r.created_at };
};

/** The ids of the tickets merged into ticket `?`, directly or through one merged into it (`f`). */
const FOLLOWING = `WITH RECURSIVE f(id) AS (SELECT id FROM tickets WHERE merged_into = ?
  UNION SELECT t.id FROM tickets t JOIN f ON t.merged_into = f.id)`;

const CLOSED = [...CLOSING_STATUSES].map((s) => `'${s}'`).join(', ');

export class TicketMerges {
  private readonly markStmt;
  private readonly headStmt;
  private readonly followersStmt;
  private readonly detachStmt;
  private readonly copies: TicketCopies;

  constructor(private readonly db: Db) {
    this.copies = new TicketCopies(db);
    this.markStmt = db.prepare('UPDATE tickets SET merged_into = ? WHERE id = ?');
    this.headStmt = db.prepare(
      `SELECT h.number, h.status, h.created_at FROM tickets t JOIN tickets h ON h.id = t.merged_into
       WHERE t.id = ?`,
    );
    this.followersStmt = db.prepare(
      `${FOLLOWING} SELECT t.number, t.conversation_id FROM tickets t
       WHERE t.id IN (SELECT id FROM f) AND t.conversation_id IS NOT NULL ORDER BY t.id`,
    );
    this.detachStmt = db.prepare(
      `${FOLLOWING} UPDATE tickets SET conversation_id = NULL WHERE id IN (SELECT id FROM f)
       AND EXISTS (SELECT 1 FROM complaints c
                   WHERE c.id = tickets.complaint_id AND json_extract(c.data, '$.identityMode') = 'anonim')`,
    );
  }

  /** Records that ticket `ticketId` was merged into `intoId`. */
  mark(ticketId: number, intoId: number): void {
    this.markStmt.run(intoId, ticketId);
  }

  /** The ticket this one was merged into, or null. */
  mergedInto(ticketId: number): MergeTicket | null {
    const raw = this.headStmt.get(ticketId);
    return raw ? toTicket(raw) : null;
  }

  /** The tickets merged straight into this one that the scope may see (oldest first), and how many it may not. */
  mergedFrom(ticketId: number, scope: TicketScope): { seen: MergeTicket[]; hidden: number } {
    const where = scopeWithCopies(this.copies, scope, true);
    const rows = this.db
      .prepare(
        `SELECT t.number, t.status, t.created_at, ${where.sql} AS visible FROM tickets t
         WHERE t.merged_into = ? ORDER BY t.id LIMIT 200`,
      )
      .all(...where.params, ticketId)
      .map((raw) => SeenRow.parse(raw));
    return {
      seen: rows.filter((r) => r.visible === 1).map(toTicket),
      hidden: rows.filter((r) => r.visible !== 1).length,
    };
  }

  /** The similar tickets linked to this one that it may be merged into: open, of the same agency, in the scope. */
  candidates(ticketId: number, agencyId: string, scope: TicketScope): MergeTicket[] {
    const where = scopeWithCopies(this.copies, scope);
    return this.db
      .prepare(
        `SELECT t.number, t.status, t.created_at FROM ticket_links l JOIN tickets t ON t.id = l.linked_ticket_id
         WHERE l.ticket_id = ? AND t.agency_id = ? AND t.status NOT IN (${CLOSED}) AND ${where.sql}
         ORDER BY t.id DESC LIMIT 20`,
      )
      .all(ticketId, agencyId, ...where.params)
      .map(toTicket);
  }

  /** The chats following this ticket: those of the tickets merged into it (through others too) still linked. */
  followers(ticketId: number): Follower[] {
    return this.followersStmt.all(ticketId).map((raw) => {
      const r = FollowerRow.parse(raw);
      return { number: r.number, conversationId: r.conversation_id };
    });
  }

  /** The ticket's life ended: the anonim citizens following it are no longer tied to it (their chat link dropped). */
  releaseAnonymous(ticketId: number): void {
    this.detachStmt.run(ticketId);
  }
}
