// Builds the payload a destination receives for a ticket: from the stored ticket, its routing and the directory.
import { routeReason } from '../routing/route-reason.js';
import type { ForwardingViews } from '../storage/forwarding-views.js';
import type { Tickets } from '../storage/tickets.js';
import { kabkotaByCode, kecamatanByCode } from '../understand/region-lookup.js';
import { type LinkSigner, type TicketPayload, buildTicketPayload } from './payload.js';

export type PayloadSource = (ticketId: number, agencyId: string) => TicketPayload | null;

export function ticketPayloads(deps: {
  views: ForwardingViews;
  tickets: Tickets;
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
      },
      deps.signLink,
    );
  };
}
