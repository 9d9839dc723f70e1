// One ticket as the Ombudsman-ready document (ombudsman-schema.ts): built from the payload Ombudsman's copy of the
// ticket carries (src/forwarding/payload.ts: the reporter by the copy's own rule, the free text masked as every agency
// gets it, the evidence as signed links that expire), with its history as the ticket page words it and its missed
// deadline stages. Words in the reader's language.
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { witaDate } from '../../domain/wita.js';
import { type LinkSigner, buildTicketPayload } from '../../forwarding/payload.js';
import { formatDate, t } from '../../i18n/locales.js';
import { stageOutcome } from '../../officers/statistics-facts.js';
import { maskScopeFor, textMasker } from '../../privacy/complaint-masking.js';
import type { Directory } from '../../routing/directory.js';
import { routeReason } from '../../routing/route-reason.js';
import type { Store } from '../../storage/store.js';
import type { OfficerTicket } from '../../storage/ticket-inbox.js';
import { identityGivenTo, pendingAsk } from '../../tickets/identity-ask.js';
import { kabkotaByCode, kecamatanByCode } from '../../understand/region-lookup.js';
import { OMBUDSMAN_SCHEMA, type OmbudsmanReport, type WithheldWhy } from '../api/ombudsman-schema.js';
import { officerName } from './assignment-routes.js';
import { ticketAsRead } from './ticket-as-read.js';
import { eventText } from './ticket-page.js';

export type OmbudsmanDeps = {
  store: Store;
  directory: Directory;
  clock: Clock;
  /** Signs the evidence links (PUBLIC_BASE_URL, LINK_SECRET); without it the links are null. */
  signLink?: LinkSigner;
};

/** Why a rahasia reporter's identity is not in the document: the last word on the question asked for Ombudsman. */
function withheldWhy(events: readonly TicketEvent[]): WithheldWhy {
  if (pendingAsk(events)) return 'asked';
  const last = events.findLast((e) => e.type === 'identity_refused' || e.type === 'identity_dropped');
  return last?.type === 'identity_refused' ? 'refused' : last ? 'lapsed' : 'not_asked';
}

/** The stages whose date passed before the agency did what they asked (late, ended unmet, or still unmet). */
function missedDeadlines(deps: OmbudsmanDeps, ticketId: number): OmbudsmanReport['missedDeadlines'] {
  const today = witaDate(deps.clock.now());
  return deps.store.ticketDeadlines.history(ticketId).flatMap((s): OmbudsmanReport['missedDeadlines'] => {
    const outcome = stageOutcome(s);
    const agency = s.agencyId
      ? { id: s.agencyId, name: deps.directory.agency(s.agencyId)?.name ?? s.agencyId }
      : null;
    const base = { stage: s.stage, agency, dueOn: s.dueOn };
    if (outcome === 'late' && s.metAt !== null) return [{ ...base, outcome: 'late', on: witaDate(s.metAt) }];
    if (outcome === 'missed_ended' && s.endedAt !== null)
      return [{ ...base, outcome: 'missed', on: witaDate(s.endedAt) }];
    return outcome === 'open' && s.dueOn < today ? [{ ...base, outcome: 'running', on: null }] : [];
  });
}

/** The document for `officer` (who may export it: the caller checked). */
export function ombudsmanReport(
  deps: OmbudsmanDeps,
  officer: Officer,
  ticket: OfficerTicket,
  lang: Lang,
): OmbudsmanReport {
  const { store, directory } = deps;
  const c = ticket.complaint;
  const events = store.ticketEvents.forTicket(ticket.id);
  const ombudsman = directory.ombudsman(c.kabkotaCode);
  const routed = ticket.agencyId ? (directory.agency(ticket.agencyId)?.name ?? ticket.agencyId) : null;
  // What Ombudsman's copy carries: the reporter by the copy's rule, the free text masked as for every agency.
  const copy = buildTicketPayload(
    {
      ticket: { number: ticket.number, createdAt: ticket.createdAt, dueDate: ticket.dueDate },
      agency: { id: ombudsman.id, name: ombudsman.name },
      routing: {
        rule: ticket.routing?.rule ?? '',
        reason: ticket.routing ? routeReason(lang, ticket.routing.why) : '',
        fallback: ticket.routing?.fallback ?? false,
      },
      complaint: c,
      kabkotaName: kabkotaByCode(c.kabkotaCode)?.name ?? c.kabkotaCode,
      kecamatanName: c.kecamatanCode ? (kecamatanByCode(c.kecamatanCode)?.name ?? c.kecamatanCode) : null,
      related: [],
      identityGiven: identityGivenTo(events, ombudsman.id),
    },
    deps.signLink ?? (() => null),
  );
  const k = copy.complaint;
  const given = copy.reporter.identityMode === 'biasa' || copy.reporter.givenForThisAgency === true;
  // The office the citizen named and the history's own words (an officer's message, a reason) masked as the copy's
  // story is.
  const mask = textMasker(c, maskScopeFor(c.identityMode, false), lang);
  const history = ticketAsRead({ ticket, events, additions: [], attachments: [] }, false, lang).events;
  const date = c.incidentDate;
  return {
    schema: OMBUDSMAN_SCHEMA,
    generatedAt: new Date(deps.clock.now()).toISOString(),
    preparedBy: officer.name ?? officer.username,
    ticket: {
      number: ticket.number,
      status: ticket.status,
      filedAt: new Date(ticket.createdAt).toISOString(),
      dueDate: ticket.dueDate,
      channel: c.channel,
    },
    reporter: {
      identityMode: c.identityMode,
      identity: given ? 'given' : 'withheld',
      withheldWhy: given ? null : c.identityMode === 'anonim' ? 'anonim' : withheldWhy(events),
      name: copy.reporter.name,
      nik: copy.reporter.nik,
      phone: copy.reporter.phone,
    },
    reported: {
      agency: ticket.agencyId && routed ? { id: ticket.agencyId, name: routed } : null,
      named: c.agency === null ? null : mask(c.agency),
      why: ticket.routing ? copy.routing.reason : null,
    },
    category: { id: c.category, name: t(lang, `category.${c.category}`) },
    maladministration: c.maladministration
      ? { id: c.maladministration, name: t(lang, `maladministration.${c.maladministration}`) }
      : null,
    story: k.story,
    incident: {
      date: date
        ? {
            date: date.date,
            precision: date.precision,
            ongoing: date.ongoing === true,
            words: formatDate(lang, date.date, date.precision, date.ongoing === true),
          }
        : null,
      tooOld: date?.tooOld === true,
      address: k.address,
      kecamatan: k.kecamatan,
      kabkota: k.kabkota,
      location: k.location,
    },
    priorReport: { done: k.priorReport.done, to: k.priorReport.to ?? null, result: k.priorReport.result },
    expectation: k.expectation,
    evidence: copy.attachments.map(({ id: _id, ...a }) => a),
    history: history.map((e) => ({
      at: new Date(e.at).toISOString(),
      actor: e.actor,
      officer: e.officerId === undefined ? null : officerName(store, e.officerId),
      type: e.type,
      from: e.from,
      to: e.to,
      words: eventText(lang, e, (id) => officerName(store, id)),
      message:
        typeof e.data?.message === 'string'
          ? e.data.message
          : e.type === 'replied' && typeof e.data?.text === 'string'
            ? e.data.text
            : null,
    })),
    missedDeadlines: missedDeadlines(deps, ticket.id),
  };
}
