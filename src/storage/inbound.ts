// The inbound log: every citizen message once, deduplicated by a per-channel key.
import { z } from 'zod';
import type { Db } from './db.js';

const Found = z.object({ conversation_id: z.number(), body: z.string().nullable() });
const HistoryRow = z.object({
  id: z.number(),
  dedup_key: z.string(),
  received_at: z.number(),
  body: z.string(),
});

/** One recorded message: its row id, dedup key, when it came, and what was understood (JSON). */
export type RecordedMessage = { id: number; key: string; at: number; body: unknown };

export class InboundLog {
  private readonly insert;
  private readonly forgetStmt;
  private readonly hasStmt;
  private readonly findStmt;
  private readonly lastEditStmt;
  private readonly historyStmt;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO inbound_messages (channel, dedup_key, conversation_id, received_at, kind, body)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, dedup_key) DO NOTHING`,
    );
    this.forgetStmt = db.prepare('UPDATE inbound_messages SET body = NULL WHERE conversation_id = ?');
    this.hasStmt = db.prepare('SELECT 1 FROM inbound_messages WHERE channel = ? AND dedup_key = ?').pluck();
    this.findStmt = db.prepare(
      'SELECT conversation_id, body FROM inbound_messages WHERE channel = ? AND dedup_key = ?',
    );
    this.historyStmt = db.prepare(
      `SELECT id, dedup_key, received_at, body FROM inbound_messages
       WHERE conversation_id = ? AND received_at >= ? AND body IS NOT NULL ORDER BY id DESC LIMIT ?`,
    );
    this.lastEditStmt = db
      .prepare(
        `SELECT json_extract(body, '$.text') FROM inbound_messages
       WHERE conversation_id = ? AND channel = ? AND json_extract(body, '$.edits') = ? AND dedup_key != ?
       ORDER BY id DESC LIMIT 1`,
      )
      .pluck();
  }

  /**
   * A conversation's messages from `since` on, oldest first (at most `limit`, the latest): what the citizen sent, for
   * a page that shows the conversation again. Messages forgotten after a refused consent are left out.
   */
  history(conversationId: number, since: number, limit: number): RecordedMessage[] {
    return this.historyStmt
      .all(conversationId, since, limit)
      .flatMap((raw) => {
        const r = HistoryRow.safeParse(raw);
        return r.success
          ? [{ id: r.data.id, key: r.data.dedup_key, at: r.data.received_at, body: JSON.parse(r.data.body) }]
          : [];
      })
      .reverse();
  }

  /** The text of the latest edit of a message before `except` (edits are recorded with the key they edit). */
  lastEditText(conversationId: number, channel: string, key: string, except: string): string | null {
    const r = z.string().safeParse(this.lastEditStmt.get(conversationId, channel, key, except));
    return r.success ? r.data : null;
  }

  /** Whether this key was already recorded. */
  has(channel: string, key: string): boolean {
    return this.hasStmt.get(channel, key) !== undefined;
  }

  /** A recorded message: its conversation and what was understood (null once consent was refused). */
  find(channel: string, key: string): { conversationId: number; body: unknown } | null {
    const row = Found.safeParse(this.findStmt.get(channel, key));
    if (!row.success) return null;
    return {
      conversationId: row.data.conversation_id,
      body: row.data.body === null ? null : JSON.parse(row.data.body),
    };
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
