// "Hapus data saya", confirmed: this chat's tickets lose their reporter (name, NIK, phone, files, chat link), the chat
// its messages and address, in the runtime's one transaction; the citizen is told what went, what stayed and why.
import type { Ids } from '../clock.js';
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { t } from '../i18n/locales.js';
import type { Store } from '../storage/store.js';
import { type KnownPerson, knownMask, withComplaint } from '../tickets/identity-erasure.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import type { RetentionSettings } from './retention-settings.js';

export type ChatErasureDeps = { store: Store; tickets: TicketDesk; ids: Ids };

/** What an erasure did: the tickets it reached, and the files whose rows went. */
export type ErasureDone = { tickets: string[]; files: string[] };

/** An irreversible stand-in for a chat's address: random, and unique by the conversation's id. */
export function pseudonym(ids: Ids, conversationId: number): string {
  return `erased:${conversationId}:${ids.id()}`;
}

/**
 * Erases everything this chat gave (the tickets' identities, files and chat link, the chat's messages and address),
 * inside the caller's transaction, and audits it without the erased values: the ticket numbers and counts.
 */
export function eraseChatData(
  deps: ChatErasureDeps,
  conv: { id: number; chatId: string },
  given: { names: string[]; niks: string[]; phones: string[] },
  now: number,
): ErasureDone {
  const { store } = deps;
  const tickets = store.erasure.chatTickets(conv.id);
  // Every identity the chat gave is masked in every text of every one of its tickets.
  let known: KnownPerson = { ...given, addresses: [conv.chatId] };
  for (const ticket of tickets) {
    const c = store.tickets.complaint(ticket.id);
    if (c) known = withComplaint(known, c);
  }
  const files = tickets.flatMap((ticket) => deps.tickets.eraseIdentity(ticket.id, 'citizen', known, now));
  const live = store.handoffs.live(conv.id);
  if (live) store.handoffs.end(live.id, 'returned', now);
  const chat = store.erasure.eraseChat(
    conv.id,
    pseudonym(deps.ids, conv.id),
    knownMask(known),
    now,
    'erasure',
  );
  const numbers = tickets.map((ticket) => ticket.number);
  store.audit.record({
    at: now,
    actor: 'citizen',
    type: 'data.erased',
    conversationId: conv.id,
    data: { tickets: numbers, files: files.length + chat.files.length, messages: chat.messages },
  });
  return { tickets: numbers, files: [...files, ...chat.files] };
}

/** What the citizen is told: what was erased, what was kept and why, and what backups and agencies still hold. */
export function erasedMessage(lang: Lang, done: ErasureDone, settings: RetentionSettings): RenderedMessage {
  const what =
    done.tickets.length > 0
      ? t(lang, 'erase.done.tickets', { tickets: done.tickets.join(', ') })
      : t(lang, 'erase.done.chat');
  const text = [
    what,
    t(lang, 'erase.kept_what'),
    t(lang, 'erase.unlinked'),
    t(lang, 'erase.copies', { days: settings.backupDays }),
  ].join('\n\n');
  return { text, choices: [], expecting: 'none' };
}
