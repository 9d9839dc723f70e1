// The status page's reading of a ticket by its number: its public facts and its PIN's salted hash, never identity.
import { z } from 'zod';
import { TicketStatus } from '../domain/complaint.js';
import type { Db } from './db.js';

/** What a citizen's status page may show of a ticket, and the stored PIN (null for tickets filed before PINs). */
export type StatusTicket = {
  id: number;
  number: string;
  status: TicketStatus;
  category: string;
  kabkotaCode: string;
  dueDate: string;
  createdAt: number;
  pin: { salt: string; hash: string } | null;
};

const Row = z.object({
  id: z.number(),
  number: z.string(),
  status: TicketStatus,
  category: z.string(),
  kabkota_code: z.string(),
  due_date: z.string(),
  created_at: z.number(),
  salt: z.string().nullable(),
  hash: z.string().nullable(),
});

export class StatusPins {
  private readonly insert;
  private readonly byNumber;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO ticket_status_pins (ticket_id, salt, hash, created_at) VALUES (?, ?, ?, ?)',
    );
    this.byNumber = db.prepare(
      `SELECT t.id, t.number, t.status, c.category, c.kabkota_code, t.due_date, t.created_at, p.salt, p.hash
       FROM tickets t JOIN complaints c ON c.id = t.complaint_id
       LEFT JOIN ticket_status_pins p ON p.ticket_id = t.id
       WHERE t.number = ?`,
    );
  }

  /** Keeps a ticket's PIN as its salt and hash (a new PIN replaces the old one). */
  save(ticketId: number, salt: string, hash: string, now: number): void {
    this.insert.run(ticketId, salt, hash, now);
  }

  /** The ticket with this number, with its PIN's hash; null when there is none. */
  ticket(number: string): StatusTicket | null {
    const raw = this.byNumber.get(number);
    if (raw === undefined) return null;
    const r = Row.parse(raw);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      category: r.category,
      kabkotaCode: r.kabkota_code,
      dueDate: r.due_date,
      createdAt: r.created_at,
      pin: r.salt !== null && r.hash !== null ? { salt: r.salt, hash: r.hash } : null,
    };
  }
}
