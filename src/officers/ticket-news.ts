// Telling the chats that follow a ticket (their own tickets were merged into it) of an officer's change or message on
// it, through the runtime's `dispatch`: each on their channel, in their language, as news of the ticket theirs joined,
// with the officer's files (the same ones, sent through the outbox like the reporter's).
import type { DispatchEvent } from '../../flows/intake-events.js';
import type { OutboundFile } from '../domain/reply.js';
import type { Follower } from '../storage/ticket-merges.js';

/** An officer's change (`ticket.update`, a field check too) or message (`ticket.reply`), as the reporter hears it. */
export type News = Extract<DispatchEvent, { type: 'ticket.update' | 'ticket.reply' }>;

export type Dispatch = (
  conversationId: number,
  event: DispatchEvent,
  files?: readonly OutboundFile[],
) => unknown;

/**
 * Tells each following chat once (not the ticket's own chat, `own`, told already). The followers are read before the
 * change (`store.ticketMerges.followers`), since a closing lets the anonim ones go.
 */
export function tellFollowers(
  dispatch: Dispatch,
  followers: readonly Follower[],
  own: number | null,
  news: News,
  /** The surviving ticket's reporter: an officer writes to them by name, which another citizen must not read. */
  reporterName: string | null,
  /**
   * The officer's files with the news (already recorded with the ticket's event). Followers get the pictures (a photo
   * of the repair concerns every reporter of the problem), names scrubbed too; documents such as a reply letter are
   * addressed to the ticket's own reporter and may name them, so they stay with that reporter.
   */
  files: readonly OutboundFile[] = [],
): void {
  const told = new Set(own === null ? [] : [own]);
  const clean = (text: string) => scrub(text, reporterName);
  const theirs = files.filter((f) => f.mime.startsWith('image/')).map((f) => ({ ...f, name: clean(f.name) }));
  for (const f of followers) {
    if (told.has(f.conversationId)) continue;
    told.add(f.conversationId);
    dispatch(f.conversationId, followed(news, f.number, clean), theirs);
  }
}

function followed(news: News, own: string, clean: (text: string) => string): DispatchEvent {
  // A field check: the words its reporter reads (why, and by when the answer comes), the officer's reason scrubbed.
  if (news.type === 'ticket.update' && news.fieldCheck)
    return { ...news, fieldCheck: { ...news.fieldCheck, reason: clean(news.fieldCheck.reason) } };
  const base = { type: 'ticket.followed', now: news.now, ticket: news.ticket, own } as const;
  if (news.type === 'ticket.reply') return { ...base, status: null, message: clean(news.text), reason: null };
  const { status, message, reason, agency } = news;
  const words = {
    message: message === null ? null : clean(message),
    reason: reason === null ? null : clean(reason),
  };
  return { ...base, status, ...words, ...(agency ? { agency } : {}) };
}

const NIK = /\b\d{16}\b/g;
const PHONE = /(?:\+|\b)\d[\d\s.-]{7,}\d\b/g;

/** An officer's words to one citizen as another may read them: NIKs, phone numbers and that reporter's name hidden. */
export function scrub(text: string, name: string | null): string {
  let out = text.replace(NIK, '…').replace(PHONE, '…');
  const full = name?.trim();
  if (full && full.length >= 3)
    out = out.replace(new RegExp(full.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), '…');
  return out;
}
