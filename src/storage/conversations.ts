// Conversations: one row per chat with the flow's stored snapshot and its next deadline.
import { z } from 'zod';
import type { Lang } from '../domain/reply.js';
import type { Db } from './db.js';

export type ConversationRow = {
  id: number;
  channel: string;
  chatId: string;
  flow: string;
  flowVersion: number;
  state: string;
  snapshot: unknown;
  nextDeadlineAt: number | null;
  /** The language the conversation speaks (`/lang en`), kept beside the snapshot for channels and pages. */
  lang: Lang;
};

/** What a step leaves of a conversation. */
export type ConversationUpdate = {
  version: number;
  state: string;
  snapshot: unknown;
  nextDeadlineAt: number | null;
  lang: Lang;
};

const LangColumn = z.enum(['id', 'en']).catch('id');

const Row = z.object({
  id: z.number(),
  channel: z.string(),
  chat_id: z.string(),
  flow: z.string(),
  flow_version: z.number(),
  state: z.string(),
  snapshot: z.string(),
  next_deadline_at: z.number().nullable(),
  lang: LangColumn,
});

/**
 * How many conversations' last saved snapshots are kept as objects (the most recently saved), ~3 KB each with their
 * text: more than a province's chats in conversation at any one time, and `npm run compare`'s 50. The load test's
 * 2,000 chats, each writing every ~4 s, do not fit and are parsed as before: holding them (2,048 entries) cost
 * `npm run bench`, which never hits (10,000 chats in turn), 13 MB of peak RSS (192 → 205 MB, two runs each).
 */
export const PARSED_SNAPSHOTS_KEPT = 256;

/** A snapshot as saved: the text written and the object it was written from. */
type Saved = { text: string; snapshot: unknown };

function parseSnapshot(text: string, saved: Saved | undefined): unknown {
  // The row still holds what this process wrote last (not rolled back, not changed since by anyone): its object.
  if (saved !== undefined && saved.text === text) return saved.snapshot;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toConversation(raw: unknown, saved: ReadonlyMap<number, Saved>): ConversationRow | null {
  const r = Row.safeParse(raw);
  if (!r.success) return null;
  const snapshot = parseSnapshot(r.data.snapshot, saved.get(r.data.id));
  return {
    id: r.data.id,
    channel: r.data.channel,
    chatId: r.data.chat_id,
    flow: r.data.flow,
    flowVersion: r.data.flow_version,
    state: r.data.state,
    snapshot,
    nextDeadlineAt: r.data.next_deadline_at,
    lang: r.data.lang,
  };
}

export class Conversations {
  private readonly byChat;
  private readonly byId;
  private readonly insert;
  private readonly update;
  private readonly due;
  private readonly langByChat;
  /**
   * The last snapshots saved, by conversation, oldest first: a row read back with the very text saved gets the saved
   * object instead of a parse. Keyed by the text, so a rolled-back save or anyone else's write is simply a miss. The
   * objects are the flow's frozen snapshots (flows/index.ts), which nothing changes after they were saved.
   */
  private readonly saved = new Map<number, Saved>();

  constructor(db: Db) {
    this.byChat = db.prepare('SELECT * FROM conversations WHERE channel = ? AND chat_id = ?');
    this.byId = db.prepare('SELECT * FROM conversations WHERE id = ?');
    this.insert = db.prepare(
      `INSERT INTO conversations (channel, chat_id, flow, flow_version, state, snapshot, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'new', 'null', ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE conversations SET flow_version = ?, state = ?, snapshot = ?, next_deadline_at = ?, lang = ?,
       updated_at = ? WHERE id = ?`,
    );
    this.langByChat = db.prepare('SELECT lang FROM conversations WHERE channel = ? AND chat_id = ?').pluck();
    this.due = db.prepare(
      'SELECT id FROM conversations WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= ? ORDER BY next_deadline_at LIMIT ?',
    );
  }

  find(channel: string, chatId: string): ConversationRow | null {
    return toConversation(this.byChat.get(channel, chatId), this.saved);
  }

  get(id: number): ConversationRow | null {
    return toConversation(this.byId.get(id), this.saved);
  }

  /** The chat's conversation, created empty (snapshot null) when it writes for the first time. */
  findOrCreate(channel: string, chatId: string, flow: string, version: number, now: number): ConversationRow {
    const found = this.find(channel, chatId);
    if (found) return found;
    const id = Number(this.insert.run(channel, chatId, flow, version, now, now).lastInsertRowid);
    return {
      id,
      channel,
      chatId,
      flow,
      flowVersion: version,
      state: 'new',
      snapshot: null,
      nextDeadlineAt: null,
      lang: 'id',
    };
  }

  save(id: number, u: ConversationUpdate, now: number): void {
    const text = JSON.stringify(u.snapshot);
    this.update.run(u.version, u.state, text, u.nextDeadlineAt, u.lang, now, id);
    this.saved.delete(id);
    this.saved.set(id, { text, snapshot: u.snapshot });
    if (this.saved.size > PARSED_SNAPSHOTS_KEPT) {
      const oldest = this.saved.keys().next();
      if (!oldest.done) this.saved.delete(oldest.value);
    }
  }

  /** Drops a conversation's kept snapshot object (an erasure: its personal data must not stay in memory either). */
  forget(id: number): void {
    this.saved.delete(id);
  }

  /** The language a chat's conversation speaks; Indonesian for a chat never seen. */
  lang(channel: string, chatId: string): Lang {
    return LangColumn.parse(this.langByChat.get(channel, chatId) ?? 'id');
  }

  dueIds(now: number, limit: number): number[] {
    return z
      .array(z.object({ id: z.number() }))
      .parse(this.due.all(now, limit))
      .map((r) => r.id);
  }
}
