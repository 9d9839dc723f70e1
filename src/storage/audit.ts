// The audit trail: who did what to which ticket or conversation, and when (sign-ins, views of personal data, consent).
import type { Db } from './db.js';

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
