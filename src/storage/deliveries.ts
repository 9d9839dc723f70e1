// The outbox of ticket deliveries to agencies (migration 005): one row per ticket × destination, at least once.
import { z } from 'zod';
import type { DeliveryMethodName } from '../domain/destination.js';
import type { DeliveryStats } from '../ports/metrics.js';
import type { Db } from './db.js';

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'dead';

export type Delivery = {
  id: number;
  ticketId: number;
  ticketNumber: string;
  agencyId: string;
  destinationId: string;
  method: DeliveryMethodName;
  idempotencyKey: string;
  status: DeliveryStatus;
  /** Tries started so far (a claim counts one, also when the process died during it). */
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  /** When the row was queued, or queued again by an operator: the 48-hour retry window starts here. */
  createdAt: number;
  deliveredAt: number | null;
  remoteId: string | null;
  lastError: string | null;
};

/** What the metrics read per delivery method. */
export type EnqueueInput = {
  ticketId: number;
  agencyId: string;
  destinationId: string;
  method: DeliveryMethodName;
  idempotencyKey: string;
  now: number;
};

/** Stable per ticket and destination: every retry and redelivery of that pair carries the same key. */
export function deliveryKey(ticketNumber: string, agencyId: string, destinationId: string): string {
  return `aduan-${ticketNumber}-${agencyId}-${destinationId}`;
}

const MethodName = z.enum(['webhook', 'email', 'telegram', 'open311']);

const Row = z.object({
  id: z.number(),
  ticket_id: z.number(),
  ticket_number: z.string(),
  agency_id: z.string(),
  destination_id: z.string(),
  method: MethodName,
  idempotency_key: z.string(),
  status: z.enum(['pending', 'sending', 'delivered', 'dead']),
  attempts: z.number(),
  next_attempt_at: z.number(),
  lease_until: z.number().nullable(),
  created_at: z.number(),
  delivered_at: z.number().nullable(),
  remote_id: z.string().nullable(),
  last_error: z.string().nullable(),
});

const StatsRow = z.object({
  method: z.string(),
  depth: z.number(),
  oldest: z.number().nullable(),
  dead: z.number(),
});

function toDelivery(raw: unknown): Delivery {
  const r = Row.parse(raw);
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    agencyId: r.agency_id,
    destinationId: r.destination_id,
    method: r.method,
    idempotencyKey: r.idempotency_key,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    leaseUntil: r.lease_until,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
    remoteId: r.remote_id,
    lastError: r.last_error,
  };
}

const SELECT = 'SELECT d.*, t.number AS ticket_number FROM deliveries d JOIN tickets t ON t.id = d.ticket_id';
/** Repeats the partial index's condition so SQLite reads `deliveries_due` (only waiting rows) instead of the table. */
const WAITING = `d.status IN ('pending', 'sending')`;

export class Deliveries {
  private readonly insertStmt;
  private readonly dueStmt;
  private readonly dueMethodsStmt;
  private readonly claimStmt;
  private readonly deliveredStmt;
  private readonly retryStmt;
  private readonly deadStmt;
  private readonly recoverStmt;
  private readonly byIdStmt;
  private readonly waitingStmt;
  private readonly deadListStmt;
  private readonly redeliverOneStmt;
  private readonly redeliverAllStmt;
  private readonly forTicketStmt;
  private readonly waitingStatsStmt;
  private readonly deadStatsStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT OR IGNORE INTO deliveries
         (ticket_id, agency_id, destination_id, method, idempotency_key, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.dueStmt = db.prepare(
      `${SELECT} WHERE ${WAITING} AND d.status = 'pending' AND d.next_attempt_at <= @now
         AND (@methods IS NULL OR d.method IN (SELECT value FROM json_each(@methods)))
       ORDER BY d.next_attempt_at, d.id LIMIT @limit`,
    );
    this.dueMethodsStmt = db
      .prepare(
        `SELECT DISTINCT d.method FROM deliveries d
         WHERE ${WAITING} AND d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.method`,
      )
      .pluck();
    this.claimStmt = db.prepare(
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, lease_until = ?
       WHERE id = ? AND status = 'pending'`,
    );
    this.deliveredStmt = db.prepare(
      `UPDATE deliveries SET status = 'delivered', delivered_at = ?, remote_id = ?, lease_until = NULL,
         last_error = NULL WHERE id = ? AND status = 'sending'`,
    );
    this.retryStmt = db.prepare(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, lease_until = NULL, last_error = ?
       WHERE id = ? AND status = 'sending'`,
    );
    this.deadStmt = db.prepare(
      `UPDATE deliveries SET status = 'dead', lease_until = NULL, last_error = ? WHERE id = ? AND status = 'sending'`,
    );
    this.recoverStmt = db.prepare(
      `UPDATE deliveries SET status = 'pending', lease_until = NULL
       WHERE status IN ('pending', 'sending') AND status = 'sending' AND lease_until <= ?`,
    );
    this.byIdStmt = db.prepare(`${SELECT} WHERE d.id = ?`);
    // Pinned to the partial index: left to itself SQLite walks every delivery ever made in id order.
    this.waitingStmt = db.prepare(
      `SELECT d.*, t.number AS ticket_number FROM deliveries d INDEXED BY deliveries_due
       JOIN tickets t ON t.id = d.ticket_id WHERE ${WAITING} ORDER BY d.id LIMIT ?`,
    );
    this.deadListStmt = db.prepare(`${SELECT} WHERE d.status = 'dead' ORDER BY d.id DESC LIMIT ?`);
    const again = `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, created_at = ?,
      lease_until = NULL WHERE status = 'dead'`;
    this.redeliverOneStmt = db.prepare(`${again} AND id = ?`);
    this.redeliverAllStmt = db.prepare(again);
    this.forTicketStmt = db.prepare(`${SELECT} WHERE d.ticket_id = ? ORDER BY d.id`);
    this.waitingStatsStmt = db.prepare(
      `SELECT method, COUNT(*) AS depth, MIN(created_at) AS oldest, 0 AS dead FROM deliveries INDEXED BY deliveries_due
       WHERE status IN ('pending', 'sending') GROUP BY method`,
    );
    this.deadStatsStmt = db.prepare(
      `SELECT method, 0 AS depth, NULL AS oldest, COUNT(*) AS dead FROM deliveries INDEXED BY deliveries_dead
       WHERE status = 'dead' GROUP BY method`,
    );
  }

  /**
   * Queues a delivery, due at once; run it in the ticket's transaction. A key already queued is left as it is
   * (whatever its status): returns the new row's id, or null when the key existed.
   */
  enqueue(input: EnqueueInput): number | null {
    const r = this.insertStmt.run(
      input.ticketId,
      input.agencyId,
      input.destinationId,
      input.method,
      input.idempotencyKey,
      input.now,
      input.now,
    );
    return r.changes === 1 ? Number(r.lastInsertRowid) : null;
  }

  get(id: number): Delivery | null {
    const raw = this.byIdStmt.get(id);
    return raw ? toDelivery(raw) : null;
  }

  /** Pending deliveries that are due, soonest first; only the given methods when a list is passed. */
  due(now: number, limit: number, methods?: readonly DeliveryMethodName[]): Delivery[] {
    const only = methods ? JSON.stringify(methods) : null;
    return this.dueStmt.all({ now, methods: only, limit }).map(toDelivery);
  }

  /** The methods that have due deliveries (to report the ones no method is configured for). */
  dueMethods(now: number): DeliveryMethodName[] {
    return this.dueMethodsStmt.all(now).map((m) => MethodName.parse(m));
  }

  /** Pending → sending, counting an attempt; false when another pass took it. A crash mid-send is retried at `leaseUntil`. */
  claim(id: number, leaseUntil: number): boolean {
    return this.claimStmt.run(leaseUntil, id).changes === 1;
  }

  delivered(id: number, remoteId: string | null, now: number): void {
    this.deliveredStmt.run(now, remoteId, id);
  }

  retry(id: number, nextAt: number, error: string): void {
    this.retryStmt.run(nextAt, error.slice(0, 500), id);
  }

  dead(id: number, error: string): void {
    this.deadStmt.run(error.slice(0, 500), id);
  }

  /**
   * Sends cut off by a crash (still `sending` after their lease) become pending again, due at once: that one
   * send may reach the receiver twice, with the same idempotency key.
   */
  recoverExpiredLeases(now: number): number {
    return this.recoverStmt.run(now).changes;
  }

  /** Pending and in-flight deliveries, oldest first. */
  listWaiting(limit = 100): Delivery[] {
    return this.waitingStmt.all(limit).map(toDelivery);
  }

  /** Dead deliveries, newest first. */
  listDead(limit = 100): Delivery[] {
    return this.deadListStmt.all(limit).map(toDelivery);
  }

  /**
   * Dead deliveries become pending and due at once, with a fresh start: attempts from 0 and a new 48-hour window.
   * Returns how many were queued again (0 when the id is not dead).
   */
  redeliver(target: number | 'all-dead', now: number): number {
    return target === 'all-dead'
      ? this.redeliverAllStmt.run(now, now).changes
      : this.redeliverOneStmt.run(now, now, target).changes;
  }

  forTicket(ticketId: number): Delivery[] {
    return this.forTicketStmt.all(ticketId).map(toDelivery);
  }

  /** Depth, oldest waiting row and dead letters per method (read through the partial indexes). */
  stats(): DeliveryStats[] {
    const byMethod = new Map<string, DeliveryStats>();
    for (const raw of [...this.waitingStatsStmt.all(), ...this.deadStatsStmt.all()]) {
      const r = StatsRow.parse(raw);
      const s = byMethod.get(r.method) ?? { method: r.method, depth: 0, oldestCreatedAt: null, dead: 0 };
      s.depth += r.depth;
      s.dead += r.dead;
      if (r.oldest !== null) s.oldestCreatedAt = r.oldest;
      byMethod.set(r.method, s);
    }
    return [...byMethod.values()];
  }
}
