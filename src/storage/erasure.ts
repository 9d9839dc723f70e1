// Erasure as storage does it: a ticket's identity and files, a chat's messages and address, an expired draft, and what
// the retention sweep reads. What a text becomes is the caller's (a mask function); the SQL is here.
import { z } from 'zod';
import type { Conversations } from './conversations.js';
import type { Db } from './db.js';
import { FileRemovals, type RemovalReason } from './file-removals.js';

/** Replaces the erased values inside one text. */
export type Mask = (text: string) => string;

/** What an erased outbox message keeps: an empty message that still reads as one. */
const ERASED_PAYLOAD = JSON.stringify({ text: '', choices: [], expecting: 'none' });

const Id = z.object({ id: z.number() });
const Texts = z.array(z.object({ id: z.number(), text: z.string().nullable() }));
const Hashes = z.array(z.object({ sha256: z.string() }));
const Chat = z.object({ channel: z.string(), chat_id: z.string() });
const Pending = z.array(
  z.object({ conversation_id: z.number(), channel: z.string(), chat_id: z.string(), at: z.number() }),
);

/** Every string inside a JSON text, masked; a text that is not JSON is masked as text. */
function maskJson(raw: string, mask: Mask): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  try {
    return JSON.stringify(walk(JSON.parse(raw)));
  } catch {
    return mask(raw);
  }
}

export class Erasure {
  /** The files whose rows an erasure deletes, queued in the same transaction (deleted after the commit). */
  private readonly removals: FileRemovals;

  constructor(
    private readonly db: Db,
    /** Their kept snapshot objects go too: nothing of an erased chat stays in the process's memory either. */
    private readonly conversations: Conversations,
  ) {
    this.removals = new FileRemovals(db);
  }

  /** Masks one text column of the rows `select` finds (`id`, `text`), writing back only what changed. */
  private maskColumn(select: string, update: string, mask: Mask, json: boolean, ...params: unknown[]): void {
    const write = this.db.prepare(update);
    for (const r of Texts.parse(this.db.prepare(select).all(...params))) {
      if (r.text === null) continue;
      const masked = json ? maskJson(r.text, mask) : mask(r.text);
      if (masked !== r.text) write.run(masked, r.id);
    }
  }

  /** The tickets a chat filed and still follows, oldest first. */
  chatTickets(conversationId: number): { id: number; number: string }[] {
    return z
      .array(z.object({ id: z.number(), number: z.string() }))
      .parse(
        this.db
          .prepare('SELECT id, number FROM tickets WHERE conversation_id = ? ORDER BY id')
          .all(conversationId),
      );
  }

  /**
   * A ticket without its identity: the complaint as given (already without name, NIK and phone), its notes, events,
   * rating comment, routing, audit details and deadline reasons masked, its Open311 reporter's e-mail dropped, the
   * citizen's files' rows deleted and their files queued for removal (the officers' answer files stay) and its chat
   * link dropped. Returns the hashes of the files whose rows went.
   */
  eraseTicket(
    ticketId: number,
    complaint: string,
    identityMode: string,
    mask: Mask,
    now: number,
    reason: RemovalReason,
  ): string[] {
    const db = this.db;
    db.prepare(
      'UPDATE complaints SET data = ?, identity_mode = ? WHERE id = (SELECT complaint_id FROM tickets WHERE id = ?)',
    ).run(complaint, identityMode, ticketId);
    this.maskColumn(
      'SELECT id, text FROM ticket_notes WHERE ticket_id = ?',
      'UPDATE ticket_notes SET text = ? WHERE id = ?',
      mask,
      false,
      ticketId,
    );
    this.maskColumn(
      'SELECT id, reason AS text FROM ticket_events WHERE ticket_id = ?',
      'UPDATE ticket_events SET reason = ? WHERE id = ?',
      mask,
      false,
      ticketId,
    );
    this.maskColumn(
      'SELECT id, data AS text FROM ticket_events WHERE ticket_id = ?',
      'UPDATE ticket_events SET data = ? WHERE id = ?',
      mask,
      true,
      ticketId,
    );
    this.maskColumn(
      'SELECT id, rating_comment AS text FROM tickets WHERE id = ?',
      'UPDATE tickets SET rating_comment = ? WHERE id = ?',
      mask,
      false,
      ticketId,
    );
    this.maskColumn(
      'SELECT id, routing AS text FROM tickets WHERE id = ?',
      'UPDATE tickets SET routing = ? WHERE id = ?',
      mask,
      true,
      ticketId,
    );
    this.maskColumn(
      'SELECT id, data AS text FROM audit_events WHERE ticket_id = ?',
      'UPDATE audit_events SET data = ? WHERE id = ?',
      mask,
      true,
      ticketId,
    );
    this.maskColumn(
      'SELECT id, reason AS text FROM ticket_deadlines WHERE ticket_id = ?',
      'UPDATE ticket_deadlines SET reason = ? WHERE id = ?',
      mask,
      false,
      ticketId,
    );
    // An Open311 reporter's address goes, mailed the closing status or not (the last mail error with it).
    db.prepare('UPDATE open311_requests SET email = NULL, last_error = NULL WHERE ticket_id = ?').run(
      ticketId,
    );
    // The citizen's files only: the officers' answer files are the agency's own documents.
    const files = Hashes.parse(
      db.prepare('SELECT sha256 FROM attachments WHERE ticket_id = ? AND officer_id IS NULL').all(ticketId),
    ).map((f) => f.sha256);
    db.prepare('DELETE FROM attachments WHERE ticket_id = ? AND officer_id IS NULL').run(ticketId);
    this.removals.queue(files, reason, now);
    db.prepare('UPDATE tickets SET conversation_id = NULL, erased_at = ? WHERE id = ?').run(now, ticketId);
    return files;
  }

  /** The names the officers' answer files of a ticket are shown by, masked (the files themselves stay). */
  maskAnswerFileNames(ticketId: number, mask: Mask): void {
    this.maskColumn(
      'SELECT rowid AS id, filename AS text FROM attachments WHERE ticket_id = ? AND officer_id IS NOT NULL',
      'UPDATE attachments SET filename = ? WHERE rowid = ?',
      mask,
      false,
      ticketId,
    );
  }

  /**
   * A chat without its messages and address: what the citizen sent and was sent is emptied, messages waiting to be
   * sent are dropped (one being sent is emptied and finishes), its unlinked files' rows deleted (the files queued for
   * removal), its audit details masked, and the conversation takes `pseudonym` as its address (a later message from
   * the chat starts a new one). The address is kept in `chat_erasures` only until the messages still to come have
   * left (`finishChats`). Returns how many messages were emptied and the files' hashes.
   */
  eraseChat(
    conversationId: number,
    pseudonym: string,
    mask: Mask,
    now: number,
    reason: RemovalReason,
  ): { messages: number; files: string[] } {
    const db = this.db;
    const chat = Chat.safeParse(
      db.prepare('SELECT channel, chat_id FROM conversations WHERE id = ?').get(conversationId),
    );
    if (!chat.success) return { messages: 0, files: [] };
    const messages = db
      .prepare(
        "UPDATE inbound_messages SET body = NULL, dedup_key = 'erased:' || id WHERE conversation_id = ?",
      )
      .run(conversationId).changes;
    // A message being sent ('sending') stays, emptied like the rest: its send is recorded on its row by id, and a
    // deleted row's id is taken by the next message (the erasure's own answer), which would be marked sent unsent.
    db.prepare("DELETE FROM outbox WHERE conversation_id = ? AND status = 'pending'").run(conversationId);
    this.emptyOutbox(conversationId, pseudonym);
    const files = Hashes.parse(
      db
        .prepare('SELECT sha256 FROM attachments WHERE conversation_id = ? AND ticket_id IS NULL')
        .all(conversationId),
    ).map((f) => f.sha256);
    db.prepare('DELETE FROM attachments WHERE conversation_id = ? AND ticket_id IS NULL').run(conversationId);
    this.removals.queue(files, reason, now);
    this.maskColumn(
      'SELECT id, data AS text FROM audit_events WHERE conversation_id = ?',
      'UPDATE audit_events SET data = ? WHERE id = ?',
      mask,
      true,
      conversationId,
    );
    db.prepare(
      "UPDATE conversations SET chat_id = ?, state = 'erased', snapshot = 'null', next_deadline_at = NULL WHERE id = ?",
    ).run(pseudonym, conversationId);
    this.conversations.forget(conversationId);
    db.prepare(
      `INSERT INTO chat_erasures (conversation_id, channel, chat_id, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO NOTHING`,
    ).run(conversationId, chat.data.channel, chat.data.chat_id, now);
    return { messages, files };
  }

  /** A chat's outbox rows: emptied, under the pseudonym, without platform ids (and Meta's statuses about them). */
  private emptyOutbox(conversationId: number, pseudonym: string): void {
    const db = this.db;
    db.prepare(
      `DELETE FROM wacloud_statuses WHERE wamid IN (
         SELECT platform_message_id FROM outbox WHERE conversation_id = ? AND platform_message_id IS NOT NULL)`,
    ).run(conversationId);
    db.prepare(
      `UPDATE outbox SET payload = ?, parts_sent = NULL, last_error = NULL, platform_message_id = NULL, chat_id = ?
       WHERE conversation_id = ?`,
    ).run(ERASED_PAYLOAD, pseudonym, conversationId);
  }

  /**
   * Erased chats whose messages have all left (or waited longer than `graceMs`: they are dropped): their outbox rows
   * take the pseudonym, and the channel's records of the address go unless a new conversation uses it. How many.
   */
  finishChats(now: number, graceMs: number, limit: number): number {
    const db = this.db;
    let finished = 0;
    for (const e of Pending.parse(db.prepare('SELECT * FROM chat_erasures ORDER BY at LIMIT ?').all(limit))) {
      const waiting = db
        .prepare(
          "SELECT 1 FROM outbox WHERE conversation_id = ? AND status IN ('pending', 'sending') LIMIT 1",
        )
        .get(e.conversation_id);
      if (waiting !== undefined && e.at > now - graceMs) continue;
      db.prepare("DELETE FROM outbox WHERE conversation_id = ? AND status IN ('pending', 'sending')").run(
        e.conversation_id,
      );
      const pseudonym = z
        .string()
        .parse(db.prepare('SELECT chat_id FROM conversations WHERE id = ?').pluck().get(e.conversation_id));
      this.emptyOutbox(e.conversation_id, pseudonym);
      const reused = db
        .prepare('SELECT 1 FROM conversations WHERE channel = ? AND chat_id = ?')
        .get(e.channel, e.chat_id);
      if (reused === undefined) {
        db.prepare('DELETE FROM chat_blocks WHERE channel = ? AND chat_id = ?').run(e.channel, e.chat_id);
        if (e.channel === 'wacloud') {
          for (const table of ['wacloud_held', 'wacloud_addresses', 'wacloud_chats'])
            db.prepare(`DELETE FROM ${table} WHERE chat_id = ?`).run(e.chat_id);
        }
      }
      db.prepare('DELETE FROM chat_erasures WHERE conversation_id = ?').run(e.conversation_id);
      finished++;
    }
    return finished;
  }

  /** Retention: masks what a chat that stays sent and was sent (its other tickets still go on). */
  maskChat(conversationId: number, mask: Mask): void {
    this.maskColumn(
      'SELECT id, body AS text FROM inbound_messages WHERE conversation_id = ?',
      'UPDATE inbound_messages SET body = ? WHERE id = ?',
      mask,
      true,
      conversationId,
    );
    this.maskColumn(
      'SELECT id, payload AS text FROM outbox WHERE conversation_id = ?',
      'UPDATE outbox SET payload = ? WHERE id = ?',
      mask,
      true,
      conversationId,
    );
  }

  /**
   * An expired draft forgotten: what the chat sent and was sent since its last ticket was filed is emptied, and the
   * files no ticket took lose their rows and are queued for removal (their hashes returned). Messages not yet sent
   * stay.
   */
  forgetDraft(conversationId: number, now: number): string[] {
    const db = this.db;
    const since = z
      .number()
      .parse(
        db
          .prepare('SELECT coalesce(max(created_at), 0) FROM tickets WHERE conversation_id = ?')
          .pluck()
          .get(conversationId),
      );
    db.prepare('UPDATE inbound_messages SET body = NULL WHERE conversation_id = ? AND received_at > ?').run(
      conversationId,
      since,
    );
    db.prepare(
      "UPDATE outbox SET payload = ?, parts_sent = NULL WHERE conversation_id = ? AND created_at > ? AND status IN ('sent', 'dead')",
    ).run(ERASED_PAYLOAD, conversationId, since);
    const files = Hashes.parse(
      db
        .prepare(
          'SELECT sha256 FROM attachments WHERE conversation_id = ? AND ticket_id IS NULL AND officer_id IS NULL',
        )
        .all(conversationId),
    ).map((f) => f.sha256);
    db.prepare(
      'DELETE FROM attachments WHERE conversation_id = ? AND ticket_id IS NULL AND officer_id IS NULL',
    ).run(conversationId);
    this.removals.queue(files, 'draft', now);
    return files;
  }

  /** Closed tickets not yet erased whose last change was at or before `cutoff`, the oldest first. */
  closedBefore(
    cutoff: number,
    limit: number,
  ): { id: number; number: string; conversationId: number | null }[] {
    return z
      .array(z.object({ id: z.number(), number: z.string(), conversation_id: z.number().nullable() }))
      .parse(
        this.db
          .prepare(
            `SELECT id, number, conversation_id FROM tickets
             WHERE erased_at IS NULL AND status IN ('ditutup', 'ditolak', 'dicabut') AND updated_at <= ?
             ORDER BY updated_at LIMIT ?`,
          )
          .all(cutoff, limit),
      )
      .map((r) => ({ id: r.id, number: r.number, conversationId: r.conversation_id }));
  }

  /** Conversations paused on an expired draft whose citizen last wrote at or before `lastActivity`. */
  expiredDrafts(lastActivity: number, limit: number): number[] {
    return z
      .array(Id)
      .parse(
        this.db
          .prepare(
            `SELECT id FROM conversations WHERE state = 'paused'
             AND json_extract(snapshot, '$.context.lastActivity') <= ? ORDER BY id LIMIT ?`,
          )
          .all(lastActivity, limit),
      )
      .map((r) => r.id);
  }

  /** Whether a conversation still follows a ticket, and whether it was last stepped at or before `cutoff`. */
  chatFacts(
    conversationId: number,
    cutoff: number,
  ): { tickets: number; quiet: boolean; erased: boolean } | null {
    const r = z.object({ tickets: z.number(), updated_at: z.number(), chat_id: z.string() }).safeParse(
      this.db
        .prepare(
          `SELECT (SELECT count(*) FROM tickets WHERE conversation_id = c.id) AS tickets, c.updated_at, c.chat_id
             FROM conversations c WHERE c.id = ?`,
        )
        .get(conversationId),
    );
    if (!r.success) return null;
    return {
      tickets: r.data.tickets,
      quiet: r.data.updated_at <= cutoff,
      erased: r.data.chat_id.startsWith('erased:'),
    };
  }

  /** Whether any attachment row still uses this file. */
  fileInUse(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
  }
}
