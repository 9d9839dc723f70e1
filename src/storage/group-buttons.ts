// The buttons under a ticket posted to an agency's officers' Telegram group, kept current through the deliveries
// queue: a change of the ticket's status or agency queues an update of each posted message (a delivery row of its
// own, keyed by the post's key, `#tombol-` and a sequence) in the change's transaction, and the forwarder edits the
// message's buttons when it sends that row, reading the ticket as it is then.
import { z } from 'zod';
import { TicketStatus } from '../domain/complaint.js';
import type { Db } from './db.js';

const MARK = '#tombol-';

/** The key of the post whose buttons this delivery updates, or null when `key` is a post's own. */
export function buttonsUpdateOf(key: string): string | null {
  const at = key.indexOf(MARK);
  return at < 0 ? null : key.slice(0, at);
}

/** Where a post's buttons are: its last message, not posted yet (retry), or nowhere to edit (given up, moved). */
export type ButtonsCarrier = { messageId: number } | 'not_posted' | 'none';

const StateRow = z.object({ status: TicketStatus, left_agency: z.number() });
const PostRow = z.object({ status: z.string(), remote_id: z.string().nullable(), ticket_id: z.number() });

export class GroupButtons {
  private readonly queueStmt;
  private readonly stateStmt;
  private readonly postStmt;
  private readonly recordedStmt;

  constructor(db: Db) {
    // Each Telegram post that went out (or is going out) gets one update waiting, unless one waits already: it reads
    // the ticket when it is sent, so later changes need no second one. A post still pending goes out as it is then.
    const updates = `u.ticket_id = d.ticket_id
      AND substr(u.idempotency_key, 1, length(d.idempotency_key) + length(@mark)) = d.idempotency_key || @mark`;
    this.queueStmt = db.prepare(
      `INSERT OR IGNORE INTO deliveries
         (ticket_id, agency_id, destination_id, method, idempotency_key, next_attempt_at, created_at)
       SELECT d.ticket_id, d.agency_id, d.destination_id, 'telegram',
              d.idempotency_key || @mark || (1 + (SELECT count(*) FROM deliveries u WHERE ${updates})), @now, @now
       FROM deliveries d
       WHERE d.ticket_id = @ticket AND d.method = 'telegram' AND instr(d.idempotency_key, '#') = 0
         AND d.status IN ('sending', 'delivered')
         AND NOT EXISTS (SELECT 1 FROM deliveries u WHERE ${updates} AND u.status = 'pending')`,
    );
    this.stateStmt = db.prepare(
      `SELECT t.status, (t.agency_id IS NOT @agency AND EXISTS (SELECT 1 FROM ticket_past_agencies p
                          WHERE p.ticket_id = t.id AND p.agency_id = @agency)) AS left_agency
       FROM tickets t WHERE t.number = @number`,
    );
    this.postStmt = db.prepare(
      'SELECT status, remote_id, ticket_id FROM deliveries WHERE idempotency_key = ?',
    );
    this.recordedStmt = db
      .prepare(
        'SELECT 1 FROM telegram_ticket_messages WHERE chat_id = ? AND message_id = ? AND ticket_id = ?',
      )
      .pluck();
  }

  /** Queues an update of the buttons of each Telegram post of the ticket; inside the change's transaction. */
  queue(ticketId: number, now: number): number {
    return this.queueStmt.run({ ticket: ticketId, now, mark: MARK }).changes;
  }

  /**
   * The ticket's status now, as a group of `agencyId` sees it: `left` when the ticket was moved away from that
   * agency (dialihkan) and is not its again. Null when there is no such ticket.
   */
  state(number: string, agencyId: string): { status: TicketStatus; left: boolean } | null {
    const raw = this.stateStmt.get({ number, agency: agencyId });
    if (!raw) return null;
    const row = StateRow.parse(raw);
    return { status: row.status, left: row.left_agency === 1 };
  }

  /**
   * The message of a post (`postKey`) in `chatId` that carries its buttons: the last part posted, as the post recorded
   * it in that chat. Nowhere when the post was given up on, or the group's chat is another one now.
   */
  carrier(postKey: string, chatId: string): ButtonsCarrier {
    const raw = this.postStmt.get(postKey);
    if (!raw) return 'none';
    const post = PostRow.parse(raw);
    if (post.status === 'pending' || post.status === 'sending') return 'not_posted';
    const messageId = Number(post.remote_id?.split(',').at(-1));
    if (post.status !== 'delivered' || !Number.isInteger(messageId) || messageId <= 0) return 'none';
    return this.recordedStmt.get(chatId, messageId, post.ticket_id) === 1 ? { messageId } : 'none';
  }
}
