// What makes a valid account, for `npm run user -- add` and the CSV import alike: the username and the agencies a
// role needs.
import type { OfficerRole } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';

/** 3–40 letters, digits, dots, dashes or underscores (unique without regard to case). */
export const USERNAME = /^[a-z0-9._-]{3,40}$/i;

/** An officer needs an agency of the directory; a supervisor a coordinator or Ombudsman; an admin none. */
export function agencyProblem(
  role: OfficerRole,
  agencies: readonly string[],
  directory: Directory,
): string | null {
  if (role === 'admin') return agencies.length > 0 ? 'an admin has no --agency: it sees everything' : null;
  if (agencies.length === 0) return `a ${role} needs --agency (npm run user -- agencies lists them)`;
  for (const id of agencies) {
    const agency = directory.agency(id);
    if (!agency) return `unknown agency ${id} (npm run user -- agencies lists them)`;
    if (role === 'supervisor' && !agency.coordinator && agency.level !== 'ombudsman')
      return `${id} is not a complaint coordinator or Ombudsman: a supervisor belongs to one`;
  }
  return null;
}
