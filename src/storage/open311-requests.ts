// The Open311 server's tickets (migration 036): which integration account filed which ticket (and under which
// Idempotency-Key), the tickets a key may read (its scope, and what it filed), and the queue of e-mails to reporters
// who gave an address: a cursor over the ticket's events, leased while a mail is out, with backoff.
import { z } from 'zod';
import { Complaint, TicketStatus } from '../domain/complaint.js';
import type { TicketScope } from '../domain/officer.js';
import type { Db } from './db.js';
import { TicketCopies } from './ticket-copies.js';
import { scopeWithCopies } from './ticket-inbox.js';

/** The ticket events a reporter is e-mailed about: what the status page and the chat tell them. */
export const MAILED_EVENT_TYPES = ['status_changed', 'replied', 'field_check'] as const;
const MAILED = MAILED_EVENT_TYPES.map((t) => `'${t}'`).join(', ');

/** A ticket as the Open311 server reads it (what it answers is chosen from this, identity never). */
export type Open311Row = {
  id: number;
  number: string;
  status: TicketStatus;
  agencyId: string | null;
  createdAt: number;
  /** The last change the reporter could see (filing, a status, an officer's message, a field check). */
  updatedAt: number;
  complaint: Complaint;
};

export type RequestFilter = {
  /** Ticket numbers (service_request_id): the others below are then ignored, as the spec says. */
  numbers?: readonly string[];
  categories?: readonly string[];
  statuses?: readonly TicketStatus[];
  /** Filed at or after `from` and before `to` (ms). */
  from?: number;
  to?: number;
};

/** A reporter to e-mail: their address and language, the ticket, the last event they were told of, failed tries. */
export type MailDue = {
  ticketId: number;
  number: string;
  status: TicketStatus;
  category: string;
  lang: 'id' | 'en';
  email: string;
  mailedEvent: number;
  attempts: number;
};

const RowRaw = z.object({
  id: z.number(),
  number: z.string(),
  status: TicketStatus,
  agency_id: z.string().nullable(),
  created_at: z.number(),
  updated_at: z.number(),
  data: z.string(),
});
const MailRaw = z.object({
  ticket_id: z.number(),
  number: z.string(),
  status: TicketStatus,
  category: z.string(),
  lang: z.enum(['id', 'en']).nullable(),
  email: z.string(),
  mailed_event: z.number(),
  attempts: z.number(),
});

function toRow(raw: unknown): Open311Row | null {
  const r = RowRaw.parse(raw);
  const complaint = Complaint.safeParse(JSON.parse(r.data));
  if (!complaint.success) return null;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    agencyId: r.agency_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    complaint: complaint.data,
  };
}

const SELECT = `SELECT t.id, t.number, t.status, t.agency_id, t.created_at, c.data,
    COALESCE((SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type IN ('filed', ${MAILED})),
      t.created_at) AS updated_at
  FROM tickets t JOIN complaints c ON c.id = t.complaint_id`;

export class Open311Requests {
  private readonly insert;
  private readonly ofKey;
  private readonly dueStmt;
  private readonly claimStmt;
  private readonly mailedStmt;
  private readonly retryStmt;
  private readonly copies: TicketCopies;

  constructor(private readonly db: Db) {
    this.copies = new TicketCopies(db);
    this.insert = db.prepare(
      `INSERT INTO open311_requests (ticket_id, account_id, idempotency_key, email, mailed_event, next_attempt_at,
         created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.ofKey = db
      .prepare(
        `SELECT t.number FROM open311_requests r JOIN tickets t ON t.id = r.ticket_id
         WHERE r.account_id = ? AND r.idempotency_key = ?`,
      )
      .pluck();
    this.dueStmt = db.prepare(
      `SELECT r.ticket_id, t.number, t.status, c.category, json_extract(c.data, '$.lang') AS lang, r.email,
         r.mailed_event, r.attempts
       FROM open311_requests r JOIN tickets t ON t.id = r.ticket_id JOIN complaints c ON c.id = t.complaint_id
       WHERE r.email IS NOT NULL AND r.next_attempt_at <= ? AND (r.lease_until IS NULL OR r.lease_until < ?)
         AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = r.ticket_id AND e.id > r.mailed_event
           AND e.type IN (${MAILED}))
       ORDER BY r.next_attempt_at, r.ticket_id LIMIT ?`,
    );
    this.claimStmt = db.prepare(
      `UPDATE open311_requests SET lease_until = ? WHERE ticket_id = ? AND email IS NOT NULL
         AND (lease_until IS NULL OR lease_until < ?)`,
    );
    this.mailedStmt = db.prepare(
      `UPDATE open311_requests SET mailed_event = max(mailed_event, ?), attempts = 0, lease_until = NULL,
         last_error = ?, email = CASE WHEN ? THEN NULL ELSE email END WHERE ticket_id = ?`,
    );
    this.retryStmt = db.prepare(
      `UPDATE open311_requests SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease_until = NULL
       WHERE ticket_id = ?`,
    );
  }

  /** Records who filed the ticket; `mailedEvent`: the last event at filing (the reporter is told of later ones). */
  record(
    r: {
      ticketId: number;
      accountId: number;
      idempotencyKey: string | null;
      email: string | null;
      mailedEvent: number;
    },
    now: number,
  ): void {
    this.insert.run(r.ticketId, r.accountId, r.idempotencyKey, r.email, r.mailedEvent, now, now);
  }

  /** The ticket number an account's earlier request with this Idempotency-Key became, or null. */
  byIdempotencyKey(accountId: number, key: string): string | null {
    const n = this.ofKey.get(accountId, key);
    return typeof n === 'string' ? n : null;
  }

  /**
   * The tickets an integration account may read: its scope (its agencies' tickets and the copies they got) and those
   * it filed itself, filtered, newest first, at most `limit`.
   */
  list(scope: TicketScope, accountId: number, filter: RequestFilter, limit: number): Open311Row[] {
    const where = scopeWithCopies(this.copies, scope);
    const params: (string | number)[] = [...where.params, accountId];
    let sql = `${SELECT} WHERE (${where.sql}
      OR t.id IN (SELECT r.ticket_id FROM open311_requests r WHERE r.account_id = ?))`;
    const among = (column: string, values: readonly string[]) => {
      sql += ` AND ${column} IN (${values.map(() => '?').join(', ')})`;
      params.push(...values);
    };
    if (filter.numbers) among('t.number', filter.numbers);
    else {
      if (filter.categories) among('t.category', filter.categories);
      if (filter.statuses) among('t.status', filter.statuses);
      if (filter.from !== undefined) {
        sql += ' AND t.created_at >= ?';
        params.push(filter.from);
      }
      if (filter.to !== undefined) {
        sql += ' AND t.created_at < ?';
        params.push(filter.to);
      }
    }
    sql += ' ORDER BY t.id DESC LIMIT ?';
    params.push(limit);
    return this.db
      .prepare(sql)
      .all(...params)
      .flatMap((raw) => toRow(raw) ?? []);
  }

  /** Reporters with something new to be told, whose turn has come and whom no other pass is mailing. */
  mailDue(now: number, limit: number): MailDue[] {
    return this.dueStmt.all(now, now, limit).map((raw) => {
      const r = MailRaw.parse(raw);
      return {
        ticketId: r.ticket_id,
        number: r.number,
        status: r.status,
        category: r.category,
        lang: r.lang ?? 'id',
        email: r.email,
        mailedEvent: r.mailed_event,
        attempts: r.attempts,
      };
    });
  }

  /** Takes the ticket's mail for one try until `leaseUntil`; false when another pass has it. */
  claim(ticketId: number, leaseUntil: number, now: number): boolean {
    return this.claimStmt.run(leaseUntil, ticketId, now).changes > 0;
  }

  /**
   * The reporter was told (or, with `error`, given up on) up to `eventId`; `forget`: nothing more will happen to the
   * ticket, so its address is dropped.
   */
  mailed(ticketId: number, eventId: number, forget: boolean, error: string | null = null): void {
    this.mailedStmt.run(eventId, error, forget ? 1 : 0, ticketId);
  }

  /** The try failed: the next one at `at`. */
  retry(ticketId: number, at: number, error: string): void {
    this.retryStmt.run(at, error, ticketId);
  }
}
