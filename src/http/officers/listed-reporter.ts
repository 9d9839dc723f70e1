// The reporter of a listed ticket as an account's downloads show them (the inbox CSV, the SP4N-LAPOR! files): the
// ticket page's rule, with a rahasia reporter's name and NIK given for this account's agency (a copy, Ombudsman's).
import type { Complaint } from '../../domain/complaint.js';
import type { Officer } from '../../domain/officer.js';
import { identityGivenToAccount } from '../../officers/copy-access.js';
import type { Store } from '../../storage/store.js';
import { reporterFor } from './officer-view-data.js';
import type { Reporter } from './ticket-page.js';

/** Admins and supervisors (coordinators, Ombudsman) see who reported a rahasia ticket; agencies' accounts do not. */
export function seesRahasia(officer: Officer): boolean {
  return officer.role === 'admin' || officer.role === 'supervisor';
}

/** The NIK masked; nothing of an anonim reporter; a rahasia one only to admins, supervisors and the agency given it. */
export function listedReporter(
  store: Store,
  officer: Officer,
  ticket: { id: number; agencyId: string | null },
  c: Complaint,
): Reporter {
  const privileged = seesRahasia(officer);
  // Given only ever for a copy (Ombudsman's), so only another agency's ticket is looked at.
  const copied =
    !privileged && c.identityMode === 'rahasia' && !officer.agencies.includes(ticket.agencyId ?? '');
  const given = copied && identityGivenToAccount(officer, c, store.ticketEvents.forTicket(ticket.id));
  return reporterFor(c, privileged, false, given);
}
