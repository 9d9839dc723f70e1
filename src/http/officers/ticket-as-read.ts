// A ticket's free text as one account reads it (src/privacy/): the complaint's story, expectation, place and earlier
// report, the citizen's additions and rating comment, the words in its history and its files' names, with every NIK
// masked, and everything personal masked for an account that may not know who reported (an agency reading a rahasia
// ticket, anyone reading an anonim one). The inbox's story excerpts follow the same rule.
import type { Lang } from '../../domain/reply.js';
import type { TicketEvent } from '../../domain/ticket-event.js';
import { maskComplaintText, maskScopeFor, textMasker } from '../../privacy/complaint-masking.js';
import type { AttachmentRecord } from '../../storage/attachments.js';
import type { Store } from '../../storage/store.js';
import type { InboxRow, OfficerTicket } from '../../storage/ticket-inbox.js';

type Addition = { author: string; text: string; createdAt: number };

export type TicketAsRead = {
  ticket: OfficerTicket;
  events: TicketEvent[];
  additions: Addition[];
  attachments: AttachmentRecord[];
};

/** An event's own words (an officer's message or note, a reason) masked like the ticket's other text. */
function eventAsRead(e: TicketEvent, mask: (text: string) => string): TicketEvent {
  const words = (v: string | number | boolean | null | undefined) => (typeof v === 'string' ? mask(v) : v);
  const data = e.data
    ? {
        ...e.data,
        ...('message' in e.data ? { message: words(e.data.message) ?? null } : {}),
        ...('text' in e.data ? { text: words(e.data.text) ?? null } : {}),
      }
    : undefined;
  return { ...e, reason: e.reason === null ? null : mask(e.reason), ...(data ? { data } : {}) };
}

/** `identityShown`: this account sees who reported (as the ticket page's reporter line decides). */
export function ticketAsRead(parts: TicketAsRead, identityShown: boolean, lang: Lang): TicketAsRead {
  const c = parts.ticket.complaint;
  const scope = maskScopeFor(c.identityMode, identityShown);
  const mask = textMasker(c, scope, lang);
  const rating = parts.ticket.rating;
  return {
    ticket: {
      ...parts.ticket,
      complaint: maskComplaintText(c, scope, lang),
      rating: rating?.comment ? { ...rating, comment: mask(rating.comment) } : rating,
    },
    events: parts.events.map((e) => eventAsRead(e, mask)),
    additions: parts.additions.map((a) => ({ ...a, text: mask(a.text) })),
    attachments: parts.attachments.map((a) => (a.filename ? { ...a, filename: mask(a.filename) } : a)),
  };
}

/** The inbox's length of a story excerpt (the query's own, taken again after masking the whole story). */
const EXCERPT_CHARS = 140;

/** Inbox rows with their story excerpts masked for this account (`privileged`: it sees rahasia reporters). */
export function inboxAsRead(store: Store, rows: InboxRow[], privileged: boolean, lang: Lang): InboxRow[] {
  return rows.map((r) => {
    const c = store.tickets.complaint(r.id);
    if (!c) return r;
    const story = textMasker(c, maskScopeFor(c.identityMode, privileged), lang)(c.story);
    return { ...r, excerpt: Array.from(story).slice(0, EXCERPT_CHARS).join('') };
  });
}
