// The buttons under a ticket in an agency's officers' Telegram group: the moves valid from its status now (none once
// the ticket was moved away from that agency), as Telegram's inline keyboard; and the Bot API's answers an edit of
// them may ignore.
import { TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { TicketStatus } from '../domain/complaint.js';
import { TICKET_BUTTONS, type TicketButton, ticketButtonData } from '../domain/ticket-buttons.js';
import { t } from '../i18n/locales.js';
import { canMove } from '../tickets/transitions.js';

/**
 * Terima, Proses, Selesai as far as the ticket may make those moves now; none in the group of an agency it was moved
 * away from (a copy's group, Ombudsman's, keeps them: its accounts act once they took the ticket over).
 */
export function buttonsNow(ticket: { status: TicketStatus; left: boolean } | null): TicketButton[] {
  if (!ticket || ticket.left) return [];
  return TICKET_BUTTONS.filter((to) => canMove(ticket.status, to));
}

/** Pressed by a linked officer, they move the ticket (src/officers/telegram-desk); an empty one takes them away. */
export function ticketKeyboard(ticket: string, buttons: readonly TicketButton[]): InlineKeyboardMarkup {
  const row = buttons.map((status) => ({
    text: t('id', `forward.button.${status}`),
    callback_data: ticketButtonData(ticket, status),
  }));
  return { inline_keyboard: row.length > 0 ? [row] : [] };
}

/**
 * What a refused edit of the buttons means: `same` (Bad Request: message is not modified, the buttons are already
 * these), `gone` (the message was deleted, or can no longer be edited: nothing left to update), or null (a failure).
 */
export function editRefusal(err: unknown): 'same' | 'gone' | null {
  if (!(err instanceof TelegramError) || err.code !== 400) return null;
  const said = err.description.toLowerCase();
  if (said.includes('message is not modified')) return 'same';
  if (
    said.includes('message to edit not found') ||
    said.includes('message_id_invalid') ||
    said.includes("message can't be edited")
  )
    return 'gone';
  return null;
}
