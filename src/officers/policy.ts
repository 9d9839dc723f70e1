// Who may see and change which tickets: an account's scope, applied by the queries, and whether it may act.
import type { Officer, TicketScope } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';

/**
 * Admins see every ticket. An officer (and an integration account's key) sees the tickets routed to its agencies. A supervisor sees its coordinator's
 * area: a pemda's complaint coordinator its kab/kota, Ombudsman Kalsel and a provincial coordinator the province.
 */
export function scopeOf(officer: Officer, directory: Directory): TicketScope {
  if (officer.role === 'admin') return { kind: 'all' };
  if (officer.role === 'officer' || officer.role === 'integration')
    return { kind: 'agencies', agencyIds: officer.agencies };
  const codes: string[] = [];
  for (const id of officer.agencies) {
    const agency = directory.agency(id);
    if (!agency) continue;
    if (agency.level === 'ombudsman' || (agency.coordinator && agency.region === null))
      return { kind: 'all' };
    if (agency.coordinator && agency.region) codes.push(agency.region);
  }
  return { kind: 'kabkota', codes };
}

/**
 * Admins and the agency's own officers act; a supervisor watches, unless it took this ticket over (`tookOver`: the
 * ticket's events name this account as having taken it over).
 */
export function mayAct(officer: Officer, tookOver = false): boolean {
  if (officer.disabled) return false;
  return officer.role === 'admin' || officer.role === 'officer' || tookOver;
}

/**
 * A supervisor of a coordinator the escalation ladder made a watcher of the ticket (`watchers`: their agency ids) may
 * move it to another agency (dialihkan) without taking it over; every other action stays read-only for it.
 */
export function mayReassignAsWatcher(officer: Officer, watchers: readonly string[]): boolean {
  return (
    !officer.disabled && officer.role === 'supervisor' && officer.agencies.some((a) => watchers.includes(a))
  );
}

/** Whether the account may sign in to the pages: an enabled one that is not an integration (an API key only). */
export function maySignIn(officer: Officer | undefined): boolean {
  return officer !== undefined && !officer.disabled && officer.role !== 'integration';
}
