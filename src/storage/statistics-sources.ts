// What the statistics refresher reads: how far it has counted (marks), which tickets changed since (new ticket events,
// deadline rows, ladder steps, and the tickets linked to those), and one ticket's raw facts.
import { z } from 'zod';
import { TicketStatus } from '../domain/complaint.js';
import { DeadlineStage } from '../domain/deadline.js';
import type { Db } from './db.js';

/**
 * How far the refresher has read each source, and when it last caught up (ms; 0 never). `backfill`: the last ticket
 * id its first pass counted (tickets in id order, the sources' marks set at its start), -1 once that pass is over.
 */
export type StatMarks = {
  events: number;
  deadlines: number;
  ladder: number;
  backfill: number;
  refreshedAt: number;
};

/** One ticket as the statistics count it, read from the ticket, its complaint, events, deadlines, ladder and links. */
export type TicketSource = {
  id: number;
  createdAt: number;
  status: TicketStatus;
  agencyId: string | null;
  kabkotaCode: string;
  category: string;
  kecamatanCode: string | null;
  maladministration: string | null;
  /** The citizen asked at intake to include Ombudsman. */
  escalate: boolean;
  rating: number | null;
  firstReplyAt: number | null;
  firstDoneAt: number | null;
  /** Ladder steps taken beyond the reminder (the coordinator, Ombudsman). */
  ladderSteps: number;
  /** Linked to a similar ticket of the same kecamatan. */
  linkedHere: boolean;
  stages: {
    stage: DeadlineStage;
    agencyId: string | null;
    dueOn: string;
    pausedAt: number | null;
    metAt: number | null;
    endedAt: number | null;
  }[];
};

const Raw = z.object({
  id: z.number(),
  created_at: z.number(),
  status: TicketStatus,
  agency_id: z.string().nullable(),
  kabkota_code: z.string().nullable(),
  category: z.string().nullable(),
  kecamatan: z.string().nullable(),
  malad: z.string().nullable(),
  escalate: z.number().nullable(),
  rating_score: z.number().nullable(),
  first_reply: z.number().nullable(),
  first_done: z.number().nullable(),
  ladder: z.number(),
  linked: z.number(),
});
const StageRaw = z.object({
  stage: DeadlineStage,
  agency_id: z.string().nullable(),
  due_on: z.string(),
  paused_at: z.number().nullable(),
  met_at: z.number().nullable(),
  ended_at: z.number().nullable(),
});
const Changed = z.object({ ticket_id: z.number(), id: z.number() });
const MARK_NAMES = {
  events: 'events',
  deadlines: 'deadlines',
  ladder: 'ladder',
  backfill: 'backfill',
  refreshedAt: 'refreshed_at',
};

export class StatisticsSources {
  private readonly marksStmt;
  private readonly setMarkStmt;
  private readonly eventsStmt;
  private readonly deadlinesStmt;
  private readonly ladderStmt;
  private readonly linksStmt;
  private readonly ticketIdsStmt;
  private readonly lastIdsStmt;
  private readonly ticketStmt;
  private readonly stagesStmt;

  constructor(db: Db) {
    this.marksStmt = db.prepare('SELECT name, value FROM stat_marks');
    this.setMarkStmt = db.prepare(
      'INSERT INTO stat_marks (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.eventsStmt = db.prepare('SELECT ticket_id, id FROM ticket_events WHERE id > ? ORDER BY id LIMIT ?');
    this.deadlinesStmt = db.prepare(
      'SELECT ticket_id, id FROM ticket_deadlines WHERE id > ? ORDER BY id LIMIT ?',
    );
    this.ladderStmt = db.prepare(
      'SELECT ticket_id, rowid AS id FROM ticket_ladder WHERE rowid > ? ORDER BY rowid LIMIT ?',
    );
    this.linksStmt = db.prepare('SELECT linked_ticket_id FROM ticket_links WHERE ticket_id = ?').pluck();
    this.ticketIdsStmt = db.prepare('SELECT id FROM tickets WHERE id > ? ORDER BY id LIMIT ?').pluck();
    this.lastIdsStmt = db.prepare(
      `SELECT (SELECT COALESCE(max(id), 0) FROM ticket_events) AS events,
         (SELECT COALESCE(max(id), 0) FROM ticket_deadlines) AS deadlines,
         (SELECT COALESCE(max(rowid), 0) FROM ticket_ladder) AS ladder`,
    );
    this.ticketStmt = db.prepare(
      `SELECT t.id, t.created_at, t.status, t.agency_id, t.kabkota_code, t.category,
         json_extract(c.data, '$.kecamatanCode') AS kecamatan, json_extract(c.data, '$.maladministration') AS malad,
         json_extract(c.data, '$.escalate') AS escalate, t.rating_score,
         (SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'replied') AS first_reply,
         (SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'status_changed'
            AND e.to_status = 'selesai') AS first_done,
         (SELECT count(*) FROM ticket_ladder l WHERE l.ticket_id = t.id AND l.level IN ('coordinator', 'ombudsman'))
           AS ladder,
         EXISTS (SELECT 1 FROM ticket_links l JOIN tickets o ON o.id = l.linked_ticket_id
           JOIN complaints oc ON oc.id = o.complaint_id WHERE l.ticket_id = t.id
           AND json_extract(oc.data, '$.kecamatanCode') = json_extract(c.data, '$.kecamatanCode')) AS linked
       FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?`,
    );
    this.stagesStmt = db.prepare(
      `SELECT stage, agency_id, due_on, paused_at, met_at, ended_at FROM ticket_deadlines
       WHERE ticket_id = ? ORDER BY id`,
    );
  }

  marks(): StatMarks {
    const stored = new Map<string, number>();
    for (const raw of this.marksStmt.all()) {
      const r = z.object({ name: z.string(), value: z.number() }).parse(raw);
      stored.set(r.name, r.value);
    }
    return {
      events: stored.get(MARK_NAMES.events) ?? 0,
      deadlines: stored.get(MARK_NAMES.deadlines) ?? 0,
      ladder: stored.get(MARK_NAMES.ladder) ?? 0,
      backfill: stored.get(MARK_NAMES.backfill) ?? 0,
      refreshedAt: stored.get(MARK_NAMES.refreshedAt) ?? 0,
    };
  }

  setMarks(marks: Partial<StatMarks>): void {
    for (const key of ['events', 'deadlines', 'ladder', 'backfill', 'refreshedAt'] as const) {
      const value = marks[key];
      if (value !== undefined) this.setMarkStmt.run(MARK_NAMES[key], value);
    }
  }

  /**
   * The tickets with something new after `marks`, reading at most `limit` rows of each source, and the marks after
   * them; `done` when every source was read to its end.
   */
  changedSince(marks: StatMarks, limit: number): { ticketIds: number[]; marks: StatMarks; done: boolean } {
    const ids = new Set<number>();
    let done = true;
    const read = (stmt: typeof this.eventsStmt, after: number): number => {
      const rows = stmt.all(after, limit).map((raw) => Changed.parse(raw));
      if (rows.length === limit) done = false;
      for (const r of rows) ids.add(r.ticket_id);
      return rows.at(-1)?.id ?? after;
    };
    const next = {
      ...marks,
      events: read(this.eventsStmt, marks.events),
      deadlines: read(this.deadlinesStmt, marks.deadlines),
      ladder: read(this.ladderStmt, marks.ladder),
    };
    return { ticketIds: [...ids], marks: next, done };
  }

  /**
   * The first pass: the next `limit` tickets after `marks.backfill`, in id order. Its start moves the sources' marks
   * to their ends, so what changes meanwhile is counted again after it.
   */
  backfill(marks: StatMarks, limit: number): { ticketIds: number[]; marks: StatMarks; done: boolean } {
    const start =
      marks.backfill === 0
        ? z
            .object({ events: z.number(), deadlines: z.number(), ladder: z.number() })
            .parse(this.lastIdsStmt.get())
        : {};
    const ticketIds = this.ticketIdsStmt
      .all(marks.backfill, limit)
      .filter((v): v is number => typeof v === 'number');
    const done = ticketIds.length < limit;
    return {
      ticketIds,
      marks: { ...marks, ...start, backfill: done ? -1 : (ticketIds.at(-1) ?? marks.backfill) },
      done,
    };
  }

  /** The tickets linked to this one as similar (both ways: a new link changes the older ticket's cluster too). */
  linkedTo(ticketId: number): number[] {
    return this.linksStmt.all(ticketId).filter((v): v is number => typeof v === 'number');
  }

  /** One ticket's raw facts, or null when there is no such ticket. */
  ticket(ticketId: number): TicketSource | null {
    const raw = this.ticketStmt.get(ticketId);
    if (raw === undefined) return null;
    const r = Raw.parse(raw);
    return {
      id: r.id,
      createdAt: r.created_at,
      status: r.status,
      agencyId: r.agency_id,
      kabkotaCode: r.kabkota_code ?? '',
      category: r.category ?? 'lainnya',
      kecamatanCode: r.kecamatan,
      maladministration: r.malad,
      escalate: r.escalate === 1,
      rating: r.rating_score,
      firstReplyAt: r.first_reply,
      firstDoneAt: r.first_done,
      ladderSteps: r.ladder,
      linkedHere: r.linked === 1 && r.kecamatan !== null,
      stages: this.stagesStmt.all(ticketId).map((s) => {
        const d = StageRaw.parse(s);
        return {
          stage: d.stage,
          agencyId: d.agency_id,
          dueOn: d.due_on,
          pausedAt: d.paused_at,
          metAt: d.met_at,
          endedAt: d.ended_at,
        };
      }),
    };
  }
}
