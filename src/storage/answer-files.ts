// Files officers attach to an answer: attachment rows of the ticket, linked to the account and the ticket event.
import { z } from 'zod';
import type { AttachmentRecord } from './attachments.js';
import type { Db } from './db.js';

/** An officer's file of a ticket, with the event (a reply or a status change) it went with. */
export type AnswerFile = AttachmentRecord & { eventId: number | null; officerId: number };

const Row = z.object({
  id: z.string(),
  sha256: z.string(),
  kind: z.string(),
  mime: z.string(),
  size: z.number(),
  filename: z.string().nullable(),
  event_id: z.number().nullable(),
  officer_id: z.number(),
});

const toFile = (raw: unknown): AnswerFile => {
  const { event_id, officer_id, ...rest } = Row.parse(raw);
  return { ...rest, eventId: event_id, officerId: officer_id };
};

const COLUMNS = 'id, sha256, kind, mime, size, filename, event_id, officer_id';

export class AnswerFiles {
  private readonly insert;
  private readonly ofTicketStmt;
  private readonly inChatStmt;

  constructor(db: Db) {
    // Written right after the ticket desk's event, in the same transaction: the ticket's latest event is its own.
    this.insert = db.prepare(
      `INSERT INTO attachments (id, sha256, kind, mime, size, filename, conversation_id, ticket_id, officer_id,
                                event_id, created_at)
       VALUES (@id, @sha256, @kind, @mime, @size, @filename, @conversation, @ticket, @officer,
               (SELECT max(id) FROM ticket_events WHERE ticket_id = @ticket), @now)`,
    );
    this.ofTicketStmt = db.prepare(
      `SELECT ${COLUMNS} FROM attachments WHERE ticket_id = ? AND officer_id IS NOT NULL ORDER BY created_at, id`,
    );
    // Sent to this chat: recorded with it (the ticket's own chat), or named by one of the messages to it (a chat
    // following the ticket through a merged one gets the same files), read through the outbox's chat index.
    this.inChatStmt = db.prepare(
      `SELECT ${COLUMNS} FROM attachments a WHERE a.id = @id AND a.officer_id IS NOT NULL
         AND (a.conversation_id = @conversation
              OR EXISTS (SELECT 1 FROM conversations c
                         JOIN outbox o INDEXED BY outbox_chat ON o.channel = c.channel AND o.chat_id = c.chat_id
                         JOIN json_each(o.payload, '$.files') f
                         WHERE c.id = @conversation AND json_extract(f.value, '$.id') = a.id))`,
    );
  }

  /** Records an officer's file sent to the ticket's chat, linked to the ticket's event just written. */
  add(
    file: AttachmentRecord,
    to: { ticketId: number; conversationId: number; officerId: number },
    now: number,
  ): void {
    this.insert.run({
      ...file,
      conversation: to.conversationId,
      ticket: to.ticketId,
      officer: to.officerId,
      now,
    });
  }

  /** The officers' files of a ticket, oldest first (the history shows each under its event). */
  ofTicket(ticketId: number): AnswerFile[] {
    return this.ofTicketStmt.all(ticketId).map(toFile);
  }

  /** An officer's file sent to this chat, or null: what the citizen's own web chat may download. */
  inChat(id: string, conversationId: number): AnswerFile | null {
    const raw = this.inChatStmt.get({ id, conversation: conversationId });
    return raw === undefined ? null : toFile(raw);
  }
}
