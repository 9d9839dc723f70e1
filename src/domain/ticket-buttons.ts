// The buttons an officers' group sees under a forwarded ticket: which moves they make and their callback data.
import type { TicketStatus } from './complaint.js';
import { TICKET_PATTERN } from './ticket-number.js';

/**
 * Terima, Proses, Selesai: moves allowed from `baru` and `dialihkan` (the statuses a ticket is forwarded in) that
 * need neither a reason nor a message. `ditolak` needs a reason and `menunggu_pelapor` a question: never a button.
 */
export const TICKET_BUTTONS = [
  'diverifikasi',
  'diproses',
  'selesai',
] as const satisfies readonly TicketStatus[];
export type TicketButton = (typeof TICKET_BUTTONS)[number];

const PREFIX = 'aduan';

/** `aduan:<ticket number>:<status>`: at most 33 bytes, well under Telegram's 64. */
export function ticketButtonData(ticket: string, status: TicketButton): string {
  return `${PREFIX}:${ticket}:${status}`;
}

/** Whether callback data is one of these buttons' (possibly of a ticket or status not known here). */
export function isTicketButtonData(data: string): boolean {
  return data.startsWith(`${PREFIX}:`);
}

/** The ticket and move a button's data names, or null when it is not a ticket button's. */
export function parseTicketButton(data: string): { ticket: string; status: TicketButton } | null {
  const [prefix, ticket, status, ...rest] = data.split(':');
  if (prefix !== PREFIX || rest.length > 0 || !ticket || !TICKET_PATTERN.test(ticket)) return null;
  const button = TICKET_BUTTONS.find((b) => b === status);
  return button ? { ticket, status: button } : null;
}
