// What the public status page shows of a ticket, for its number and PIN: the state, its dates, what the officers
// told the citizen and the next deadline. Never the reporter's identity, the story or anything internal.
import type { TicketStatus } from '../domain/complaint.js';
import type { Store } from '../storage/store.js';
import { pinMatches } from './status-pin.js';

/** One dated line of the history, as the citizen was told it in the chat. */
export type StatusLine =
  | { at: number; kind: 'filed' }
  | { at: number; kind: 'changed'; status: TicketStatus; reason: string | null; message: string | null }
  | { at: number; kind: 'replied'; text: string };

export type StatusView = {
  number: string;
  status: TicketStatus;
  category: string;
  kabkotaCode: string;
  /** The date the agency must answer by, while it still owes an answer. */
  dueDate: string | null;
  lines: StatusLine[];
};

/** Statuses in which the agency still owes an answer: the due date is the next deadline then. */
const AWAITING_AGENCY: ReadonlySet<TicketStatus> = new Set(['baru', 'diverifikasi', 'diproses', 'dialihkan']);

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The ticket's status for its number and PIN; null alike for an unknown number, a wrong PIN and a ticket filed
 * before PINs existed, so that the answer tells nobody which numbers exist.
 */
export function lookUpStatus(store: Store, number: string, pin: string): StatusView | null {
  const ticket = store.statusPins.ticket(number);
  if (!ticket?.pin || !pinMatches(pin, ticket.pin)) return null;
  const lines = store.ticketEvents.forTicket(ticket.id).flatMap((e): StatusLine[] => {
    if (e.type === 'filed') return [{ at: e.at, kind: 'filed' }];
    if (e.type === 'replied') {
      const said = text(e.data?.text);
      return said ? [{ at: e.at, kind: 'replied', text: said }] : [];
    }
    if (e.type !== 'status_changed' || e.to === null) return [];
    // An officer's reason and message were told to the citizen; Aduan's own reasons are codes, not words.
    const byOfficer = e.actor === 'officer';
    return [
      {
        at: e.at,
        kind: 'changed',
        status: e.to,
        reason: byOfficer ? text(e.reason) : null,
        message: byOfficer ? text(e.data?.message) : null,
      },
    ];
  });
  return {
    number: ticket.number,
    status: ticket.status,
    category: ticket.category,
    kabkotaCode: ticket.kabkotaCode,
    dueDate: AWAITING_AGENCY.has(ticket.status) ? ticket.dueDate : null,
    lines,
  };
}
