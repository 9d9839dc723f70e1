// Telling the chats that follow a ticket (their own tickets were merged into it) of an officer's change or message on
// it, through the runtime's `dispatch`: each on their channel, in their language, as news of the ticket theirs joined.
import type { DispatchEvent } from '../../flows/intake-events.js';
import type { Follower } from '../storage/ticket-merges.js';

/** An officer's change (`ticket.update`) or message (`ticket.reply`), as the ticket's own chat hears it. */
export type News = Extract<DispatchEvent, { type: 'ticket.update' | 'ticket.reply' }>;

export type Dispatch = (conversationId: number, event: DispatchEvent) => unknown;

/**
 * Tells each following chat once (not the ticket's own chat, `own`, told already). The followers are read before the
 * change (`store.ticketMerges.followers`), since a closing lets the anonim ones go.
 */
export function tellFollowers(
  dispatch: Dispatch,
  followers: readonly Follower[],
  own: number | null,
  news: News,
): void {
  const told = new Set(own === null ? [] : [own]);
  for (const f of followers) {
    if (told.has(f.conversationId)) continue;
    told.add(f.conversationId);
    dispatch(f.conversationId, followed(news, f.number));
  }
}

function followed(news: News, own: string): DispatchEvent {
  const base = { type: 'ticket.followed', now: news.now, ticket: news.ticket, own } as const;
  if (news.type === 'ticket.reply') return { ...base, status: null, message: news.text, reason: null };
  const { status, message, reason, agency } = news;
  return { ...base, status, message, reason, ...(agency ? { agency } : {}) };
}
