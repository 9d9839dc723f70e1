// The inbound log: every citizen message once, deduplicated by a per-channel key.
import type { Db } from './db.js';

export class InboundLog {
  private readonly insert;
  private readonly forgetStmt;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO inbound_messages (channel, dedup_key, conversation_id, received_at, kind, body)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, dedup_key) DO NOTHING`,
    );
    this.forgetStmt = db.prepare('UPDATE inbound_messages SET body = NULL WHERE conversation_id = ?');
  }

  /** Records the message; null when this key was already recorded (a redelivery). */
  record(
    channel: string,
    key: string,
    conversationId: number,
    at: number,
    kind: string,
    body: unknown,
  ): number | null {
    const r = this.insert.run(channel, key, conversationId, at, kind, JSON.stringify(body));
    return r.changes === 0 ? null : Number(r.lastInsertRowid);
  }

  /** Consent refused: keep only that a message came (for deduplication), not what it said. */
  forget(conversationId: number): void {
    this.forgetStmt.run(conversationId);
  }
}
