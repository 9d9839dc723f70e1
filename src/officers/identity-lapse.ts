// When an officer's change lapses the question to the reporter about Ombudsman's copy (the stage it was asked for met,
// ended or paused), the reporter's chat leaves it: told before the change's own news, so that news (a question from
// the officer, "is it solved?") has the chat.
import type { Store } from '../storage/store.js';
import { pendingAsk } from '../tickets/identity-ask.js';
import type { Dispatch } from './ticket-news.js';

/**
 * Notes, before a change, whether the ticket's reporter is being asked; the function returned, called after the
 * change, tells the chat when the change lapsed that question.
 */
export function watchAsk(
  store: Store,
  ticket: { id: number; number: string; conversationId: number | null },
): (dispatch: Dispatch, now: number) => void {
  const asking =
    ticket.conversationId !== null && pendingAsk(store.ticketEvents.forTicket(ticket.id)) !== null;
  return (dispatch, now) => {
    if (!asking || ticket.conversationId === null) return;
    if (pendingAsk(store.ticketEvents.forTicket(ticket.id)) !== null) return;
    dispatch(ticket.conversationId, { type: 'ticket.identity_dropped', now, ticket: ticket.number });
  };
}
