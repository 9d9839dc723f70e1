// Hand-offs to a person: a chat's live one (open or taken), the queue and its count within an account's scope, and
// the moves: take (or take over from a disabled account), return to the bot, expire untaken or idle. The chat's
// conversation deadline is held here while a person has it.
import { z } from 'zod';
import { OfficerRole, type TicketScope } from '../domain/officer.js';
import type { Db } from './db.js';

export type HandoffState = 'open' | 'taken' | 'returned' | 'expired';

export type Handoff = {
  id: number;
  conversationId: number;
  ticketId: number | null;
  ticket: string | null;
  agencyId: string | null;
  state: HandoffState;
  askedAt: number;
  /** When it returns to the bot: untaken, after the wait; taken, after the last officer's message and the idle time. */
  expiresAt: number | null;
  /** Who took it (kept after it ended): the account's name, role, and whether it is disabled now. */
  takenBy: { id: number; name: string; role: OfficerRole; disabled: boolean } | null;
  takenAt: number | null;
  /** The channel of the chat (never its id). */
  channel: string;
};

const Row = z.object({
  id: z.number(),
  conversation_id: z.number(),
  ticket_id: z.number().nullable(),
  number: z.string().nullable(),
  agency_id: z.string().nullable(),
  state: z.enum(['open', 'taken', 'returned', 'expired']),
  asked_at: z.number(),
  expires_at: z.number().nullable(),
  taken_by: z.number().nullable(),
  taker: z.string().nullable(),
  taker_role: OfficerRole.nullable(),
  taker_disabled: z.number().nullable(),
  taken_at: z.number().nullable(),
  channel: z.string(),
});

const toHandoff = (raw: unknown): Handoff => {
  const r = Row.parse(raw);
  return {
    id: r.id,
    conversationId: r.conversation_id,
    ticketId: r.ticket_id,
    ticket: r.number,
    agencyId: r.agency_id,
    state: r.state,
    askedAt: r.asked_at,
    expiresAt: r.expires_at,
    takenBy:
      r.taken_by === null
        ? null
        : {
            id: r.taken_by,
            name: r.taker ?? String(r.taken_by),
            role: r.taker_role ?? 'officer',
            disabled: r.taker_disabled === 1,
          },
    takenAt: r.taken_at,
    channel: r.channel,
  };
};

const SELECT = `SELECT h.id, h.conversation_id, h.ticket_id, t.number, h.agency_id, h.state, h.asked_at, h.expires_at,
  h.taken_by, COALESCE(o.name, o.username) AS taker, o.role AS taker_role, o.disabled_at IS NOT NULL AS taker_disabled,
  h.taken_at, c.channel
  FROM handoffs h JOIN conversations c ON c.id = h.conversation_id
  LEFT JOIN tickets t ON t.id = h.ticket_id LEFT JOIN officers o ON o.id = h.taken_by`;
const LIVE = `h.state IN ('open', 'taken')`;

/**
 * The scope as SQL over hand-offs `h`: an officer sees those of a chat with an open ticket of its agencies; a
 * coordinator those of its kab/kota and those of chats with no ticket yet; admins (and Ombudsman) all.
 */
function scopeWhere(scope: TicketScope): { sql: string; params: string[] } {
  if (scope.kind === 'all') return { sql: '1 = 1', params: [] };
  const list = scope.kind === 'agencies' ? scope.agencyIds : scope.codes;
  if (list.length === 0)
    return { sql: scope.kind === 'kabkota' ? 'h.ticket_id IS NULL' : '0 = 1', params: [] };
  const marks = list.map(() => '?').join(', ');
  // The ticket's agency and kab/kota now (after dialihkan, the new agency's), not as they were when it was asked.
  if (scope.kind === 'agencies') return { sql: `t.agency_id IN (${marks})`, params: [...list] };
  return { sql: `(t.kabkota_code IN (${marks}) OR h.ticket_id IS NULL)`, params: [...list] };
}

export class Handoffs {
  private readonly insert;
  private readonly liveOf;
  private readonly takeStmt;
  private readonly takeOverStmt;
  private readonly renewStmt;
  private readonly endStmt;
  private readonly holdStmt;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO handoffs (conversation_id, ticket_id, agency_id, kabkota_code, state, asked_at, expires_at)
       SELECT ?, t.id, t.agency_id, t.kabkota_code, 'open', ?, ? FROM (SELECT 1) LEFT JOIN tickets t ON t.id = ?`,
    );
    this.liveOf = db.prepare(`${SELECT} WHERE h.conversation_id = ? AND ${LIVE}`);
    this.takeStmt = db.prepare(
      `UPDATE handoffs SET state = 'taken', taken_by = ?, taken_at = ?, expires_at = ? WHERE id = ? AND state = 'open'`,
    );
    this.takeOverStmt = db.prepare(
      `UPDATE handoffs SET taken_by = ?, taken_at = ?, expires_at = ? WHERE id = ? AND state = 'taken' AND taken_by = ?`,
    );
    this.renewStmt = db.prepare(`UPDATE handoffs SET expires_at = ? WHERE id = ? AND state = 'taken'`);
    this.endStmt = db.prepare(
      `UPDATE handoffs SET state = ?, returned_at = ?, expires_at = NULL WHERE id = ? AND state IN ('open', 'taken')`,
    );
    this.holdStmt = db.prepare('UPDATE conversations SET next_deadline_at = ? WHERE id = ?');
  }

  /** Opens a hand-off for the chat (with the ticket it is about, if any); returns the live one if there is one. */
  open(conversationId: number, ticketId: number | null, now: number, expiresAt: number): Handoff {
    const live = this.live(conversationId);
    if (live) return live;
    this.insert.run(conversationId, now, expiresAt, ticketId);
    const opened = this.live(conversationId);
    if (!opened) throw new Error('hand-off not stored');
    return opened;
  }

  /** The chat's live hand-off (open or taken), or null: the bot has the chat. */
  live(conversationId: number): Handoff | null {
    const raw = this.liveOf.get(conversationId);
    return raw ? toHandoff(raw) : null;
  }

  /** One hand-off the scope may see (any state), or null: a 404. */
  get(id: number, scope: TicketScope): Handoff | null {
    const where = scopeWhere(scope);
    const raw = this.db.prepare(`${SELECT} WHERE h.id = ? AND ${where.sql}`).get(id, ...where.params);
    return raw ? toHandoff(raw) : null;
  }

  /** The live hand-offs the scope may see, the longest waiting first. */
  queue(scope: TicketScope, limit = 100): Handoff[] {
    const where = scopeWhere(scope);
    return this.db
      .prepare(`${SELECT} WHERE ${LIVE} AND ${where.sql} ORDER BY h.asked_at, h.id LIMIT ?`)
      .all(...where.params, limit)
      .map(toHandoff);
  }

  /** How many hand-offs in the scope wait for someone to take them. */
  countOpen(scope: TicketScope): number {
    const where = scopeWhere(scope);
    const n = this.db
      .prepare(
        `SELECT COUNT(*) FROM handoffs h LEFT JOIN tickets t ON t.id = h.ticket_id WHERE h.state = 'open' AND ${where.sql}`,
      )
      .pluck()
      .get(...where.params);
    return z.number().parse(n);
  }

  /** An account takes an open hand-off until `idleAt`; false when it was taken or ended meanwhile. */
  take(id: number, officerId: number, now: number, idleAt: number): boolean {
    return this.takeStmt.run(officerId, now, idleAt, id).changes === 1;
  }

  /** Another account takes over a hand-off `fromId` holds; false when it changed hands or ended meanwhile. */
  takeOver(id: number, fromId: number, officerId: number, now: number, idleAt: number): boolean {
    return this.takeOverStmt.run(officerId, now, idleAt, id, fromId).changes === 1;
  }

  /** The taker wrote: a taken hand-off returns to the bot at `idleAt` now, unless the officer writes again. */
  renew(id: number, idleAt: number): boolean {
    return this.renewStmt.run(idleAt, id).changes === 1;
  }

  /** Ends a live hand-off: returned to the bot (by an officer or the citizen), or expired (untaken, or idle). */
  end(id: number, state: 'returned' | 'expired', now: number): boolean {
    return this.endStmt.run(state, now, id).changes === 1;
  }

  /** Sets the chat's next deadline while a person has it: the hand-off's expiry (untaken) or idle time (taken). */
  holdDeadline(conversationId: number, at: number | null): void {
    this.holdStmt.run(at, conversationId);
  }
}
