// An agency's copy of a ticket (Ombudsman's tembusan) as its accounts read it: in their scope, read-only until one of
// them takes the ticket over, and the reporter exactly as the copy carried them (a rahasia reporter's name and NIK
// only when given for that agency, never the phone).
import type { Officer } from '../domain/officer.js';
import type { TicketEvent } from '../domain/ticket-event.js';
import { identityGivenTo } from '../tickets/identity-ask.js';

/** The account reads the ticket through a copy one of its agencies received, not as its own agency's ticket. */
export function readsAsCopy(
  officer: Officer,
  ticket: { agencyId: string | null },
  copies: readonly string[],
): boolean {
  return (
    !officer.agencies.includes(ticket.agencyId ?? '') && officer.agencies.some((a) => copies.includes(a))
  );
}

/**
 * The rahasia reporter gave their name and NIK for one of the account's agencies (asked for Ombudsman's copy): that
 * agency reads them on its copy, as its forwarded copy carries them.
 */
export function identityGivenToAccount(
  officer: Officer,
  complaint: { identityMode: string },
  events: readonly TicketEvent[],
): boolean {
  return complaint.identityMode === 'rahasia' && officer.agencies.some((a) => identityGivenTo(events, a));
}
