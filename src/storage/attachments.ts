// Attachment records: files live under the data folder, named by their sha256; a row links one to its chat and ticket.
import { z } from 'zod';
import type { Db } from './db.js';

export type AttachmentRecord = {
  id: string;
  sha256: string;
  kind: string;
  mime: string;
  size: number;
  filename: string | null;
};

const AttachmentRow = z.object({
  id: z.string(),
  sha256: z.string(),
  kind: z.string(),
  mime: z.string(),
  size: z.number(),
  filename: z.string().nullable(),
});

export class Attachments {
  private readonly insert;
  private readonly link;
  private readonly forgetStmt;
  private readonly ofTicketStmt;
  private readonly listStmt;
  private readonly inTicketStmt;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO attachments (id, sha256, kind, mime, size, filename, conversation_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.link = db.prepare('UPDATE attachments SET ticket_id = ? WHERE id = ? AND conversation_id = ?');
    this.forgetStmt = db
      .prepare('DELETE FROM attachments WHERE conversation_id = ? AND ticket_id IS NULL RETURNING sha256')
      .pluck();
    this.ofTicketStmt = db.prepare(
      'SELECT id, sha256, kind, mime, size, filename FROM attachments WHERE id = ? AND ticket_id IS NOT NULL',
    );
    this.listStmt = db.prepare(
      `SELECT id, sha256, kind, mime, size, filename FROM attachments
       WHERE ticket_id = ? AND officer_id IS NULL ORDER BY created_at, id`,
    );
    this.inTicketStmt = db.prepare(
      'SELECT id, sha256, kind, mime, size, filename FROM attachments WHERE ticket_id = ? AND id = ?',
    );
  }

  /** A ticket's files from the citizen, in the order they came (the complaint's, then the additions); not officers'. */
  ofTicket(ticketId: number): AttachmentRecord[] {
    return this.listStmt.all(ticketId).map((raw) => AttachmentRow.parse(raw));
  }

  /** One file of this ticket, or null (another ticket's file is not found here). */
  inTicket(ticketId: number, id: string): AttachmentRecord | null {
    const raw = this.inTicketStmt.get(ticketId, id);
    return raw === undefined ? null : AttachmentRow.parse(raw);
  }

  add(a: AttachmentRecord, conversationId: number, now: number): void {
    this.insert.run(a.id, a.sha256, a.kind, a.mime, a.size, a.filename, conversationId, now);
  }

  linkToTicket(ids: string[], ticketId: number, conversationId: number): void {
    for (const id of ids) this.link.run(ticketId, id, conversationId);
  }

  /** A file by id, only once it belongs to a ticket (what signed links point to); null otherwise. */
  findOfTicket(id: string): AttachmentRecord | null {
    const raw = this.ofTicketStmt.get(id);
    return raw === undefined ? null : AttachmentRow.parse(raw);
  }

  /** Files of a chat that never became part of a ticket (consent refused, draft cancelled). */
  forgetUnlinked(conversationId: number): string[] {
    return z.array(z.string()).parse(this.forgetStmt.all(conversationId));
  }
}
