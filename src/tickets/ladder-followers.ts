// Telling the chats that follow a ticket (their own tickets were merged into it) of the escalation ladder's steps on
// it: the same plain words its reporter reads, each chat in its own language through `dispatch`, each chat once (not
// the reporter's own chat, told already); never the question about the reporter's identity, nor the line about it.
import type { DispatchEvent } from '../../flows/intake-events.js';
import type { Store } from '../storage/store.js';

/** A ladder step as a chat hears it (without `withheld`: that line is about the reporter's own consent). */
export type LadderNews = Omit<Extract<DispatchEvent, { type: 'ticket.ladder' }>, 'withheld'>;

export type LadderDispatch = (conversationId: number, event: DispatchEvent) => unknown;

/** Tells each chat following the ticket of the step, in the transaction of the step itself. */
export function tellFollowersOfStep(
  store: Store,
  dispatch: LadderDispatch,
  ticket: { id: number; conversationId: number | null },
  news: LadderNews,
): void {
  const told = new Set(ticket.conversationId === null ? [] : [ticket.conversationId]);
  for (const f of store.ticketMerges.followers(ticket.id)) {
    if (told.has(f.conversationId)) continue;
    told.add(f.conversationId);
    dispatch(f.conversationId, news);
  }
}
