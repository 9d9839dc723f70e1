// The language a chat's conversation speaks (`/lang en`), for words said outside the flow: a channel's buttons, the
// web page's own texts.
import type { Lang } from '../domain/reply.js';
import type { Store } from '../storage/store.js';

/** The language of a chat's conversation, for the words a channel adds itself (buttons, "reply with a number"). */
export function conversationLang(store: Store, channel: string, chatId: string): Lang {
  const snapshot = store.conversations.find(channel, chatId)?.snapshot;
  if (snapshot && typeof snapshot === 'object' && 'context' in snapshot) {
    const ctx = snapshot.context;
    if (ctx && typeof ctx === 'object' && 'lang' in ctx && ctx.lang === 'en') return 'en';
  }
  return 'id';
}
