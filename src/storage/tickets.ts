// Complaints and their tickets: stored once per submission; a chat only ever sees the tickets it filed.
import { z } from 'zod';
import { Complaint, TicketStatus } from '../domain/complaint.js';
import { RouteWhy } from '../domain/route-why.js';
import type { Db } from './db.js';

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

/** A ticket's story, for the duplicate check of a chat's own recent tickets. */
export type StoryRow = { id: number; number: string; story: string; conversationId: number | null };

// The story is taken out of the complaint's JSON by SQLite (json_extract): parsing each complaint whole in JS, for one
// field, cost 0.45 ms of every ticket filed when related tickets were read this way too.
const StoryRowRaw = z.object({
  id: z.number(),
  number: z.string(),
  story: z.unknown(),
  conversation_id: z.number().nullable(),
});

const toStoryRow = (raw: unknown): StoryRow | null => {
  const r = StoryRowRaw.parse(raw);
  return typeof r.story === 'string'
    ? { id: r.id, number: r.number, story: r.story, conversationId: r.conversation_id }
    : null;
};

/** A recent ticket of an area: a related-ticket candidate, its story read apart. */
export type AreaTicket = { id: number; number: string; erased: boolean };

/** A candidate's row as the index gives it (`raw()`: id, number, erased_at); nothing else is a candidate. */
const toAreaTicket = (row: unknown): AreaTicket[] => {
  if (!Array.isArray(row)) return [];
  const [id, number, erasedAt] = row;
  return typeof id === 'number' && typeof number === 'string'
    ? [{ id, number, erased: erasedAt !== null }]
    : [];
};

/** The routing decision as stored with a ticket (the ticket desk writes it when filing). */
export const StoredRouting = z.object({
  agencyName: z.string(),
  rule: z.string(),
  why: RouteWhy,
  details: z.array(z.string()),
  fallback: z.boolean(),
  also: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), why: RouteWhy })),
});
export type StoredRouting = z.infer<typeof StoredRouting>;

export class Tickets {
  private readonly recentOfChat;
  private readonly inAreaStmt;
  private readonly storyStmt;
  private readonly setRoutingStmt;
  private readonly linkStmt;
  private readonly relatedStmt;
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
    const storySelect = `SELECT t.id, t.number, json_extract(c.data, '$.story') AS story, t.conversation_id
      FROM tickets t JOIN complaints c ON c.id = t.complaint_id`;
    this.recentOfChat = db.prepare(
      `${storySelect} WHERE t.conversation_id = ? AND t.created_at >= ? AND t.status != 'dicabut' ORDER BY t.id DESC LIMIT 20`,
    );
    // Covered by the index alone (migration 044): no table row and no complaint is read for a candidate.
    this.inAreaStmt = db
      .prepare(
        `SELECT t.id, t.number, t.erased_at FROM tickets t INDEXED BY tickets_area
         WHERE t.category = ? AND t.kabkota_code = ? AND t.created_at >= ?
           AND (? IS NULL OR t.conversation_id IS NULL OR t.conversation_id != ?) ORDER BY t.id DESC LIMIT ?`,
      )
      .raw();
    this.storyStmt = db
      .prepare(
        `SELECT json_extract(c.data, '$.story') FROM tickets t JOIN complaints c ON c.id = t.complaint_id
         WHERE t.id = ?`,
      )
      .pluck();
    this.setRoutingStmt = db.prepare('UPDATE tickets SET agency_id = ?, routing = ? WHERE id = ?');
    this.linkStmt = db.prepare(
      'INSERT OR IGNORE INTO ticket_links (ticket_id, linked_ticket_id, score, reason, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.relatedStmt = db
      .prepare(
        'SELECT t.number FROM ticket_links l JOIN tickets t ON t.id = l.linked_ticket_id WHERE l.ticket_id = ? ORDER BY t.id',
      )
      .pluck();
    this.complaintOf = db
      .prepare('SELECT c.data FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?')
      .pluck();
  }

  isTaken(number: string): boolean {
    return this.numberTaken.get(number) !== undefined;
  }

  /** A new ticket of a complaint; `conversationId` null: filed without a chat (an Open311 request). */
  create(
    complaint: Complaint,
    number: string,
    conversationId: number | null,
    dueDate: string,
    now: number,
  ): number {
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

  /**
   * Other chats' tickets of the same category and kab/kota since `since`, newest first, at most `limit` (every
   * ticket's when `excludeConversation` is null), without their stories (`storyOf` reads one).
   */
  recentInArea(
    category: string,
    kabkotaCode: string,
    since: number,
    excludeConversation: number | null,
    limit: number,
  ): AreaTicket[] {
    return this.inAreaStmt
      .all(category, kabkotaCode, since, excludeConversation, excludeConversation, limit)
      .flatMap(toAreaTicket);
  }

  /** A ticket's story as its complaint holds it now (masked once erased); null without a readable one. */
  storyOf(ticketId: number): string | null {
    const story = this.storyStmt.get(ticketId);
    return typeof story === 'string' ? story : null;
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

  relatedNumbers(ticketId: number): string[] {
    return this.relatedStmt.all(ticketId).filter((n): n is string => typeof n === 'string');
  }

  listForChat(conversationId: number): TicketSummary[] {
    return this.forChat.all(conversationId).map(toSummary);
  }

  findForChat(conversationId: number, number: string): TicketSummary | null {
    const raw = this.oneForChat.get(conversationId, number);
    return raw ? toSummary(raw) : null;
  }

  /** The ticket's complaint, or null when it has none or its JSON is not a complaint (not even JSON). */
  complaint(ticketId: number): Complaint | null {
    const raw = this.complaintText(ticketId);
    if (raw === null) return null;
    try {
      const r = Complaint.safeParse(JSON.parse(raw));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  }

  /** The complaint as stored, read or not: what erasure still masks when it does not parse. */
  complaintText(ticketId: number): string | null {
    const raw = this.complaintOf.get(ticketId);
    return typeof raw === 'string' ? raw : null;
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

  /**
   * The reporter gave their identity for Ombudsman: the complaint becomes `rahasia` with that name and NIK (a name
   * already given stays when `name` is null). False when the ticket has no readable complaint.
   */
  giveIdentity(ticketId: number, identity: { name: string | null; nik: string }): boolean {
    const c = this.complaint(ticketId);
    if (!c) return false;
    const given = Complaint.parse({
      ...c,
      identityMode: 'rahasia',
      name: identity.name ?? c.name,
      nik: identity.nik,
    });
    this.db
      .prepare(
        `UPDATE complaints SET data = ?, identity_mode = 'rahasia'
         WHERE id = (SELECT complaint_id FROM tickets WHERE id = ?)`,
      )
      .run(JSON.stringify(given), ticketId);
    return true;
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
