// A ticket's stage deadlines and the ladder steps fired on missed ones: open, meet, end, pause and resume a stage
// (keeping tickets.due_date, the inbox's copy, on the open stage's date), record each ladder step once and keep the
// date the stage's next step is due (next_step_on), which the ladder's sweep reads.
import { z } from 'zod';
import { DeadlineStage, LadderLevel, type StageClock } from '../domain/deadline.js';
import type { Db } from './db.js';

const ClockRow = z.object({
  id: z.number(),
  ticket_id: z.number(),
  stage: DeadlineStage,
  agency_id: z.string().nullable(),
  started_at: z.number(),
  due_on: z.string(),
  paused_at: z.number().nullable(),
  met_at: z.number().nullable(),
  ended_at: z.number().nullable(),
  reason: z.string().nullable(),
});

const toClock = (raw: unknown): StageClock => {
  const r = ClockRow.parse(raw);
  return {
    id: r.id,
    ticketId: r.ticket_id,
    stage: r.stage,
    agencyId: r.agency_id,
    startedAt: r.started_at,
    dueOn: r.due_on,
    pausedAt: r.paused_at,
    metAt: r.met_at,
    endedAt: r.ended_at,
    reason: r.reason,
  };
};

const OPEN = 'met_at IS NULL AND ended_at IS NULL';

const FactsRow = z.object({ agency_id: z.string().nullable(), category: z.string().nullable() });

export class TicketDeadlines {
  private readonly insertStmt;
  private readonly openStmt;
  private readonly historyStmt;
  private readonly meetStmt;
  private readonly endStmt;
  private readonly pauseStmt;
  private readonly resumeStmt;
  private readonly dueCopyStmt;
  private readonly climbingStmt;
  private readonly fireStmt;
  private readonly scheduleStmt;
  private readonly firedStmt;
  private readonly factsStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO ticket_deadlines (ticket_id, stage, agency_id, started_at, due_on, reason, next_step_on)
       VALUES (?, ?, ?, ?, ?, ?, date(?, '+1 day'))`,
    );
    this.openStmt = db.prepare(`SELECT * FROM ticket_deadlines WHERE ticket_id = ? AND ${OPEN}`);
    this.historyStmt = db.prepare('SELECT * FROM ticket_deadlines WHERE ticket_id = ? ORDER BY id');
    this.meetStmt = db.prepare(
      `UPDATE ticket_deadlines SET met_at = ?, paused_at = NULL, next_step_on = NULL WHERE ticket_id = ? AND ${OPEN}`,
    );
    this.endStmt = db.prepare(
      `UPDATE ticket_deadlines SET ended_at = ?, paused_at = NULL, next_step_on = NULL WHERE ticket_id = ? AND ${OPEN}`,
    );
    this.pauseStmt = db.prepare(
      `UPDATE ticket_deadlines SET paused_at = ? WHERE ticket_id = ? AND ${OPEN} AND paused_at IS NULL`,
    );
    // A stage the ladder has not reached yet is reminded the day after its new date; one on the ladder keeps its step.
    this.resumeStmt = db.prepare(
      `UPDATE ticket_deadlines SET paused_at = NULL, due_on = ?,
         next_step_on = CASE WHEN EXISTS (SELECT 1 FROM ticket_ladder l WHERE l.deadline_id = ticket_deadlines.id)
           THEN next_step_on ELSE date(?, '+1 day') END
       WHERE ticket_id = ? AND ${OPEN}`,
    );
    this.dueCopyStmt = db.prepare('UPDATE tickets SET due_date = ? WHERE id = ?');
    // The ladder's work: running stages of tickets still awaiting their agency whose next step is due, the longest
    // due first; stages waiting between steps or done with the ladder are not read (next_step_on later or NULL).
    this.climbingStmt = db.prepare(
      `SELECT d.* FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id
       WHERE d.next_step_on IS NOT NULL AND d.next_step_on <= ?
         AND d.met_at IS NULL AND d.ended_at IS NULL AND d.paused_at IS NULL
         AND t.status IN ('baru', 'diverifikasi', 'diproses', 'dialihkan')
       ORDER BY d.next_step_on, d.id LIMIT ?`,
    );
    this.fireStmt = db.prepare(
      'INSERT OR IGNORE INTO ticket_ladder (deadline_id, level, ticket_id, fired_at) VALUES (?, ?, ?, ?)',
    );
    this.scheduleStmt = db.prepare('UPDATE ticket_deadlines SET next_step_on = ? WHERE id = ?');
    this.firedStmt = db.prepare(
      'SELECT deadline_id, level, fired_at FROM ticket_ladder WHERE ticket_id = ? ORDER BY fired_at, deadline_id',
    );
    this.factsStmt = db.prepare('SELECT agency_id, category FROM tickets WHERE id = ?');
  }

  /** What a ticket's stage days depend on: its agency now and its category; null for an unknown ticket. */
  facts(ticketId: number): { agencyId: string | null; category: string | null } | null {
    const raw = this.factsStmt.get(ticketId);
    if (raw === undefined) return null;
    const r = FactsRow.parse(raw);
    return { agencyId: r.agency_id, category: r.category };
  }

  /**
   * Starts a stage, ending (unmet) any stage still open, and moves the ticket's due date to it. Returns the new
   * stage's id.
   */
  open(
    s: { ticketId: number; stage: DeadlineStage; agencyId: string | null; dueOn: string; reason?: string },
    now: number,
  ): number {
    this.endStmt.run(now, s.ticketId);
    const id = Number(
      this.insertStmt.run(s.ticketId, s.stage, s.agencyId, now, s.dueOn, s.reason ?? null, s.dueOn)
        .lastInsertRowid,
    );
    this.dueCopyStmt.run(s.dueOn, s.ticketId);
    return id;
  }

  /** The ticket's open stage, or null when none runs (answered, closed). */
  current(ticketId: number): StageClock | null {
    const raw = this.openStmt.get(ticketId);
    return raw === undefined ? null : toClock(raw);
  }

  /** Every stage the ticket went through, oldest first. */
  history(ticketId: number): StageClock[] {
    return this.historyStmt.all(ticketId).map(toClock);
  }

  /** The agency did what the open stage asked. False when no stage was open. */
  meet(ticketId: number, now: number): boolean {
    return this.meetStmt.run(now, ticketId).changes > 0;
  }

  /** The open stage ends without being met (the ticket closed, withdrawn or moved). */
  end(ticketId: number, now: number): boolean {
    return this.endStmt.run(now, ticketId).changes > 0;
  }

  /** Stops the open stage's clock (waiting for the citizen). False when none ran or it was already paused. */
  pause(ticketId: number, now: number): boolean {
    return this.pauseStmt.run(now, ticketId).changes > 0;
  }

  /** Restarts the open stage's clock with its due date moved by the paused days (`dueOn`, worked out by the caller). */
  resume(ticketId: number, dueOn: string): boolean {
    const changed = this.resumeStmt.run(dueOn, dueOn, ticketId).changes > 0;
    if (changed) this.dueCopyStmt.run(dueOn, ticketId);
    return changed;
  }

  /**
   * Running stages of tickets awaiting their agency whose next ladder step is due by `today` (a WITA date), the
   * longest due first: a stage missed (due before today) and not reminded yet, or one whose next step's day came.
   */
  climbing(today: string, limit: number): StageClock[] {
    return this.climbingStmt.all(today, limit).map(toClock);
  }

  /**
   * Records a ladder step on a stage; false when it was already taken (a sweep after a restart, a second process).
   * The last step (Ombudsman) ends the stage's ladder: no next step.
   */
  fire(deadline: Pick<StageClock, 'id' | 'ticketId'>, level: LadderLevel, now: number): boolean {
    if (level === 'ombudsman') this.scheduleStmt.run(null, deadline.id);
    return this.fireStmt.run(deadline.id, level, deadline.ticketId, now).changes > 0;
  }

  /** The WITA date from which the stage's next ladder step is due, or null when none is left. */
  schedule(deadlineId: number, nextStepOn: string | null): void {
    this.scheduleStmt.run(nextStepOn, deadlineId);
  }

  /** The ladder steps taken on a ticket, in order. */
  ladder(ticketId: number): { deadlineId: number; level: LadderLevel; firedAt: number }[] {
    return this.firedStmt.all(ticketId).map((raw) => {
      const r = z.object({ deadline_id: z.number(), level: LadderLevel, fired_at: z.number() }).parse(raw);
      return { deadlineId: r.deadline_id, level: r.level, firedAt: r.fired_at };
    });
  }
}
