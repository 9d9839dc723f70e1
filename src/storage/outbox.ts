// The outbox of messages to citizens: written in the step's transaction, drained by the senders with retries.
import { z } from 'zod';
import { Expecting } from '../domain/expecting.js';
import type { RenderedMessage } from '../domain/reply.js';
import { ChatBlocks } from './chat-blocks.js';
import type { Db } from './db.js';
import { OutboxParts } from './outbox-parts.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

export type OutboxEntry = {
  id: number;
  conversationId: number;
  channel: string;
  chatId: string;
  message: RenderedMessage;
  status: OutboxStatus;
  attempts: number;
  createdAt: number;
  /** The message this one answers (null: a timer's or an officer's). */
  inboundId: number | null;
};

const Message = z.object({
  text: z.string(),
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
  expecting: Expecting,
  wordChoices: z.boolean().optional(),
  files: z
    .array(
      z.object({
        id: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        mime: z.string(),
        name: z.string(),
        size: z.number(),
      }),
    )
    .optional(),
});

const DueHeads = z.array(z.object({ id: z.number(), channel: z.string(), chat_id: z.string() }));

/** A chat on one channel: what the sender keeps in order. */
export type ChatRef = { channel: string; chatId: string };

const Row = z.object({
  id: z.number(),
  conversation_id: z.number(),
  channel: z.string(),
  chat_id: z.string(),
  payload: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'dead']),
  attempts: z.number(),
  created_at: z.number(),
  inbound_id: z.number().nullable().optional(),
});

const TicketRow = z.object({ ticket: z.string() });

const Head = z.object({ id: z.number(), status: z.string(), next_attempt_at: z.number() });

const Expired = z.array(z.object({ id: z.number(), channel: z.string() }));

/** A message WhatsApp reported on, as the outbox has it: `sentAt` is when its send was recorded. */
export type SentEntry = OutboxEntry & { sentAt: number | null };

function toEntry(raw: unknown): OutboxEntry {
  const r = Row.parse(raw);
  const m = Message.parse(JSON.parse(r.payload));
  return {
    id: r.id,
    conversationId: r.conversation_id,
    channel: r.channel,
    chatId: r.chat_id,
    message: m,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    inboundId: r.inbound_id ?? null,
  };
}

export class Outbox {
  private readonly insert;
  private readonly unsentStmt;
  private readonly dueHeads;
  private readonly chatActive;
  private readonly claimStmt;
  private readonly sentStmt;
  private readonly retryStmt;
  private readonly deadStmt;
  private readonly afterStmt;
  private readonly recoverStmt;
  private readonly byIdStmt;
  private readonly betweenStmt;
  private readonly latestStmt;
  private readonly deadList;
  private readonly forInboundStmt;
  private readonly blocks;
  /** How far each message sent in several parts got (officers' files). */
  readonly parts: OutboxParts;
  private readonly giveBackStmt;
  private readonly expireStmt;
  private readonly byWamidStmt;
  private readonly requeueSentStmt;
  private readonly deadSentStmt;
  private readonly replyTicketStmt;
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    this.blocks = new ChatBlocks(db);
    this.parts = new OutboxParts(db);
    this.insert = db.prepare(
      `INSERT INTO outbox (conversation_id, channel, chat_id, inbound_id, payload, next_attempt_at, created_at, ticket,
         status, attempts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Whether a chat has a message not yet sent, or has blocked the bot: a new message must then wait its turn.
    this.unsentStmt = db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM outbox INDEXED BY outbox_active_chat
                        WHERE channel = @channel AND chat_id = @chat AND status IN ('pending', 'sending'))
             OR EXISTS (SELECT 1 FROM chat_blocks WHERE channel = @channel AND chat_id = @chat)`,
      )
      .pluck();
    // The ticket of the message a citizen replied to: exact for Telegram and the Cloud API; whatsapp-web.js gives
    // only the quoted message's stanza id, the tail of the id its send returned (fromMe_chat_stanza).
    this.replyTicketStmt = db.prepare(
      `SELECT ticket FROM outbox INDEXED BY outbox_ticket_reply
       WHERE conversation_id = @conversation AND ticket IS NOT NULL AND platform_message_id IS NOT NULL
         AND (platform_message_id = @id
              OR (@tail IS NOT NULL AND platform_message_id LIKE '%\\_' || @tail ESCAPE '\\'))
       ORDER BY id DESC LIMIT 1`,
    );
    // One channel's due messages, oldest first, stopping at the limit. Both lookups read only migration 006's
    // partial indexes, which hold unsent rows, never the sent history. INDEXED BY pins that plan: left to itself
    // SQLite sorts every candidate row (or scans the whole table after ANALYZE). `status IN (…)` is redundant next
    // to `status = 'pending'` but is how SQLite sees that a partial index applies.
    this.dueHeads = db.prepare(
      `SELECT o.id, o.channel, o.chat_id FROM outbox o INDEXED BY outbox_active
       WHERE o.channel = @channel AND o.status IN ('pending', 'sending') AND o.status = 'pending'
         AND o.next_attempt_at <= @now
         AND NOT EXISTS (SELECT 1 FROM outbox p INDEXED BY outbox_active_chat
                         WHERE p.channel = o.channel AND p.chat_id = o.chat_id AND p.id < o.id
                           AND p.status IN ('pending', 'sending') AND (p.status = 'sending' OR p.next_attempt_at > @now))
         AND NOT EXISTS (SELECT 1 FROM chat_blocks b WHERE b.channel = o.channel AND b.chat_id = o.chat_id)
       ORDER BY o.id LIMIT @limit`,
    );
    // One chat's unsent messages in order: the due ones at the head are what may go now (none while the citizen
    // has blocked the bot: a chat woken by a reminder must not be sent to either).
    // Only what the index holds: the rows themselves are read by the claim that returns them.
    this.chatActive = db.prepare(
      `SELECT id, status, next_attempt_at
       FROM outbox o INDEXED BY outbox_active_chat
       WHERE channel = ? AND chat_id = ? AND status IN ('pending', 'sending')
         AND NOT EXISTS (SELECT 1 FROM chat_blocks b WHERE b.channel = o.channel AND b.chat_id = o.chat_id)
       ORDER BY id LIMIT ?`,
    );
    // The row as claimed: what is sent is what the table holds now (a payload masked meanwhile, an id reused after
    // a rollback), not what was read before the claim's commit.
    this.claimStmt = db.prepare(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND status = 'pending'
       RETURNING *`,
    );
    // The parts of a message sent in several are forgotten in the same statement: kept until then, a crash
    // before this record resumes after them instead of sending the whole message again.
    this.sentStmt = db.prepare(
      `UPDATE outbox SET status = 'sent', sent_at = ?, platform_message_id = ?, last_error = NULL, parts_sent = NULL
       WHERE id = ? AND status IN ('pending', 'sending')`,
    );
    this.retryStmt = db.prepare(
      `UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?`,
    );
    this.deadStmt = db.prepare(`UPDATE outbox SET status = 'dead', last_error = ? WHERE id = ?`);
    this.afterStmt = db.prepare(
      'SELECT * FROM outbox WHERE channel = ? AND chat_id = ? AND id > ? ORDER BY id LIMIT 100',
    );
    // Through the partial index of unsent rows: this runs every second, and the table keeps every message sent.
    this.recoverStmt = db.prepare(
      `UPDATE outbox INDEXED BY outbox_active SET status = 'pending'
       WHERE status IN ('pending', 'sending') AND status = 'sending' AND next_attempt_at <= ?`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM outbox WHERE id = ?');
    // The chat's rows through outbox_chat (its conversation names the chat), not a scan of every message.
    this.betweenStmt = db.prepare(
      `SELECT o.* FROM conversations c JOIN outbox o INDEXED BY outbox_chat
         ON o.channel = c.channel AND o.chat_id = c.chat_id AND o.conversation_id = c.id
       WHERE c.id = ? AND o.created_at >= ? AND o.created_at <= ? ORDER BY o.id LIMIT ?`,
    );
    this.latestStmt = db.prepare(
      'SELECT * FROM outbox WHERE channel = ? AND chat_id = ? ORDER BY id DESC LIMIT ?',
    );
    this.deadList = db.prepare(
      `SELECT * FROM outbox INDEXED BY outbox_dead WHERE status = 'dead' ORDER BY id DESC LIMIT ?`,
    );
    this.forInboundStmt = db.prepare(
      `SELECT o.* FROM inbound_messages i JOIN conversations c ON c.id = i.conversation_id
         JOIN outbox o INDEXED BY outbox_chat ON o.channel = c.channel AND o.chat_id = c.chat_id AND o.inbound_id = i.id
       WHERE i.channel = ? AND i.dedup_key = ? ORDER BY o.id`,
    );
    // The claimed attempt is given back: a citizen who blocked the bot is no failure of ours.
    this.giveBackStmt = db.prepare(
      `UPDATE outbox SET status = 'pending', attempts = max(attempts - 1, 0), next_attempt_at = ?, last_error = ?
       WHERE id = ? AND status = 'sending'`,
    );
    // Blocks older than the cutoff (the index skips recent ones), each chat's waiting rows through its partial index.
    this.expireStmt = db.prepare(
      `UPDATE outbox SET status = 'dead', last_error = @reason
       WHERE id IN (SELECT o.id FROM chat_blocks b INDEXED BY chat_blocks_since
                    JOIN outbox o INDEXED BY outbox_active_chat
                      ON o.channel = b.channel AND o.chat_id = b.chat_id AND o.status IN ('pending', 'sending')
                    WHERE b.blocked_at <= @cutoff AND o.status = 'pending')
       RETURNING id, channel`,
    );
    // Read through migration 007's partial index (only WhatsApp Cloud rows with a wamid).
    this.byWamidStmt = db.prepare(
      `SELECT * FROM outbox WHERE channel = 'wacloud' AND platform_message_id = ? ORDER BY id LIMIT 1`,
    );
    // Only a row still recorded as sent under this wamid changes: a status delivered twice acts once.
    this.requeueSentStmt = db.prepare(
      `UPDATE outbox SET status = 'pending', next_attempt_at = @at, last_error = @error,
         attempts = CASE WHEN @giveBack = 1 THEN max(attempts - 1, 0) ELSE attempts END
       WHERE id = @id AND status = 'sent' AND platform_message_id = @wamid`,
    );
    this.deadSentStmt = db.prepare(
      `UPDATE outbox SET status = 'dead', last_error = @error
       WHERE id = @id AND status = 'sent' AND platform_message_id = @wamid`,
    );
  }

  /** The replies a message produced: what a redelivered web message gets back. */
  forInbound(channel: string, dedupKey: string): OutboxEntry[] {
    return this.forInboundStmt.all(channel, dedupKey).map(toEntry);
  }

  /**
   * Queues a message. With `claimUntil` it is written already claimed for its first attempt ('sending', leased until
   * then): the caller hands it to the sender once committed, instead of the sender claiming it in a write of its own.
   */
  add(
    conversationId: number,
    channel: string,
    chatId: string,
    inboundId: number | null,
    message: RenderedMessage,
    now: number,
    ticket: string | null = null,
    claimUntil: number | null = null,
  ): number {
    const claimed = claimUntil !== null;
    return Number(
      this.insert.run(
        conversationId,
        channel,
        chatId,
        inboundId,
        JSON.stringify(message),
        claimed ? claimUntil : now,
        now,
        ticket,
        claimed ? 'sending' : 'pending',
        claimed ? 1 : 0,
      ).lastInsertRowid,
    );
  }

  /** Whether a message to this chat must wait its turn: an earlier one is not sent yet, or the citizen blocked the bot. */
  mustWait(chat: ChatRef): boolean {
    return this.unsentStmt.get({ channel: chat.channel, chat: chat.chatId }) === 1;
  }

  /** Messages claimed at their insert that this process will not send now: pending again, due at `now`. */
  release(ids: readonly number[], now: number): void {
    // The claimed attempt is given back, as for a citizen who blocked the bot; no error happened.
    for (const id of ids) this.giveBackStmt.run(now, null, id);
  }

  /** The ticket a sent message of this conversation was about, by the id its platform gave it (a reply's context). */
  ticketOfReply(conversationId: number, platformMessageId: string): string | null {
    const tail = /^[A-Za-z0-9]+$/.test(platformMessageId) ? platformMessageId : null;
    const row = this.replyTicketStmt.get({ conversation: conversationId, id: platformMessageId, tail });
    const r = TicketRow.safeParse(row);
    return r.success ? r.data.ticket : null;
  }

  get(id: number): OutboxEntry | null {
    const raw = this.byIdStmt.get(id);
    return raw ? toEntry(raw) : null;
  }

  /**
   * Chats with a message that may be sent now, in the order of their oldest such message, from at most `limit` due
   * messages. A chat's message waits while an earlier one to the same chat is being sent or waiting for its retry:
   * citizens read their messages in order.
   */
  dueChats(channels: readonly string[], now: number, limit: number): ChatRef[] {
    // The oldest `limit` over all channels are among each channel's oldest `limit`.
    const rows = [...new Set(channels)]
      .flatMap((channel) => DueHeads.parse(this.dueHeads.all({ channel, now, limit })))
      .sort((a, b) => a.id - b.id)
      .slice(0, limit);
    const chats = new Map<string, ChatRef>();
    for (const r of rows) chats.set(`${r.channel}:${r.chat_id}`, { channel: r.channel, chatId: r.chat_id });
    return [...chats.values()];
  }

  /**
   * The ids of the messages to one chat that may go now, in order: the pending ones at the head of its unsent
   * messages that are due, stopping at the first one that is being sent or waits for its retry. Read from the index
   * alone; `claim` returns each row as it is sent.
   */
  dueInChat(chat: ChatRef, now: number, limit: number): number[] {
    const due: number[] = [];
    for (const raw of this.chatActive.all(chat.channel, chat.chatId, limit)) {
      const head = Head.parse(raw);
      if (head.status !== 'pending' || head.next_attempt_at > now) break;
      due.push(head.id);
    }
    return due;
  }

  /** Marks a message as being sent; `leaseUntil` is when an unfinished send is retried (a crash mid-send). */
  claim(id: number, leaseUntil: number): OutboxEntry | null {
    const raw = this.claimStmt.get(leaseUntil, id);
    return raw === undefined ? null : toEntry(raw);
  }

  markSent(id: number, now: number, platformMessageId: string | null): void {
    this.sentStmt.run(now, platformMessageId, id);
  }

  retryLater(id: number, at: number, error: string): void {
    this.retryStmt.run(at, error.slice(0, 500), id);
  }

  markDead(id: number, error: string): void {
    this.deadStmt.run(error.slice(0, 500), id);
  }

  /** Sends interrupted by a crash become pending again once their lease ran out (that one send may repeat). */
  recoverExpiredLeases(now: number): number {
    return this.recoverStmt.run(now).changes;
  }

  /** The latest messages to one chat, oldest first (the web chat shown again after a reload). */
  /** A conversation's messages between two instants, oldest first (a ticket's transcript). */
  between(conversationId: number, from: number, to: number, limit: number): OutboxEntry[] {
    return this.betweenStmt.all(conversationId, from, to, limit).map(toEntry);
  }

  latest(channel: string, chatId: string, limit: number): OutboxEntry[] {
    return this.latestStmt.all(channel, chatId, limit).map(toEntry).reverse();
  }

  /** Messages to one chat after a known id (the web chat's polling). */
  after(channel: string, chatId: string, afterId: number): OutboxEntry[] {
    return this.afterStmt.all(channel, chatId, afterId).map(toEntry);
  }

  dead(limit = 100): OutboxEntry[] {
    return this.deadList.all(limit).map(toEntry);
  }

  /**
   * The send was refused because the citizen blocked the bot: the message waits again without the attempt it was
   * claimed with, and the chat is skipped until the block is lifted (or expires).
   */
  holdForBlockedChat(id: number, chat: ChatRef, now: number, error: string): void {
    this.db.transaction(() => {
      this.giveBackStmt.run(now, error.slice(0, 500), id);
      this.blocks.block(chat.channel, chat.chatId, now);
    })();
  }

  /** Marks dead the waiting messages of chats blocked since `cutoff` or earlier; returns them (id, channel). */
  expireBlocked(cutoff: number, reason: string): { id: number; channel: string }[] {
    return Expired.parse(this.expireStmt.all({ cutoff, reason: reason.slice(0, 500) }));
  }

  /** The WhatsApp Cloud message sent under this wamid (the last part of a message sent in parts), if any. */
  byWamid(wamid: string): SentEntry | null {
    const raw = this.byWamidStmt.get(wamid);
    if (!raw) return null;
    const sentAt = z.object({ sent_at: z.number().nullable() }).parse(raw).sent_at;
    return { ...toEntry(raw), sentAt };
  }

  /**
   * A message recorded as sent under `wamid` is pending again, due at `at`; `giveBack` returns the attempt its send
   * took. False when it is no longer recorded so (acted on already): nothing changes.
   */
  requeueSent(id: number, wamid: string, opts: { at: number; error: string; giveBack: boolean }): boolean {
    return (
      this.requeueSentStmt.run({
        id,
        wamid,
        at: opts.at,
        error: opts.error.slice(0, 500),
        giveBack: opts.giveBack ? 1 : 0,
      }).changes === 1
    );
  }

  /** A message recorded as sent under `wamid` never arrived: dead. False when acted on already. */
  deadSent(id: number, wamid: string, error: string): boolean {
    return this.deadSentStmt.run({ id, wamid, error: error.slice(0, 500) }).changes === 1;
  }
}
