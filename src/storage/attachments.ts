// Attachment records (files live under the data folder, named by their sha256) and the audit trail.
import type { Db } from './db.js';

export type AttachmentRecord = {
  id: string;
  sha256: string;
  kind: string;
  mime: string;
  size: number;
  filename: string | null;
};

export class Attachments {
  private readonly insert;
  private readonly link;
  private readonly forgetStmt;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO attachments (id, sha256, kind, mime, size, filename, conversation_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.link = db.prepare('UPDATE attachments SET ticket_id = ? WHERE id = ? AND conversation_id = ?');
    this.forgetStmt = db.prepare('DELETE FROM attachments WHERE conversation_id = ? AND ticket_id IS NULL');
  }

  add(a: AttachmentRecord, conversationId: number, now: number): void {
    this.insert.run(a.id, a.sha256, a.kind, a.mime, a.size, a.filename, conversationId, now);
  }

  linkToTicket(ids: string[], ticketId: number, conversationId: number): void {
    for (const id of ids) this.link.run(ticketId, id, conversationId);
  }

  /** Files of a chat that never became part of a ticket (consent refused, draft cancelled). */
  forgetUnlinked(conversationId: number): void {
    this.forgetStmt.run(conversationId);
  }
}

export class Audit {
  private readonly insert;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO audit_events (at, actor, type, ticket_id, conversation_id, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  record(e: {
    at: number;
    actor: string;
    type: string;
    ticketId?: number | null;
    conversationId?: number | null;
    data?: unknown;
  }): void {
    this.insert.run(
      e.at,
      e.actor,
      e.type,
      e.ticketId ?? null,
      e.conversationId ?? null,
      e.data === undefined ? null : JSON.stringify(e.data),
    );
  }
}
