// Complaints and their tickets: stored once per submission; a chat only ever sees the tickets it filed.
import { z } from 'zod';
import { Complaint, TicketStatus } from '../domain/complaint.js';
import type { Db } from './db.js';

export type TicketSummary = {
  id: number;
  number: string;
  status: TicketStatus;
  category: string;
  createdAt: number;
  dueDate: string;
};

const SummaryRow = z.object({
  id: z.number(),
  number: z.string(),
  status: TicketStatus,
  category: z.string(),
  created_at: z.number(),
  due_date: z.string(),
});

const toSummary = (raw: unknown): TicketSummary => {
  const r = SummaryRow.parse(raw);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    category: r.category,
    createdAt: r.created_at,
    dueDate: r.due_date,
  };
};

export class Tickets {
  private readonly insertComplaint;
  private readonly insertTicket;
  private readonly numberTaken;
  private readonly forChat;
  private readonly oneForChat;
  private readonly setStatus;
  private readonly dropChat;
  private readonly insertNote;
  private readonly complaintOf;

  constructor(db: Db) {
    this.insertComplaint = db.prepare(
      'INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertTicket = db.prepare(
      `INSERT INTO tickets (number, complaint_id, conversation_id, status, due_date, created_at, updated_at)
       VALUES (?, ?, ?, 'baru', ?, ?, ?)`,
    );
    this.numberTaken = db.prepare('SELECT 1 FROM tickets WHERE number = ?').pluck();
    const select = `SELECT t.id, t.number, t.status, c.category, t.created_at, t.due_date
      FROM tickets t JOIN complaints c ON c.id = t.complaint_id`;
    this.forChat = db.prepare(`${select} WHERE t.conversation_id = ? ORDER BY t.id DESC LIMIT 20`);
    this.oneForChat = db.prepare(`${select} WHERE t.conversation_id = ? AND t.number = ?`);
    this.setStatus = db.prepare('UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?');
    this.dropChat = db.prepare(
      `UPDATE tickets SET conversation_id = NULL
       WHERE id = ? AND complaint_id IN (SELECT id FROM complaints WHERE identity_mode = 'anonim')`,
    );
    this.insertNote = db.prepare(
      'INSERT INTO ticket_notes (ticket_id, author, text, created_at) VALUES (?, ?, ?, ?)',
    );
    this.complaintOf = db
      .prepare('SELECT c.data FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?')
      .pluck();
  }

  isTaken(number: string): boolean {
    return this.numberTaken.get(number) !== undefined;
  }

  create(complaint: Complaint, number: string, conversationId: number, dueDate: string, now: number): number {
    const data = Complaint.parse(complaint);
    const complaintId = Number(
      this.insertComplaint.run(JSON.stringify(data), data.category, data.kabkotaCode, data.identityMode, now)
        .lastInsertRowid,
    );
    return Number(
      this.insertTicket.run(number, complaintId, conversationId, dueDate, now, now).lastInsertRowid,
    );
  }

  listForChat(conversationId: number): TicketSummary[] {
    return this.forChat.all(conversationId).map(toSummary);
  }

  findForChat(conversationId: number, number: string): TicketSummary | null {
    const raw = this.oneForChat.get(conversationId, number);
    return raw ? toSummary(raw) : null;
  }

  complaint(ticketId: number): Complaint | null {
    const raw = this.complaintOf.get(ticketId);
    if (typeof raw !== 'string') return null;
    const r = Complaint.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  }

  /** Closing statuses drop an anonim ticket's chat address: nobody can link it to the citizen any more. */
  updateStatus(ticketId: number, status: TicketStatus, now: number): void {
    this.setStatus.run(status, now, ticketId);
    if (status === 'ditutup' || status === 'dicabut' || status === 'selesai') this.dropChat.run(ticketId);
  }

  addNote(ticketId: number, author: string, text: string | null, now: number): void {
    this.insertNote.run(ticketId, author, text, now);
  }
}
