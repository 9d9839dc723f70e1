// Which response templates a ticket page offers, and the chosen one rendered for this ticket: the ticket's agency's
// and the every-agency ones; for the status form, those of the chosen status (or of a status it may move to) or none.
import { z } from 'zod';
import { TicketStatus } from '../../domain/complaint.js';
import type { Officer } from '../../domain/officer.js';
import { type ResponseTemplate, TO_BE_FILLED, renderTemplate } from '../../domain/response-template.js';
import { t } from '../../i18n/locales.js';
import { MAX_OFFICER_TEXT } from '../../officers/ticket-actions.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import type { OfficerTicket } from '../../storage/ticket-inbox.js';
import type { TemplateLink, TemplateOffer } from './template-picker.js';

/** The ticket page's query: `?template=<id>` (with `for=status` for the status form) and the status chosen there. */
const Choice = z.object({
  template: z.coerce.number().int().positive().optional().catch(undefined),
  for: z.enum(['status', 'reply']).catch('reply'),
  status: TicketStatus.optional().catch(undefined),
});

export function templateOffer(
  deps: { store: Store; directory: Directory },
  officer: Officer,
  ticket: OfficerTicket,
  next: readonly TicketStatus[],
  query: Record<string, string>,
): TemplateOffer {
  const q = Choice.parse(query);
  const fitting = deps.store.responseTemplates.reachable(ticket.agencyId === null ? [] : [ticket.agencyId]);
  const chosen = q.status && next.includes(q.status) ? q.status : null;
  const forStatus = fitting.filter(
    (tpl) => tpl.status === null || (chosen ? tpl.status === chosen : next.includes(tpl.status)),
  );
  // Replies: every fitting template, those for any status or for the ticket's own first.
  const own = (tpl: ResponseTemplate) => (tpl.status === null || tpl.status === ticket.status ? 0 : 1);
  const forReply = [...fitting].sort((a, b) => own(a) - own(b));
  const page = `/petugas/tiket/${ticket.number}`;
  const link = (tpl: ResponseTemplate, search: Record<string, string>, anchor: string): TemplateLink => ({
    href: `${page}?${new URLSearchParams(search)}#${anchor}`,
    title: tpl.title,
    status: tpl.status,
  });
  const picked =
    q.template === undefined
      ? undefined
      : (q.for === 'status' ? forStatus : forReply).find((tpl) => tpl.id === q.template);
  const agency = ticket.agencyId ? deps.directory.agency(ticket.agencyId) : undefined;
  const text = picked
    ? renderTemplate(picked.body, {
        nomor: ticket.number,
        instansi: agency?.name ?? TO_BE_FILLED,
        // Templates are written in Indonesian: the category is named in Indonesian too.
        kategori: t('id', `category.${ticket.complaint.category}`),
        petugas: officer.name ?? officer.username,
      }).slice(0, MAX_OFFICER_TEXT)
    : '';
  const pickedStatus = picked?.status && next.includes(picked.status) ? picked.status : null;
  return {
    statusLinks: forStatus.map((tpl) => {
      const status = tpl.status ?? chosen;
      return link(tpl, { template: String(tpl.id), for: 'status', ...(status ? { status } : {}) }, 'status');
    }),
    statusAll: chosen ? `${page}#status` : null,
    replyLinks: forReply.map((tpl) => link(tpl, { template: String(tpl.id) }, 'reply')),
    statusChoice: q.for === 'status' ? (pickedStatus ?? chosen) : chosen,
    statusText: q.for === 'status' ? text : '',
    replyText: q.for === 'reply' ? text : '',
  };
}
