// Ticket events: the append-only history of each ticket (filed, routed, appended, status changed).
import { z } from 'zod';
import { TicketStatus } from '../domain/complaint.js';
import { type TicketEvent, TicketEventType } from '../domain/ticket-event.js';
import type { Db } from './db.js';

const Row = z.object({
  id: z.number(),
  ticket_id: z.number(),
  at: z.number(),
  actor: z.enum(['citizen', 'system', 'officer']),
  officer_id: z.number().nullable(),
  type: TicketEventType,
  from_status: TicketStatus.nullable(),
  to_status: TicketStatus.nullable(),
  reason: z.string().nullable(),
  data: z.string().nullable(),
});
const Data = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export class TicketEvents {
  private readonly insert;
  private readonly ofTicket;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO ticket_events (ticket_id, at, actor, type, from_status, to_status, reason, data, officer_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.ofTicket = db.prepare(
      `SELECT id, ticket_id, at, actor, type, from_status, to_status, reason, data, officer_id
       FROM ticket_events WHERE ticket_id = ? ORDER BY id`,
    );
  }

  add(e: TicketEvent): void {
    this.insert.run(
      e.ticketId,
      e.at,
      e.actor,
      e.type,
      e.from,
      e.to,
      e.reason,
      e.data ? JSON.stringify(e.data) : null,
      e.officerId ?? null,
    );
  }

  /** A ticket's history, oldest first. */
  forTicket(ticketId: number): TicketEvent[] {
    return this.ofTicket.all(ticketId).map((raw) => {
      const r = Row.parse(raw);
      const data = r.data === null ? null : Data.safeParse(JSON.parse(r.data));
      return {
        id: r.id,
        ticketId: r.ticket_id,
        at: r.at,
        actor: r.actor,
        type: r.type,
        from: r.from_status,
        to: r.to_status,
        reason: r.reason,
        ...(r.officer_id === null ? {} : { officerId: r.officer_id }),
        ...(data?.success ? { data: data.data } : {}),
      };
    });
  }
}
