// Reading the audit trail: its entries newest first, narrowed by account, ticket, action and time, in keyset pages.
import { z } from 'zod';
import type { Db } from './db.js';

/** What the log may be narrowed to; every field is optional and they all apply together. */
export type AuditFilter = {
  /** An officer account's username: its entries (`officer:<id>`). An unknown one matches nothing. */
  username?: string;
  /** A ticket's number. An unknown one matches nothing. */
  ticket?: string;
  /** The entry's type (`officer.login`, `ticket.status_changed`, …). */
  type?: string;
  /** Written at or after this instant (ms), and before `before`. */
  from?: number;
  before?: number;
  /** The last id of the previous page: the entries older than it. */
  cursor?: number;
};

/** An audit entry as it is stored, with the account's username and the ticket's number looked up. */
export type AuditEntry = {
  id: number;
  at: number;
  /** `citizen`, `system`, `officer` (a failed sign-in) or `officer:<id>`. */
  actor: string;
  /** The username of an `officer:<id>` actor. */
  username: string | null;
  type: string;
  ticketNumber: string | null;
  conversationId: number | null;
  /** The entry's details as stored (JSON), or null. */
  data: string | null;
};

const Row = z.object({
  id: z.number(),
  at: z.number(),
  actor: z.string(),
  username: z.string().nullable(),
  type: z.string(),
  ticket_number: z.string().nullable(),
  conversation_id: z.number().nullable(),
  data: z.string().nullable(),
});

/**
 * The SQL for one page (exported so that tests read its query plan). Every filter is an indexed equality in id order,
 * and the time range bounds the ids as well (found on the time index), so a range far back starts where it begins.
 */
export function auditPageQuery(
  filter: AuditFilter,
  limit: number,
): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  let sql = `SELECT a.id, a.at, a.actor, o.username, a.type, t.number AS ticket_number, a.conversation_id, a.data
    FROM audit_events a
    LEFT JOIN officers o ON o.id = CASE WHEN a.actor GLOB 'officer:[0-9]*' THEN CAST(substr(a.actor, 9) AS INTEGER) END
    LEFT JOIN tickets t ON t.id = a.ticket_id
    WHERE 1 = 1`;
  const and = (clause: string, ...values: (string | number)[]) => {
    sql += ` AND ${clause}`;
    params.push(...values);
  };
  if (filter.username !== undefined)
    and(`a.actor = 'officer:' || (SELECT u.id FROM officers u WHERE u.username = ?)`, filter.username);
  if (filter.ticket !== undefined)
    and('a.ticket_id = (SELECT k.id FROM tickets k WHERE k.number = ?)', filter.ticket);
  if (filter.type !== undefined) and('a.type = ?', filter.type);
  if (filter.from !== undefined)
    and(
      `a.at >= ? AND a.id >= COALESCE((SELECT id FROM audit_events INDEXED BY audit_events_at
         WHERE at >= ? ORDER BY at, id LIMIT 1), 9e18)`,
      filter.from,
      filter.from,
    );
  if (filter.before !== undefined)
    and(
      `a.at < ? AND a.id <= COALESCE((SELECT id FROM audit_events INDEXED BY audit_events_at
         WHERE at < ? ORDER BY at DESC, id DESC LIMIT 1), 0)`,
      filter.before,
      filter.before,
    );
  if (filter.cursor !== undefined) and('a.id < ?', filter.cursor);
  sql += ' ORDER BY a.id DESC LIMIT ?';
  params.push(limit);
  return { sql, params };
}

export class AuditLog {
  constructor(private readonly db: Db) {}

  /** Up to `limit` entries matching the filter, newest first, after the filter's cursor. */
  page(filter: AuditFilter, limit: number): AuditEntry[] {
    const { sql, params } = auditPageQuery(filter, limit);
    return this.db
      .prepare(sql)
      .all(...params)
      .map((raw) => {
        const r = Row.parse(raw);
        return {
          id: r.id,
          at: r.at,
          actor: r.actor,
          username: r.username,
          type: r.type,
          ticketNumber: r.ticket_number,
          conversationId: r.conversation_id,
          data: r.data,
        };
      });
  }
}
