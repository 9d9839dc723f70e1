// What the public status page shows of a ticket, for its number and PIN: the state, its dates, what the officers
// told the citizen and the deadline running now. Never the reporter's identity, the story or anything internal.
import type { TicketStatus } from '../domain/complaint.js';
import type { TicketEvent } from '../domain/ticket-event.js';
import type { Store } from '../storage/store.js';
import { type OpenStage, openStage } from './stage-words.js';
import { pinMatches } from './status-pin.js';

/** One dated line of the history, as the citizen was told it in the chat. */
export type StatusLine =
  | { at: number; kind: 'filed' }
  | { at: number; kind: 'changed'; status: TicketStatus; reason: string | null; message: string | null }
  | { at: number; kind: 'replied'; text: string }
  | { at: number; kind: 'field_check'; due: string; reason: string };

export type StatusView = {
  number: string;
  status: TicketStatus;
  category: string;
  kabkotaCode: string;
  /** What the agency owes now (verification, an answer, a field check) and by when; null when it owes nothing. */
  deadline: OpenStage | null;
  lines: StatusLine[];
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * One event as the citizen was told it (filed, a status with the officer's reason and message, an officer's message,
 * a field check), or null for what the citizen is not told (internal notes, assignments, Aduan's own reason codes).
 */
export function statusLine(e: TicketEvent): StatusLine | null {
  if (e.type === 'filed') return { at: e.at, kind: 'filed' };
  if (e.type === 'replied') {
    const said = text(e.data?.text);
    return said ? { at: e.at, kind: 'replied', text: said } : null;
  }
  if (e.type === 'field_check') {
    const due = e.data?.due;
    return typeof due === 'string' ? { at: e.at, kind: 'field_check', due, reason: e.reason ?? '' } : null;
  }
  if (e.type !== 'status_changed' || e.to === null) return null;
  // An officer's reason and message were told to the citizen; Aduan's own reasons are codes, not words.
  const byOfficer = e.actor === 'officer';
  return {
    at: e.at,
    kind: 'changed',
    status: e.to,
    reason: byOfficer ? text(e.reason) : null,
    message: byOfficer ? text(e.data?.message) : null,
  };
}

/**
 * The ticket's status for its number and PIN; null alike for an unknown number, a wrong PIN and a ticket filed
 * before PINs existed, so that the answer tells nobody which numbers exist.
 */
export function lookUpStatus(store: Store, number: string, pin: string): StatusView | null {
  const ticket = store.statusPins.ticket(number);
  if (!ticket?.pin || !pinMatches(pin, ticket.pin)) return null;
  const lines = store.ticketEvents.forTicket(ticket.id).flatMap((e) => statusLine(e) ?? []);
  return {
    number: ticket.number,
    status: ticket.status,
    category: ticket.category,
    kabkotaCode: ticket.kabkotaCode,
    deadline: openStage(store.ticketDeadlines.current(ticket.id)),
    lines,
  };
}
