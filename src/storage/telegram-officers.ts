// Officers on Telegram (migration 023): one-time link codes by hash, the Telegram user linked to each account, and
// the officers' group messages that carry a ticket.
import { z } from 'zod';
import type { Db } from './db.js';

const CodeRow = z.object({ officer_id: z.number(), expires_at: z.number() });
const LinkRow = z.object({ telegram_user_id: z.string(), linked_at: z.number() });

export type TelegramLink = { telegramUserId: string; linkedAt: number };

export class TelegramOfficers {
  private readonly putCode;
  private readonly codeByHash;
  private readonly dropCode;
  private readonly dropLinkOfUser;
  private readonly dropLinkOfOfficer;
  private readonly insertLink;
  private readonly linkOfOfficer;
  private readonly officerOfUser;
  private readonly putMessage;
  private readonly ticketOfMessage;

  constructor(db: Db) {
    this.putCode = db.prepare(
      `INSERT INTO telegram_link_codes (officer_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (officer_id) DO UPDATE SET
         code_hash = excluded.code_hash, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    );
    this.codeByHash = db.prepare(
      'SELECT officer_id, expires_at FROM telegram_link_codes WHERE code_hash = ?',
    );
    this.dropCode = db.prepare('DELETE FROM telegram_link_codes WHERE officer_id = ?');
    this.dropLinkOfUser = db.prepare('DELETE FROM telegram_officer_links WHERE telegram_user_id = ?');
    this.dropLinkOfOfficer = db.prepare('DELETE FROM telegram_officer_links WHERE officer_id = ?');
    this.insertLink = db.prepare(
      'INSERT INTO telegram_officer_links (telegram_user_id, officer_id, linked_at) VALUES (?, ?, ?)',
    );
    this.linkOfOfficer = db.prepare(
      'SELECT telegram_user_id, linked_at FROM telegram_officer_links WHERE officer_id = ?',
    );
    this.officerOfUser = db
      .prepare('SELECT officer_id FROM telegram_officer_links WHERE telegram_user_id = ?')
      .pluck();
    this.putMessage = db.prepare(
      `INSERT OR REPLACE INTO telegram_ticket_messages (chat_id, message_id, ticket_id)
       SELECT ?, ?, id FROM tickets WHERE number = ?`,
    );
    this.ticketOfMessage = db
      .prepare(
        `SELECT t.number FROM telegram_ticket_messages m JOIN tickets t ON t.id = m.ticket_id
         WHERE m.chat_id = ? AND m.message_id = ?`,
      )
      .pluck();
  }

  /** Keeps this code (by its hash) as the account's one live code, replacing an earlier one. */
  saveCode(officerId: number, codeHash: string, now: number, expiresAt: number): void {
    this.putCode.run(officerId, codeHash, now, expiresAt);
  }

  /** Uses up the code of this hash: its account when it was still valid, `expired`, or null when unknown. */
  takeCode(codeHash: string, now: number): { officerId: number } | 'expired' | null {
    const raw = this.codeByHash.get(codeHash);
    if (!raw) return null;
    const row = CodeRow.parse(raw);
    this.dropCode.run(row.officer_id);
    return row.expires_at > now ? { officerId: row.officer_id } : 'expired';
  }

  /** Links a Telegram user to an account; an earlier link of either is replaced. */
  link(telegramUserId: string, officerId: number, now: number): void {
    this.dropLinkOfUser.run(telegramUserId);
    this.dropLinkOfOfficer.run(officerId);
    this.insertLink.run(telegramUserId, officerId, now);
  }

  /** Unlinks the account's Telegram user; false when none was linked. */
  unlink(officerId: number): boolean {
    return this.dropLinkOfOfficer.run(officerId).changes > 0;
  }

  linkOf(officerId: number): TelegramLink | null {
    const raw = this.linkOfOfficer.get(officerId);
    if (!raw) return null;
    const row = LinkRow.parse(raw);
    return { telegramUserId: row.telegram_user_id, linkedAt: row.linked_at };
  }

  /** The account a Telegram user is linked to (enabled or not), or null. */
  officerOf(telegramUserId: string): number | null {
    const id = z.number().safeParse(this.officerOfUser.get(telegramUserId));
    return id.success ? id.data : null;
  }

  /** Records that a group message carries this ticket (a ticket number that does not exist records nothing). */
  recordMessage(chatId: string, messageId: number, ticketNumber: string): void {
    this.putMessage.run(chatId, messageId, ticketNumber);
  }

  /** The number of the ticket a group message carries, or null. */
  ticketOf(chatId: string, messageId: number): string | null {
    const number = z.string().safeParse(this.ticketOfMessage.get(chatId, messageId));
    return number.success ? number.data : null;
  }
}
