// The officers' reading of tickets: the inbox with its filters, status counts, one ticket's page and its related
// tickets, each within an account's scope (decided in the SQL itself), and the tickets nobody receives.
import { z } from 'zod';
import { Complaint, TicketStatus } from '../domain/complaint.js';
import type { TicketScope } from '../domain/officer.js';
import type { Db } from './db.js';
import { TicketCopies } from './ticket-copies.js';
import { matchExpression } from './ticket-search.js';
import { StoredRouting } from './tickets.js';

/** Statuses in which the agency owes the citizen an answer: past the due date, a ticket in one is overdue. */
/** Statuses in which a stage can run (waiting for the citizen pauses it; selesai and after end it). */
const AWAITING_AGENCY = ['baru', 'diverifikasi', 'diproses', 'dialihkan'] as const;

/** A stage of the ticket is running: its due date binds the agency (met, ended or paused ones do not). */
const CLOCK_RUNNING = `EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id
  AND d.met_at IS NULL AND d.ended_at IS NULL AND d.paused_at IS NULL)`;

export type InboxSort = 'newest' | 'oldest' | 'due';

export type RelatedTicket = { number: string; status: TicketStatus; createdAt: number };
const RelatedRow = z.object({
  number: z.string(),
  status: TicketStatus,
  created_at: z.number(),
  visible: z.number(),
});

/** What the inbox may be narrowed to; every field is optional and they all apply together. */
export type InboxFilter = {
  status?: TicketStatus;
  category?: string;
  kabkota?: string;
  agency?: string;
  /** Only tickets past their due date on this WITA day (YYYY-MM-DD) that still await the agency. */
  overdueOn?: string;
  /** Filed at or after this instant (ms), and before `createdBefore`. */
  createdFrom?: number;
  createdBefore?: number;
  rating?: number;
  newReply?: boolean;
  unreceived?: boolean;
  /** Only the tickets assigned to this account, or (`none`) those assigned to nobody. */
  assignedTo?: number | 'none';
  /** Normalized words that must all appear in the ticket's indexed text. */
  words?: readonly string[];
  sort?: InboxSort;
  /** The last row of the previous page: its id, and its due date when sorted by due date. */
  cursor?: { id: number; due?: string };
};

/** A ticket as the officers' inbox lists it. */
export type InboxRow = {
  id: number;
  number: string;
  status: TicketStatus;
  category: string;
  kabkotaCode: string;
  agencyId: string | null;
  createdAt: number;
  dueDate: string;
  /** A stage's clock runs on `dueDate` (not met, not paused for the citizen): past it, the ticket is late. */
  clockRunning: boolean;
  routing: unknown;
  /** The story's first words, for the list. */
  excerpt: string;
  /** The citizen added to the ticket after the last thing an officer did. */
  newReply: boolean;
  rating: number | null;
  /** No destination and no account at the agency: the ticket waits for its coordinator or the admins. */
  unreceived: boolean;
  /** The account working the ticket (its name, or its username), or null. */
  assignee: { id: number; name: string } | null;
};

const InboxRowRaw = z.object({
  id: z.number(),
  number: z.string(),
  status: TicketStatus,
  category: z.string(),
  kabkota_code: z.string(),
  agency_id: z.string().nullable(),
  created_at: z.number(),
  due_date: z.string(),
  routing: z.string().nullable(),
  excerpt: z.string().nullable(),
  new_reply: z.number(),
  rating_score: z.number().nullable(),
  unreceived: z.number(),
  clock_running: z.number(),
  assignee_id: z.number().nullable(),
  assignee_name: z.string().nullable(),
});

/** A ticket as an officer's page shows it: the complaint, the routing decision and the chat to answer. */
export type OfficerTicket = {
  id: number;
  number: string;
  status: TicketStatus;
  agencyId: string | null;
  conversationId: number | null;
  createdAt: number;
  dueDate: string;
  routing: StoredRouting | null;
  complaint: Complaint;
  rating: { score: number; comment: string | null } | null;
};

const OfficerTicketRaw = z.object({
  id: z.number(),
  number: z.string(),
  status: TicketStatus,
  agency_id: z.string().nullable(),
  conversation_id: z.number().nullable(),
  created_at: z.number(),
  due_date: z.string(),
  routing: z.string().nullable(),
  data: z.string(),
  rating_score: z.number().nullable(),
  rating_comment: z.string().nullable(),
});

/**
 * SQL: the citizen added to ticket `t`, or said it is not solved, after the last officer's event on it (an assignment
 * answers nobody: the assignee still sees the reply as new).
 */
const NEW_REPLY = `EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id
  AND (e.type = 'appended' OR (e.actor = 'citizen' AND e.type = 'status_changed' AND e.to_status = 'diproses'))
  AND e.id > COALESCE((SELECT max(o.id) FROM ticket_events o WHERE o.ticket_id = t.id AND o.actor = 'officer'
    AND o.type != 'assigned'), 0))`;

/** SQL: nobody receives ticket `t` at its agency: no forwarding row and no enabled account of the agency. */
const UNRECEIVED = `(NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.ticket_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM officer_agencies oa JOIN officers o ON o.id = oa.officer_id
    WHERE oa.agency_id = t.agency_id AND o.disabled_at IS NULL))`;

/** SQL: ticket `t`'s search row is masked: the start-up rebuild finished, or has passed it (migration 039). */
const SEARCH_MASKED = `NOT EXISTS (SELECT 1 FROM search_masked m WHERE m.done_at IS NULL AND m.after_ticket < t.id)`;

/**
 * The scope as SQL over tickets `t` (its agency, its kab/kota): access is decided in the query itself. An agency
 * reaches the tickets it handles and, when it holds some (`holders`: the scope's agencies with a copy, Ombudsman's
 * tembusan), those it received a copy of: read-only until taken over. With `past`, it also reaches the tickets taken
 * away from it (dialihkan), to read their history: one ticket's page, not the inbox, which lists what the agency
 * handles now and its copies. The inbox of an agency without copies stays on its own index; with copies, its ids come
 * as one set from the agency's index and the copies' (an OR would fetch and sort every ticket of the agency).
 */
export function scopeWhere(
  scope: TicketScope,
  past = false,
  holders: readonly string[] = [],
): { sql: string; params: string[] } {
  if (scope.kind === 'all') return { sql: '1 = 1', params: [] };
  const list = scope.kind === 'agencies' ? scope.agencyIds : scope.codes;
  if (list.length === 0) return { sql: '0 = 1', params: [] };
  const marks = list.map(() => '?').join(', ');
  if (scope.kind === 'kabkota') return { sql: `t.kabkota_code IN (${marks})`, params: [...list] };
  const copied = holders.length === 0 ? null : holders.map(() => '?').join(', ');
  const copies = `SELECT k.ticket_id FROM ticket_copies k WHERE k.agency_id IN (${copied})`;
  if (!past) {
    if (copied === null) return { sql: `t.agency_id IN (${marks})`, params: [...list] };
    return {
      sql: `t.id IN (SELECT s.id FROM tickets s WHERE s.agency_id IN (${marks}) UNION ALL ${copies})`,
      params: [...list, ...holders],
    };
  }
  const reached = `t.id IN (SELECT p.ticket_id FROM ticket_past_agencies p WHERE p.agency_id IN (${marks}))`;
  return {
    sql: `(t.agency_id IN (${marks})${copied === null ? '' : ` OR t.id IN (${copies})`} OR ${reached})`,
    params: [...list, ...holders, ...list],
  };
}

/** The scope as SQL (`scopeWhere`), the scope's agencies that hold copies looked up first. */
export function scopeWithCopies(
  copies: TicketCopies,
  scope: TicketScope,
  past = false,
): { sql: string; params: string[] } {
  return scopeWhere(scope, past, scope.kind === 'agencies' ? copies.holders(scope.agencyIds) : []);
}

export class TicketInbox {
  private readonly copies: TicketCopies;

  constructor(private readonly db: Db) {
    this.copies = new TicketCopies(db);
  }

  /**
   * The tickets an account may see, filtered and sorted, after `cursor` (keyset pagination). Dates bound the ids
   * too (ids are given in filing order), so a range far back starts where it begins instead of scanning to it.
   */
  inbox(scope: TicketScope, filter: InboxFilter = {}, limit = 50): InboxRow[] {
    const where = scopeWithCopies(this.copies, scope);
    const params: (string | number)[] = [...where.params];
    let sql = `SELECT t.id, t.number, t.status, c.category, c.kabkota_code, t.agency_id, t.created_at, t.due_date,
        t.routing, substr(json_extract(c.data, '$.story'), 1, 140) AS excerpt, ${NEW_REPLY} AS new_reply, t.rating_score, ${UNRECEIVED} AS unreceived,
        ${CLOCK_RUNNING} AS clock_running, t.assignee_id, (SELECT COALESCE(o.name, o.username) FROM officers o WHERE o.id = t.assignee_id) AS assignee_name
      FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE ${where.sql}`;
    const and = (clause: string, ...values: (string | number)[]) => {
      sql += ` AND ${clause}`;
      params.push(...values);
    };
    if (filter.newReply) and(NEW_REPLY);
    if (filter.unreceived) and(UNRECEIVED);
    const match = filter.words ? matchExpression(filter.words) : null;
    if (match) and('t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)', match);
    // While the start-up rebuild runs, a ticket it has not reached is found by no word: its old row is unmasked.
    if (match) and(SEARCH_MASKED);
    if (filter.status) and('t.status = ?', filter.status);
    if (filter.category) and('t.category = ?', filter.category);
    if (filter.kabkota) and('t.kabkota_code = ?', filter.kabkota);
    if (filter.agency) and('t.agency_id = ?', filter.agency);
    if (filter.rating !== undefined) and('t.rating_score = ?', filter.rating);
    if (filter.assignedTo === 'none') and('t.assignee_id IS NULL');
    else if (filter.assignedTo !== undefined) and('t.assignee_id = ?', filter.assignedTo);
    // `+` keeps the planner off the due-date index, whose rows it would sort whole (every column computed first):
    // walking the scope newest first finds the overdue ones soon. Only a running stage's date binds the agency; the
    // status, read first, spares closed tickets the look-up of their stage.
    const awaiting = AWAITING_AGENCY.map((s) => `'${s}'`).join(', ');
    if (filter.overdueOn)
      and(`+t.due_date < ? AND +t.status IN (${awaiting}) AND ${CLOCK_RUNNING}`, filter.overdueOn);
    if (filter.createdFrom !== undefined)
      and(
        `t.created_at >= ? AND t.id >= COALESCE((SELECT id FROM tickets INDEXED BY tickets_created
           WHERE created_at >= ? ORDER BY created_at, id LIMIT 1), 9e18)`,
        filter.createdFrom,
        filter.createdFrom,
      );
    if (filter.createdBefore !== undefined)
      and(
        `t.created_at < ? AND t.id <= COALESCE((SELECT id FROM tickets INDEXED BY tickets_created
           WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1), 0)`,
        filter.createdBefore,
        filter.createdBefore,
      );
    const sort = filter.sort ?? 'newest';
    const cursor = filter.cursor;
    if (sort === 'due') {
      if (cursor) and('(t.due_date, t.id) > (?, ?)', cursor.due ?? '', cursor.id);
      sql += ' ORDER BY t.due_date, t.id LIMIT ?';
    } else if (sort === 'oldest') {
      if (cursor) and('t.id > ?', cursor.id);
      sql += ' ORDER BY t.id LIMIT ?';
    } else {
      if (cursor) and('t.id < ?', cursor.id);
      sql += ' ORDER BY t.id DESC LIMIT ?';
    }
    params.push(limit);
    return this.db
      .prepare(sql)
      .all(...params)
      .map((raw) => {
        const r = InboxRowRaw.parse(raw);
        return {
          id: r.id,
          number: r.number,
          status: r.status,
          category: r.category,
          kabkotaCode: r.kabkota_code,
          agencyId: r.agency_id,
          createdAt: r.created_at,
          dueDate: r.due_date,
          clockRunning: r.clock_running === 1,
          routing: r.routing ? JSON.parse(r.routing) : null,
          excerpt: r.excerpt ?? '',
          newReply: r.new_reply === 1,
          rating: r.rating_score,
          unreceived: r.unreceived === 1,
          assignee:
            r.assignee_id !== null && r.assignee_name !== null
              ? { id: r.assignee_id, name: r.assignee_name }
              : null,
        };
      });
  }

  /** How many tickets in the scope are in each status. */
  statusCounts(scope: TicketScope): Partial<Record<TicketStatus, number>> {
    const where = scopeWithCopies(this.copies, scope);
    const rows = this.db
      .prepare(`SELECT t.status, count(*) AS n FROM tickets t WHERE ${where.sql} GROUP BY t.status`)
      .all(...where.params);
    const out: Partial<Record<TicketStatus, number>> = {};
    for (const raw of rows) {
      const r = z.object({ status: TicketStatus, n: z.number() }).parse(raw);
      out[r.status] = r.n;
    }
    return out;
  }

  /** One ticket by its number, only when the scope may see it (null otherwise: a 404, never a 403). */
  forOfficer(number: string, scope: TicketScope): OfficerTicket | null {
    const where = scopeWithCopies(this.copies, scope, true);
    const raw = this.db
      .prepare(
        `SELECT t.id, t.number, t.status, t.agency_id, t.conversation_id, t.created_at, t.due_date, t.routing, c.data,
           t.rating_score, t.rating_comment
         FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.number = ? AND ${where.sql}`,
      )
      .get(number, ...where.params);
    if (!raw) return null;
    const r = OfficerTicketRaw.parse(raw);
    const complaint = Complaint.safeParse(JSON.parse(r.data));
    if (!complaint.success) return null;
    const routing = StoredRouting.safeParse(r.routing ? JSON.parse(r.routing) : null);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      agencyId: r.agency_id,
      conversationId: r.conversation_id,
      createdAt: r.created_at,
      dueDate: r.due_date,
      routing: routing.success ? routing.data : null,
      complaint: complaint.data,
      rating: r.rating_score === null ? null : { score: r.rating_score, comment: r.rating_comment },
    };
  }

  /**
   * The similar tickets linked to this one that the scope may see (newest first), and how many others it may not:
   * an officer learns that there are more, never which.
   */
  relatedFor(ticketId: number, scope: TicketScope): { seen: RelatedTicket[]; hidden: number } {
    const where = scopeWithCopies(this.copies, scope, true);
    const rows = this.db
      .prepare(
        `SELECT t.number, t.status, t.created_at, ${where.sql} AS visible FROM ticket_links l
         JOIN tickets t ON t.id = l.linked_ticket_id WHERE l.ticket_id = ? ORDER BY t.id DESC LIMIT 50`,
      )
      .all(...where.params, ticketId)
      .map((raw) => RelatedRow.parse(raw));
    return {
      seen: rows
        .filter((r) => r.visible === 1)
        .map((r) => ({ number: r.number, status: r.status, createdAt: r.created_at })),
      hidden: rows.filter((r) => r.visible !== 1).length,
    };
  }

  /** Tickets nobody at their agency receives (no forwarding row, no account), counted per agency, most first. */
  unreceivedByAgency(): { agencyId: string; tickets: number }[] {
    return this.db
      .prepare(
        `SELECT t.agency_id, count(*) AS n FROM tickets t WHERE t.agency_id IS NOT NULL AND ${UNRECEIVED}
         AND t.status NOT IN ('ditutup', 'dicabut') GROUP BY t.agency_id ORDER BY n DESC, t.agency_id`,
      )
      .all()
      .map((raw) => {
        const r = z.object({ agency_id: z.string(), n: z.number() }).parse(raw);
        return { agencyId: r.agency_id, tickets: r.n };
      });
  }
}
