// Chats whose citizen blocked the bot (migration 007): their messages wait, unspent, until the citizen writes again.
import { z } from 'zod';
import type { Db } from './db.js';

export class ChatBlocks {
  private readonly blockStmt;
  private readonly clearStmt;
  private readonly sinceStmt;

  constructor(db: Db) {
    // A chat blocked again keeps the time it was first blocked: the 30 days of holding count from there.
    this.blockStmt = db.prepare(
      `INSERT INTO chat_blocks (channel, chat_id, blocked_at) VALUES (?, ?, ?)
       ON CONFLICT (channel, chat_id) DO NOTHING`,
    );
    this.clearStmt = db.prepare('DELETE FROM chat_blocks WHERE channel = ? AND chat_id = ?');
    this.sinceStmt = db
      .prepare('SELECT blocked_at FROM chat_blocks WHERE channel = ? AND chat_id = ?')
      .pluck();
  }

  /** The citizen blocked the bot (or deleted the account). Returns false when the chat was blocked already. */
  block(channel: string, chatId: string, at: number): boolean {
    return this.blockStmt.run(channel, chatId, at).changes > 0;
  }

  /** The citizen wrote again or unblocked the bot: its held messages go out. False when it was not blocked. */
  clear(channel: string, chatId: string): boolean {
    return this.clearStmt.run(channel, chatId).changes > 0;
  }

  /** When the chat was blocked, or null when it is not. */
  since(channel: string, chatId: string): number | null {
    const r = z.number().safeParse(this.sinceStmt.get(channel, chatId));
    return r.success ? r.data : null;
  }
}
