// Complaints and their tickets: stored once per submission; a chat only ever sees the tickets it filed.
import { z } from 'zod';
import { Complaint, TicketStatus } from '../domain/complaint.js';
import type { TicketScope } from '../domain/officer.js';
import type { Db } from './db.js';
import { matchExpression } from './ticket-search.js';

export type TicketSummary = {
  id: number;
  number: string;
  status: TicketStatus;
  category: string;
  createdAt: number;
  dueDate: string;
};

const SummaryRow = z.object({
  id: z.number(),
  number: z.string(),
  status: TicketStatus,
  category: z.string(),
  created_at: z.number(),
  due_date: z.string(),
});

const toSummary = (raw: unknown): TicketSummary => {
  const r = SummaryRow.parse(raw);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    category: r.category,
    createdAt: r.created_at,
    dueDate: r.due_date,
  };
};

/** A ticket's story, for duplicate and similarity checks. */
export type StoryRow = { id: number; number: string; story: string; conversationId: number | null };

const StoryData = z.object({ story: z.string() });
const StoryRowRaw = z.object({
  id: z.number(),
  number: z.string(),
  data: z.string(),
  conversation_id: z.number().nullable(),
});

const toStoryRow = (raw: unknown): StoryRow | null => {
  const r = StoryRowRaw.parse(raw);
  const d = StoryData.safeParse(JSON.parse(r.data));
  return d.success
    ? { id: r.id, number: r.number, story: d.data.story, conversationId: r.conversation_id }
    : null;
};

/** A ticket as the officers' inbox lists it. */
/** Statuses in which the agency owes the citizen an answer: past the due date, a ticket in one is overdue. */
const AWAITING_AGENCY = ['baru', 'diverifikasi', 'diproses', 'dialihkan'] as const;

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
  /** Normalized words that must all appear in the ticket's indexed text. */
  words?: readonly string[];
  sort?: InboxSort;
  /** The last row of the previous page: its id, and its due date when sorted by due date. */
  cursor?: { id: number; due?: string };
};

export type InboxRow = {
  id: number;
  number: string;
  status: TicketStatus;
  category: string;
  kabkotaCode: string;
  agencyId: string | null;
  createdAt: number;
  dueDate: string;
  routing: unknown;
  /** The story's first words, for the list. */
  excerpt: string;
  /** The citizen added to the ticket after the last thing an officer did. */
  newReply: boolean;
  rating: number | null;
  /** No destination and no account at the agency: the ticket waits for its coordinator or the admins. */
  unreceived: boolean;
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

/** SQL: the citizen added to ticket `t`, or said it is not solved, after the last officer's event on it. */
const NEW_REPLY = `EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id
  AND (e.type = 'appended' OR (e.actor = 'citizen' AND e.type = 'status_changed' AND e.to_status = 'diproses'))
  AND e.id > COALESCE((SELECT max(o.id) FROM ticket_events o WHERE o.ticket_id = t.id AND o.actor = 'officer'), 0))`;

/** SQL: nobody receives ticket `t` at its agency: no forwarding row and no enabled account of the agency. */
const UNRECEIVED = `(NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.ticket_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM officer_agencies oa JOIN officers o ON o.id = oa.officer_id
    WHERE oa.agency_id = t.agency_id AND o.disabled_at IS NULL))`;

/**
 * The scope as SQL over tickets `t` (its agency, its kab/kota): access is decided in the query itself. With `past`,
 * an agency also reaches the tickets taken away from it (dialihkan), to read their history: one ticket's page, not
 * the inbox, which lists what the agency handles now (and stays on its index).
 */
function scopeWhere(scope: TicketScope, past = false): { sql: string; params: string[] } {
  if (scope.kind === 'all') return { sql: '1 = 1', params: [] };
  const list = scope.kind === 'agencies' ? scope.agencyIds : scope.codes;
  if (list.length === 0) return { sql: '0 = 1', params: [] };
  const marks = list.map(() => '?').join(', ');
  if (scope.kind === 'kabkota') return { sql: `t.kabkota_code IN (${marks})`, params: [...list] };
  if (!past) return { sql: `t.agency_id IN (${marks})`, params: [...list] };
  return {
    sql: `(t.agency_id IN (${marks}) OR t.id IN (SELECT p.ticket_id FROM ticket_past_agencies p WHERE p.agency_id IN (${marks})))`,
    params: [...list, ...list],
  };
}

/** The routing decision as stored with a ticket (the ticket desk writes it when filing). */
export const StoredRouting = z.object({
  agencyName: z.string(),
  rule: z.string(),
  reason: z.string(),
  details: z.array(z.string()),
  fallback: z.boolean(),
  also: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), reason: z.string() })),
});
export type StoredRouting = z.infer<typeof StoredRouting>;

const ForwardingRow = z.object({
  number: z.string(),
  created_at: z.number(),
  due_date: z.string(),
  agency_id: z.string().nullable(),
  routing: z.string().nullable(),
  data: z.string(),
});

export type ForwardingView = {
  number: string;
  createdAt: number;
  dueDate: string;
  agencyId: string;
  routing: StoredRouting;
  complaint: Complaint;
};

export class Tickets {
  private readonly recentOfChat;
  private readonly inAreaStmt;
  private readonly setRoutingStmt;
  private readonly linkStmt;
  private readonly relatedStmt;
  private readonly forwardStmt;
  private readonly insertComplaint;
  private readonly insertTicket;
  private readonly numberTaken;
  private readonly forChat;
  private readonly oneForChat;
  private readonly setStatus;
  private readonly dropChat;
  private readonly insertNote;
  private readonly setRatingStmt;
  private readonly quietResolved;
  private readonly notesOf;
  private readonly complaintOf;

  constructor(private readonly db: Db) {
    this.insertComplaint = db.prepare(
      'INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertTicket = db.prepare(
      `INSERT INTO tickets (number, complaint_id, conversation_id, status, due_date, created_at, updated_at, kabkota_code,
         category)
       VALUES (?, ?, ?, 'baru', ?, ?, ?, ?, ?)`,
    );
    this.numberTaken = db.prepare('SELECT 1 FROM tickets WHERE number = ?').pluck();
    const select = `SELECT t.id, t.number, t.status, c.category, t.created_at, t.due_date
      FROM tickets t JOIN complaints c ON c.id = t.complaint_id`;
    this.forChat = db.prepare(`${select} WHERE t.conversation_id = ? ORDER BY t.id DESC LIMIT 20`);
    this.oneForChat = db.prepare(`${select} WHERE t.conversation_id = ? AND t.number = ?`);
    this.setStatus = db.prepare('UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?');
    this.dropChat = db.prepare('UPDATE tickets SET conversation_id = NULL WHERE id = ?');
    this.setRatingStmt = db.prepare(
      'UPDATE tickets SET rating_score = ?, rating_comment = ?, rated_at = ? WHERE id = ?',
    );
    this.quietResolved = db.prepare(
      "SELECT id, number, conversation_id FROM tickets WHERE status = 'selesai' AND updated_at < ? ORDER BY updated_at LIMIT ?",
    );
    this.notesOf = db.prepare(
      'SELECT author, text, created_at FROM ticket_notes WHERE ticket_id = ? AND text IS NOT NULL ORDER BY id',
    );
    this.insertNote = db.prepare(
      'INSERT INTO ticket_notes (ticket_id, author, text, created_at) VALUES (?, ?, ?, ?)',
    );
    const storySelect = `SELECT t.id, t.number, c.data, t.conversation_id
      FROM tickets t JOIN complaints c ON c.id = t.complaint_id`;
    this.recentOfChat = db.prepare(
      `${storySelect} WHERE t.conversation_id = ? AND t.created_at >= ? AND t.status != 'dicabut' ORDER BY t.id DESC LIMIT 20`,
    );
    this.inAreaStmt = db.prepare(
      `${storySelect} WHERE c.category = ? AND c.kabkota_code = ? AND t.created_at >= ?
         AND (t.conversation_id IS NULL OR t.conversation_id != ?) ORDER BY t.id DESC LIMIT ?`,
    );
    this.setRoutingStmt = db.prepare('UPDATE tickets SET agency_id = ?, routing = ? WHERE id = ?');
    this.linkStmt = db.prepare(
      'INSERT OR IGNORE INTO ticket_links (ticket_id, linked_ticket_id, score, reason, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.relatedStmt = db
      .prepare(
        'SELECT t.number FROM ticket_links l JOIN tickets t ON t.id = l.linked_ticket_id WHERE l.ticket_id = ? ORDER BY t.id',
      )
      .pluck();
    this.forwardStmt = db.prepare(
      `SELECT t.number, t.created_at, t.due_date, t.agency_id, t.routing, c.data
       FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?`,
    );
    this.complaintOf = db
      .prepare('SELECT c.data FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?')
      .pluck();
  }

  isTaken(number: string): boolean {
    return this.numberTaken.get(number) !== undefined;
  }

  create(complaint: Complaint, number: string, conversationId: number, dueDate: string, now: number): number {
    const data = Complaint.parse(complaint);
    const complaintId = Number(
      this.insertComplaint.run(JSON.stringify(data), data.category, data.kabkotaCode, data.identityMode, now)
        .lastInsertRowid,
    );
    return Number(
      this.insertTicket.run(
        number,
        complaintId,
        conversationId,
        dueDate,
        now,
        now,
        data.kabkotaCode,
        data.category,
      ).lastInsertRowid,
    );
  }

  /** This chat's tickets filed since `since` (not withdrawn), newest first. */
  recentForChat(conversationId: number, since: number): StoryRow[] {
    return this.recentOfChat.all(conversationId, since).flatMap((r) => toStoryRow(r) ?? []);
  }

  /** Other chats' tickets of the same category and kab/kota since `since`, newest first, at most `limit`. */
  recentInArea(
    category: string,
    kabkotaCode: string,
    since: number,
    excludeConversation: number,
    limit: number,
  ): StoryRow[] {
    return this.inAreaStmt
      .all(category, kabkotaCode, since, excludeConversation, limit)
      .flatMap((r) => toStoryRow(r) ?? []);
  }

  /** The routing decision and its reason, kept with the ticket and shown to officers. */
  setRouting(ticketId: number, agencyId: string, routing: StoredRouting): void {
    this.setRoutingStmt.run(agencyId, JSON.stringify(StoredRouting.parse(routing)), ticketId);
  }

  /** Links two tickets both ways (similar complaints from different citizens). */
  link(a: number, b: number, score: number, reason: string, now: number): void {
    this.linkStmt.run(a, b, score, reason, now);
    this.linkStmt.run(b, a, score, reason, now);
  }

  /**
   * The similar tickets linked to this one that the scope may see (newest first), and how many others it may not:
   * an officer learns that there are more, never which.
   */
  relatedFor(ticketId: number, scope: TicketScope): { seen: RelatedTicket[]; hidden: number } {
    const where = scopeWhere(scope, true);
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

  relatedNumbers(ticketId: number): string[] {
    return this.relatedStmt.all(ticketId).filter((n): n is string => typeof n === 'string');
  }

  /**
   * The tickets an account may see, filtered and sorted, after `cursor` (keyset pagination). Dates bound the ids
   * too (ids are given in filing order), so a range far back starts where it begins instead of scanning to it.
   */
  inbox(scope: TicketScope, filter: InboxFilter = {}, limit = 50): InboxRow[] {
    const where = scopeWhere(scope);
    const params: (string | number)[] = [...where.params];
    let sql = `SELECT t.id, t.number, t.status, c.category, c.kabkota_code, t.agency_id, t.created_at, t.due_date,
        t.routing, substr(json_extract(c.data, '$.story'), 1, 140) AS excerpt, ${NEW_REPLY} AS new_reply, t.rating_score, ${UNRECEIVED} AS unreceived
      FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE ${where.sql}`;
    const and = (clause: string, ...values: (string | number)[]) => {
      sql += ` AND ${clause}`;
      params.push(...values);
    };
    if (filter.newReply) and(NEW_REPLY);
    if (filter.unreceived) and(UNRECEIVED);
    const match = filter.words ? matchExpression(filter.words) : null;
    if (match) and('t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)', match);
    if (filter.status) and('t.status = ?', filter.status);
    if (filter.category) and('t.category = ?', filter.category);
    if (filter.kabkota) and('t.kabkota_code = ?', filter.kabkota);
    if (filter.agency) and('t.agency_id = ?', filter.agency);
    if (filter.rating !== undefined) and('t.rating_score = ?', filter.rating);
    // `+` keeps the planner off the due-date and status indexes, whose rows it would sort whole (every column
    // computed first): walking the scope newest first finds the overdue ones soon.
    if (filter.overdueOn)
      and(
        `+t.due_date < ? AND +t.status IN (${AWAITING_AGENCY.map((s) => `'${s}'`).join(', ')})`,
        filter.overdueOn,
      );
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
          routing: r.routing ? JSON.parse(r.routing) : null,
          excerpt: r.excerpt ?? '',
          newReply: r.new_reply === 1,
          rating: r.rating_score,
          unreceived: r.unreceived === 1,
        };
      });
  }

  /** How many tickets in the scope are in each status. */
  statusCounts(scope: TicketScope): Partial<Record<TicketStatus, number>> {
    const where = scopeWhere(scope);
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
    const where = scopeWhere(scope, true);
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

  /** What leaving Aduan needs of a ticket: its number, dates, routing decision and complaint. */
  forForwarding(ticketId: number): ForwardingView | null {
    const raw = this.forwardStmt.get(ticketId);
    if (!raw) return null;
    const r = ForwardingRow.parse(raw);
    const complaint = Complaint.safeParse(JSON.parse(r.data));
    const routing = StoredRouting.safeParse(r.routing ? JSON.parse(r.routing) : null);
    if (!complaint.success || !routing.success || !r.agency_id) return null;
    return {
      number: r.number,
      createdAt: r.created_at,
      dueDate: r.due_date,
      agencyId: r.agency_id,
      routing: routing.data,
      complaint: complaint.data,
    };
  }

  listForChat(conversationId: number): TicketSummary[] {
    return this.forChat.all(conversationId).map(toSummary);
  }

  findForChat(conversationId: number, number: string): TicketSummary | null {
    const raw = this.oneForChat.get(conversationId, number);
    return raw ? toSummary(raw) : null;
  }

  complaint(ticketId: number): Complaint | null {
    const raw = this.complaintOf.get(ticketId);
    if (typeof raw !== 'string') return null;
    const r = Complaint.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  }

  updateStatus(ticketId: number, status: TicketStatus, now: number): void {
    this.setStatus.run(status, now, ticketId);
  }

  /** Forgets which chat filed the ticket: nobody can link it to the citizen any more. */
  detachChat(ticketId: number): void {
    this.dropChat.run(ticketId);
  }

  addNote(ticketId: number, author: string, text: string | null, now: number): void {
    this.insertNote.run(ticketId, author, text, now);
  }

  /** The citizen's score (1–5) and comment. */
  setRating(ticketId: number, score: number, comment: string | null, now: number): void {
    this.setRatingStmt.run(score, comment, now, ticketId);
  }

  /** Tickets left at `selesai` since before `before`: the citizen did not say it is not solved. */
  resolvedSince(
    before: number,
    limit: number,
  ): { id: number; number: string; conversationId: number | null }[] {
    return this.quietResolved.all(before, limit).map((raw) => {
      const r = z
        .object({ id: z.number(), number: z.string(), conversation_id: z.number().nullable() })
        .parse(raw);
      return { id: r.id, number: r.number, conversationId: r.conversation_id };
    });
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

  /** Moves a ticket to another agency: a new due date, status dialihkan, the old agency kept as a reader. */
  reassign(ticketId: number, from: string | null, to: string, dueDate: string, now: number): void {
    if (from) {
      this.db
        .prepare('INSERT OR REPLACE INTO ticket_past_agencies (ticket_id, agency_id, until) VALUES (?, ?, ?)')
        .run(ticketId, from, now);
    }
    this.db
      .prepare(
        "UPDATE tickets SET agency_id = ?, due_date = ?, status = 'dialihkan', updated_at = ? WHERE id = ?",
      )
      .run(to, dueDate, now, ticketId);
  }

  /** Tickets in `status`, the longest unchanged first: a sweep's candidates. */
  inStatus(status: TicketStatus, limit: number): { id: number; updatedAt: number }[] {
    return this.db
      .prepare('SELECT id, updated_at FROM tickets WHERE status = ? ORDER BY updated_at LIMIT ?')
      .all(status, limit)
      .map((raw) => {
        const r = z.object({ id: z.number(), updated_at: z.number() }).parse(raw);
        return { id: r.id, updatedAt: r.updated_at };
      });
  }

  /** What was added to a ticket after filing (the citizen's later messages), oldest first. */
  notes(ticketId: number): { author: string; text: string; createdAt: number }[] {
    return this.notesOf.all(ticketId).map((raw) => {
      const r = z.object({ author: z.string(), text: z.string(), created_at: z.number() }).parse(raw);
      return { author: r.author, text: r.text, createdAt: r.created_at };
    });
  }
}
