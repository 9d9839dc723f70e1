// Reads the service's SQLite file from outside (read-only, better-sqlite3) to check what the drills promise, and
// rewrites stored snapshots to an older flow version for the upgrade drill (only while the service is stopped).
import Database from 'better-sqlite3';

export type OutboxRow = {
  id: number;
  chatId: string;
  inboundKey: string | null;
  status: string;
  platformMessageId: number | null;
  text: string;
  attempts: number;
  nextAttemptAt: number;
};

export type FinalState = {
  integrity: string;
  inboundKeys: string[];
  outbox: OutboxRow[];
  tickets: { number: string; chatId: string | null }[];
  conversations: { chatId: string; state: string; flowVersion: number }[];
};

function open(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

function textOf(payload: string): string {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (parsed && typeof parsed === 'object' && 'text' in parsed && typeof parsed.text === 'string')
      return parsed.text;
  } catch {
    // not JSON
  }
  return '';
}

type RawOutbox = {
  id: number;
  chat_id: string;
  dedup_key: string | null;
  status: string;
  platform_message_id: string | null;
  payload: string;
  attempts: number;
  next_attempt_at: number;
};

const OUTBOX_SQL = `SELECT o.id, o.chat_id, i.dedup_key, o.status, o.platform_message_id, o.payload, o.attempts,
  o.next_attempt_at FROM outbox o LEFT JOIN inbound_messages i ON i.id = o.inbound_id WHERE o.channel = 'telegram'`;

function outboxRows(db: Database.Database, where = ''): OutboxRow[] {
  return (db.prepare(`${OUTBOX_SQL} ${where} ORDER BY o.id`).all() as RawOutbox[]).map((r) => ({
    id: r.id,
    chatId: r.chat_id,
    inboundKey: r.dedup_key,
    status: r.status,
    platformMessageId: r.platform_message_id === null ? null : Number(r.platform_message_id),
    text: textOf(r.payload),
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
  }));
}

/** Right after a SIGKILL: the replies that were being sent (claimed, not recorded as sent). */
export function sendingRows(path: string): OutboxRow[] {
  const db = open(path);
  try {
    return outboxRows(db, `AND o.status = 'sending'`);
  } finally {
    db.close();
  }
}

/** Replies not yet recorded as sent (read while the service runs: WAL lets a reader in). */
export function unsentCount(path: string): number {
  const db = open(path);
  try {
    return db.prepare(`SELECT COUNT(*) FROM outbox WHERE status != 'sent'`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Everything the final checks need, once the service has stopped. */
export function finalState(path: string): FinalState {
  const db = open(path);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const inboundKeys = db
      .prepare(`SELECT dedup_key FROM inbound_messages WHERE channel = 'telegram'`)
      .pluck()
      .all() as string[];
    const tickets = db
      .prepare(
        `SELECT t.number AS number, c.chat_id AS chatId FROM tickets t LEFT JOIN conversations c ON c.id = t.conversation_id`,
      )
      .all() as { number: string; chatId: string | null }[];
    const conversations = db
      .prepare(
        `SELECT chat_id AS chatId, state, flow_version AS flowVersion FROM conversations WHERE channel = 'telegram'`,
      )
      .all() as { chatId: string; state: string; flowVersion: number }[];
    return { integrity, inboundKeys, outbox: outboxRows(db), tickets, conversations };
  } finally {
    db.close();
  }
}

/** The states in which a citizen is in the middle of a complaint (flows/index.ts ACTIVE_STATES). */
export const ACTIVE_STATES = ['consent', 'story', 'guess', 'asking', 'summary', 'editPick', 'cancelConfirm'];

/**
 * Simulates "version N+1 started on conversations stored by version N": every conversation in the middle of a
 * complaint gets flow_version 0 and `version: 0` in its stored snapshot, so the next start salvages it. Only while
 * the service is stopped. Returns the chat ids rewritten.
 */
export function rewriteToOldVersion(path: string, version = 0): string[] {
  const db = new Database(path, { fileMustExist: true });
  try {
    const placeholders = ACTIVE_STATES.map(() => '?').join(', ');
    return db.transaction(() => {
      const chats = db
        .prepare(
          `SELECT chat_id FROM conversations WHERE channel = 'telegram' AND state IN (${placeholders})`,
        )
        .pluck()
        .all(...ACTIVE_STATES) as string[];
      db.prepare(
        `UPDATE conversations SET flow_version = ?, snapshot = json_set(snapshot, '$.version', ?)
         WHERE channel = 'telegram' AND state IN (${placeholders})`,
      ).run(version, version, ...ACTIVE_STATES);
      return chats;
    })();
  } finally {
    db.close();
  }
}
