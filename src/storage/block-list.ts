// The operators' block list over SQLite (migration 003): the senders whose messages get no reply and no flow step.
import { z } from 'zod';
import type { Db } from './db.js';

/** The channels an operator can block a sender on. */
export const BlockChannel = z.enum(['telegram', 'whatsapp', 'wacloud', 'web']);
export type BlockChannel = z.infer<typeof BlockChannel>;

export type BlockedSender = { channel: string; chatId: string; reason: string | null; createdAt: number };

const Row = z.object({
  channel: z.string(),
  chat_id: z.string(),
  reason: z.string().nullable(),
  created_at: z.number(),
});

const toEntry = (raw: unknown): BlockedSender => {
  const r = Row.parse(raw);
  return { channel: r.channel, chatId: r.chat_id, reason: r.reason, createdAt: r.created_at };
};

export class BlockList {
  private readonly findStmt;
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly listAllStmt;
  private readonly listChannelStmt;
  private readonly quietStmt;

  constructor(db: Db) {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'blocked_senders'")
      .pluck()
      .get();
    if (exists !== 1) {
      throw new Error('table blocked_senders is missing: migration 003 (block-list) has not been applied');
    }
    this.findStmt = db.prepare('SELECT 1 FROM blocked_senders WHERE channel = ? AND chat_id = ?').pluck();
    this.upsertStmt = db.prepare(
      `INSERT INTO blocked_senders (channel, chat_id, reason, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (channel, chat_id) DO UPDATE SET reason = excluded.reason`,
    );
    this.deleteStmt = db.prepare('DELETE FROM blocked_senders WHERE channel = ? AND chat_id = ?');
    // A blocked chat's reminders and expiry would be replies too: its stored deadline is cleared. The next message
    // after an unblock steps the flow again, which stores the deadline anew.
    this.quietStmt = db.prepare(
      'UPDATE conversations SET next_deadline_at = NULL WHERE channel = ? AND chat_id = ?',
    );
    this.listAllStmt = db.prepare(
      'SELECT channel, chat_id, reason, created_at FROM blocked_senders ORDER BY created_at, channel, chat_id',
    );
    this.listChannelStmt = db.prepare(
      'SELECT channel, chat_id, reason, created_at FROM blocked_senders WHERE channel = ? ORDER BY created_at, chat_id',
    );
  }

  /** One indexed lookup: cheap enough to run for every inbound message. */
  isBlocked(channel: string, chatId: string): boolean {
    return this.findStmt.get(channel, chatId) === 1;
  }

  /** Blocks a sender; blocking one again only replaces the reason. Returns false when it was already blocked. */
  add(entry: { channel: BlockChannel; chatId: string; reason?: string | null; at: number }): boolean {
    const was = this.isBlocked(entry.channel, entry.chatId);
    this.upsertStmt.run(entry.channel, entry.chatId, entry.reason ?? null, entry.at);
    this.quietStmt.run(entry.channel, entry.chatId);
    return !was;
  }

  /** Unblocks a sender; false when it was not blocked. */
  remove(channel: string, chatId: string): boolean {
    return this.deleteStmt.run(channel, chatId).changes > 0;
  }

  list(channel?: string): BlockedSender[] {
    const rows = channel === undefined ? this.listAllStmt.all() : this.listChannelStmt.all(channel);
    return rows.map(toEntry);
  }
}
