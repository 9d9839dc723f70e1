// Builds the payload a destination receives for a ticket: from the stored ticket, its routing and the directory.
import { routeReason } from '../routing/route-reason.js';
import type { ForwardingViews } from '../storage/forwarding-views.js';
import type { TicketEvents } from '../storage/ticket-events.js';
import type { Tickets } from '../storage/tickets.js';
import { identityGivenTo } from '../tickets/identity-ask.js';
import { kabkotaByCode, kecamatanByCode } from '../understand/region-lookup.js';
import { type LinkSigner, type TicketPayload, buildTicketPayload } from './payload.js';

export type PayloadSource = (ticketId: number, agencyId: string) => TicketPayload | null;

export function ticketPayloads(deps: {
  views: ForwardingViews;
  tickets: Tickets;
  events: Pick<TicketEvents, 'forTicket'>;
  agencyName: (agencyId: string) => string | null;
  signLink: LinkSigner;
}): PayloadSource {
  return (ticketId, agencyId) => {
    const view = deps.views.forTicket(ticketId);
    if (!view) return null;
    const { routing, complaint } = view;
    // The routed agency gets the decision; an agency also notified (Ombudsman on escalation) gets its own reason.
    const also = routing.also.find((a) => a.agencyId === agencyId);
    if (agencyId !== view.agencyId && !also) return null;
    const name = deps.agencyName(agencyId) ?? also?.agencyName ?? routing.agencyName;
    return buildTicketPayload(
      {
        ticket: { number: view.number, createdAt: view.createdAt, dueDate: view.dueDate },
        agency: { id: agencyId, name },
        routing: also
          ? { rule: 'eskalasi-ombudsman', reason: routeReason('id', also.why), fallback: false }
          : { rule: routing.rule, reason: routeReason('id', routing.why), fallback: routing.fallback },
        complaint,
        kabkotaName: kabkotaByCode(complaint.kabkotaCode)?.name ?? complaint.kabkotaCode,
        kecamatanName: complaint.kecamatanCode
          ? (kecamatanByCode(complaint.kecamatanCode)?.name ?? null)
          : null,
        related: deps.tickets.relatedNumbers(ticketId),
        // The identity the reporter gave for this agency's copy (Ombudsman's) goes to it, and to no other.
        identityGiven: identityGivenTo(deps.events.forTicket(ticketId), agencyId),
      },
      deps.signLink,
    );
  };
}
