// What leaving Aduan needs of a ticket (its number, dates, routing decision and complaint), read for its forwarding.
import { z } from 'zod';
import { Complaint } from '../domain/complaint.js';
import type { Db } from './db.js';
import { StoredRouting } from './tickets.js';

const ForwardingRow = z.object({
  number: z.string(),
  created_at: z.number(),
  due_date: z.string(),
  agency_id: z.string().nullable(),
  routing: z.string().nullable(),
  data: z.string(),
});

export type ForwardingView = {
  number: string;
  createdAt: number;
  dueDate: string;
  agencyId: string;
  routing: StoredRouting;
  complaint: Complaint;
};

export class ForwardingViews {
  private readonly forwardStmt;

  constructor(db: Db) {
    this.forwardStmt = db.prepare(
      `SELECT t.number, t.created_at, t.due_date, t.agency_id, t.routing, c.data
       FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?`,
    );
  }

  /** What leaving Aduan needs of a ticket: its number, dates, routing decision and complaint. */
  forTicket(ticketId: number): ForwardingView | null {
    const raw = this.forwardStmt.get(ticketId);
    if (!raw) return null;
    const r = ForwardingRow.parse(raw);
    const complaint = Complaint.safeParse(JSON.parse(r.data));
    const routing = StoredRouting.safeParse(r.routing ? JSON.parse(r.routing) : null);
    if (!complaint.success || !routing.success || !r.agency_id) return null;
    return {
      number: r.number,
      createdAt: r.created_at,
      dueDate: r.due_date,
      agencyId: r.agency_id,
      routing: routing.data,
      complaint: complaint.data,
    };
  }
}
