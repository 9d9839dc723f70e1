// Who may take a ticket out as the Ombudsman-ready document, and the record that they did: a ticket outside the
// account's scope is not found (as everywhere); in scope, only admins and supervisors (a pemda's coordinator, Ombudsman
// Kalsel) may; each export is audited with the account, the ticket, the format and whether the identity went with it.
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { scopeOf } from '../../officers/policy.js';
import type { OmbudsmanReport } from '../api/ombudsman-schema.js';
import { seesRahasia } from './listed-reporter.js';
import { type OmbudsmanDeps, ombudsmanReport } from './ombudsman-report.js';

export type OmbudsmanFormat = 'pdf' | 'json';

export type OmbudsmanExport =
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'ok'; report: OmbudsmanReport; filename: string };

/** Whether the account may export a ticket it sees for Ombudsman: admins and supervisors. */
export const mayExportForOmbudsman = seesRahasia;

/** The document of ticket `number` for `officer`, audited; or why not. */
export function ombudsmanExport(
  deps: OmbudsmanDeps,
  officer: Officer,
  ask: { number: string; format: OmbudsmanFormat; via: 'api' | 'page'; lang: Lang },
): OmbudsmanExport {
  const ticket = deps.store.ticketInbox.forOfficer(ask.number, scopeOf(officer, deps.directory));
  if (!ticket) return { kind: 'not_found' };
  if (!mayExportForOmbudsman(officer)) return { kind: 'forbidden' };
  const report = ombudsmanReport(deps, officer, ticket, ask.lang);
  deps.store.audit.record({
    at: deps.clock.now(),
    actor: `officer:${officer.id}`,
    type: 'officer.exported_ombudsman',
    ticketId: ticket.id,
    data: { format: ask.format, via: ask.via, identity: report.reporter.identity },
  });
  return { kind: 'ok', report, filename: `aduan-ombudsman-${ticket.number}.${ask.format}` };
}

/** The download's headers: an attachment, never cached or sniffed. */
export function downloadHeaders(type: string, filename: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
