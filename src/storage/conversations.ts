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

function toConversation(raw: unknown): ConversationRow | null {
  const r = Row.safeParse(raw);
  if (!r.success) return null;
  let snapshot: unknown = null;
  try {
    snapshot = JSON.parse(r.data.snapshot);
  } catch {
    snapshot = null;
  }
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
    return toConversation(this.byChat.get(channel, chatId));
  }

  get(id: number): ConversationRow | null {
    return toConversation(this.byId.get(id));
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
    this.update.run(u.version, u.state, JSON.stringify(u.snapshot), u.nextDeadlineAt, u.lang, now, id);
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
