// Who may use and who may edit which response templates: the agencies an account reaches, from its scope.
import type { Officer } from '../domain/officer.js';
import type { Agency } from '../routing/directory-schema.js';
import type { Directory } from '../routing/directory.js';
import { scopeOf } from './policy.js';

/**
 * The agencies whose templates an account sees and uses (besides the every-agency ones); null: every agency. An
 * officer reaches its agencies, a pemda's coordinator its kab/kota's agencies, admins, Ombudsman and a provincial
 * coordinator all of them.
 */
export function templateReach(officer: Officer, directory: Directory): readonly string[] | null {
  const scope = scopeOf(officer, directory);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'agencies') return scope.agencyIds;
  return directory
    .all()
    .filter((a) => a.region !== null && scope.codes.includes(a.region))
    .map((a) => a.id);
}

/**
 * Whether the account may write a template for `agencyId` (null: every agency). Officers only read and use them;
 * admins edit any; a supervisor edits those of the agencies it reaches, and the every-agency ones only when it
 * reaches every agency (Ombudsman, a provincial coordinator).
 */
export function mayEditTemplate(officer: Officer, agencyId: string | null, directory: Directory): boolean {
  if (officer.disabled || officer.role === 'officer') return false;
  const reach = templateReach(officer, directory);
  return reach === null || (agencyId !== null && reach.includes(agencyId));
}

/** Whether the account edits any template at all (the workspace links to the templates page for it). */
export function editsTemplates(officer: Officer, directory: Directory): boolean {
  if (officer.disabled || officer.role === 'officer') return false;
  const reach = templateReach(officer, directory);
  return reach === null || reach.length > 0;
}

/** The directory's agencies an account may write templates for (the form's choices). */
export function editableAgencies(officer: Officer, directory: Directory): readonly Agency[] {
  if (officer.disabled || officer.role === 'officer') return [];
  const reach = templateReach(officer, directory);
  return reach === null ? directory.all() : directory.all().filter((a) => reach.includes(a.id));
}

/** Whether a template (of `agencyId`, null: every agency) is within the account's reach. */
export function reachesTemplate(officer: Officer, agencyId: string | null, directory: Directory): boolean {
  if (agencyId === null) return true;
  const reach = templateReach(officer, directory);
  return reach === null || reach.includes(agencyId);
}
