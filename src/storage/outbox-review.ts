// What operators read and redo in the outbox: waiting, held and dead messages (never their text), and redelivery.
import { z } from 'zod';
import { ChatBlocks } from './chat-blocks.js';
import type { Db } from './db.js';
import type { OutboxStatus } from './outbox.js';

/** One outbox message as operators see it: where it goes and where it stands, without its text. */
export type OutboxItem = {
  id: number;
  channel: string;
  chatId: string;
  status: OutboxStatus;
  /** Tries spent so far (a try refused because the citizen blocked the bot is given back). */
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** When the citizen blocked the bot, for a chat that still blocks it: its waiting messages are held. */
  blockedAt: number | null;
};

/** Per channel: messages waiting (of them, held for a citizen who blocked the bot) and dead letters. */
export type OutboxChannelStats = { channel: string; waiting: number; held: number; dead: number };

const Item = z.object({
  id: z.number(),
  channel: z.string(),
  chat_id: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'dead']),
  attempts: z.number(),
  created_at: z.number(),
  next_attempt_at: z.number(),
  last_error: z.string().nullable(),
  blocked_at: z.number().nullable(),
});

const toItem = (raw: unknown): OutboxItem => {
  const r = Item.parse(raw);
  return {
    id: r.id,
    channel: r.channel,
    chatId: r.chat_id,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    blockedAt: r.blocked_at,
  };
};

const WaitingRow = z.object({ channel: z.string(), waiting: z.number(), held: z.number() });
const DeadRow = z.object({ channel: z.string(), dead: z.number() });
const ChatRow = z.object({ channel: z.string(), chat_id: z.string() });

/** The columns shown, from `outbox o` read through the given index (or none), with the chat's block if any. */
const select = (index: string | null) =>
  `SELECT o.id, o.channel, o.chat_id, o.status, o.attempts, o.created_at, o.next_attempt_at, o.last_error,
     b.blocked_at FROM outbox o ${index ? `INDEXED BY ${index}` : ''}
   LEFT JOIN chat_blocks b ON b.channel = o.channel AND b.chat_id = o.chat_id`;

export class OutboxReview {
  private readonly blocks: ChatBlocks;
  private readonly byIdStmt;
  private readonly waitingStmt;
  private readonly deadStmt;
  private readonly waitingStatsStmt;
  private readonly deadStatsStmt;
  private readonly againDeadStmt;
  private readonly againHeldStmt;
  private readonly deadChatsStmt;
  private readonly againAllDeadStmt;

  constructor(private readonly db: Db) {
    this.blocks = new ChatBlocks(db);
    this.byIdStmt = db.prepare(`${select(null)} WHERE o.id = ?`);
    // Lists and counts read the partial indexes (unsent rows: outbox_active; dead: outbox_dead), never the sent history.
    this.waitingStmt = db.prepare(
      `${select('outbox_active')} WHERE o.status IN ('pending', 'sending') AND (@channel IS NULL OR o.channel = @channel)
       ORDER BY o.id LIMIT @limit`,
    );
    this.deadStmt = db.prepare(
      `${select('outbox_dead')} WHERE o.status = 'dead' AND (@channel IS NULL OR o.channel = @channel)
       ORDER BY o.id DESC LIMIT @limit`,
    );
    this.waitingStatsStmt = db.prepare(
      `SELECT o.channel, COUNT(*) AS waiting, COUNT(b.blocked_at) AS held FROM outbox o INDEXED BY outbox_active
       LEFT JOIN chat_blocks b ON b.channel = o.channel AND b.chat_id = o.chat_id
       WHERE o.status IN ('pending', 'sending') GROUP BY o.channel`,
    );
    this.deadStatsStmt = db.prepare(
      `SELECT channel, COUNT(*) AS dead FROM outbox INDEXED BY outbox_dead WHERE status = 'dead' GROUP BY channel`,
    );
    this.againDeadStmt = db.prepare(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'dead'`,
    );
    this.againHeldStmt = db.prepare(
      `UPDATE outbox SET attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'pending'`,
    );
    this.deadChatsStmt = db.prepare(
      `SELECT DISTINCT channel, chat_id FROM outbox INDEXED BY outbox_dead WHERE status = 'dead'`,
    );
    this.againAllDeadStmt = db.prepare(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'dead'`,
    );
  }

  get(id: number): OutboxItem | null {
    const raw = this.byIdStmt.get(id);
    return raw ? toItem(raw) : null;
  }

  /** Messages not sent yet (pending, held, being sent), oldest first. */
  waiting(channel?: string, limit = 100): OutboxItem[] {
    return this.waitingStmt.all({ channel: channel ?? null, limit }).map(toItem);
  }

  /** Dead letters, newest first. */
  dead(channel?: string, limit = 100): OutboxItem[] {
    return this.deadStmt.all({ channel: channel ?? null, limit }).map(toItem);
  }

  stats(): OutboxChannelStats[] {
    const byChannel = new Map<string, OutboxChannelStats>();
    const of = (channel: string) => {
      const s = byChannel.get(channel) ?? { channel, waiting: 0, held: 0, dead: 0 };
      byChannel.set(channel, s);
      return s;
    };
    for (const raw of this.waitingStatsStmt.all()) {
      const r = WaitingRow.parse(raw);
      Object.assign(of(r.channel), { waiting: r.waiting, held: r.held });
    }
    for (const raw of this.deadStatsStmt.all()) {
      const r = DeadRow.parse(raw);
      of(r.channel).dead = r.dead;
    }
    return [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel));
  }

  /**
   * A dead message, or one held for a citizen who blocked the bot, waits again with its attempts reset; its chat is
   * no longer taken as blocking (if it still does, the next send says so and the message is held again).
   * Returns false (and changes nothing) for any other message.
   */
  redeliver(id: number, now: number): { queued: boolean; unblocked: boolean } {
    return this.db.transaction(() => {
      const item = this.get(id);
      if (!item) return { queued: false, unblocked: false };
      const held = item.status === 'pending' && item.blockedAt !== null;
      const changed =
        item.status === 'dead'
          ? this.againDeadStmt.run(now, id).changes
          : held
            ? this.againHeldStmt.run(now, id).changes
            : 0;
      if (changed === 0) return { queued: false, unblocked: false };
      return { queued: true, unblocked: this.blocks.clear(item.channel, item.chatId) };
    })();
  }

  /** Every dead message waits again (attempts reset), and their chats are no longer taken as blocking the bot. */
  redeliverAllDead(now: number): { queued: number; unblocked: number } {
    return this.db.transaction(() => {
      let unblocked = 0;
      for (const raw of this.deadChatsStmt.all()) {
        const c = ChatRow.parse(raw);
        if (this.blocks.clear(c.channel, c.chat_id)) unblocked++;
      }
      return { queued: this.againAllDeadStmt.run(now).changes, unblocked };
    })();
  }
}
