// Retention, run from the service's minute tick: closed tickets older than RETENTION_DAYS lose their reporter's
// identity and files (the erasure "hapus data saya" uses), drafts left DRAFT_RETENTION_DAYS after they expired are
// dropped, chats that hold no ticket inside retention and were quiet for RETENTION_DAYS are erased, erased chats are
// finished once their last message left, and the files all of them queued are deleted. Idempotent; the clock is
// injected.
import type { DispatchEvent } from '../../flows/intake-events.js';
import { EXPIRY_MS } from '../../flows/intake-timers.js';
import type { Clock, Ids } from '../clock.js';
import type { FileStore } from '../storage/file-store.js';
import type { Store } from '../storage/store.js';
import { type KnownPerson, knownMask, withComplaint } from '../tickets/identity-erasure.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import { pseudonym } from './chat-erasure.js';
import { removePendingFiles } from './file-removals.js';
import type { RetentionSettings } from './retention-settings.js';

const DAY_MS = 86_400_000;
/** How long an erased chat's last messages may wait to be sent before they are dropped (a blocked bot, a web chat). */
const SEND_GRACE_MS = 7 * DAY_MS;
/** Rows one pass handles of each kind: the next tick takes the rest. */
const BATCH = 50;
/** Conversations one pass looks at for quiet chats: the next tick goes on from there, and starts over at the end. */
const QUIET_WINDOW = 500;

export type RetentionDeps = {
  store: Store;
  tickets: TicketDesk;
  files: FileStore;
  clock: Clock;
  ids: Ids;
  settings: RetentionSettings;
  /** The runtime's door into a conversation (a `draft.expired` event goes through the flow). */
  dispatch: (conversationId: number, event: DispatchEvent) => unknown;
};

export class Retention {
  /** The last conversation the quiet-chat look went through (0: from the beginning). */
  private quietAfter = 0;

  constructor(private readonly deps: RetentionDeps) {}

  /**
   * One pass: what it erased (tickets), dropped (drafts) and finished (erased chats). The files its erasures queued,
   * and any a crash left queued, are deleted last.
   */
  sweep(): { tickets: number; drafts: number; chats: number } {
    const now = this.deps.clock.now();
    const tickets = this.closedTickets(now);
    const drafts = this.expiredDrafts(now);
    this.quietChats(now);
    const { store } = this.deps;
    const chats = store.tx(() => store.erasure.finishChats(now, SEND_GRACE_MS, BATCH));
    removePendingFiles(store, this.deps.files);
    return { tickets, drafts, chats };
  }

  /** Closed tickets past RETENTION_DAYS: identity and files erased, and what their chat still holds of it. */
  private closedTickets(now: number): number {
    const { store } = this.deps;
    const cutoff = now - this.deps.settings.days * DAY_MS;
    const due = store.erasure.closedBefore(cutoff, BATCH);
    if (due.length === 0) return 0;
    const files: string[] = [];
    store.tx(() => {
      let chats = 0;
      for (const ticket of due) {
        const conv = ticket.conversationId === null ? null : store.conversations.get(ticket.conversationId);
        const c = store.tickets.complaint(ticket.id);
        const known = withComplaint(
          { names: [], niks: [], phones: [], addresses: conv ? [conv.chatId] : [] },
          c ?? { name: null, nik: null, phone: null },
        );
        files.push(...this.deps.tickets.eraseIdentity(ticket.id, 'retention', known, now));
        if (conv) chats += this.afterTicket(conv.id, known, cutoff, now, files);
      }
      store.audit.record({
        at: now,
        actor: 'system',
        type: 'retention.erased',
        data: { tickets: due.map((ticket) => ticket.number), files: files.length, chats },
      });
    });
    return due.length;
  }

  /**
   * The chat of an erased ticket: erased too when it follows no other ticket and was quiet for RETENTION_DAYS, else
   * what it sent and was sent is masked of the person. 1 when the chat was erased.
   */
  private afterTicket(
    conversationId: number,
    known: KnownPerson,
    cutoff: number,
    now: number,
    files: string[],
  ): number {
    const { store, ids } = this.deps;
    const facts = store.erasure.chatFacts(conversationId, cutoff);
    if (!facts || facts.erased) return 0;
    if (facts.tickets === 0 && facts.quiet) {
      const chat = store.erasure.eraseChat(
        conversationId,
        pseudonym(ids, conversationId),
        knownMask(known),
        now,
        'retention',
      );
      files.push(...chat.files);
      return 1;
    }
    store.erasure.maskChat(conversationId, knownMask(known));
    return 0;
  }

  /**
   * Drafts paused on their expiry for DRAFT_RETENTION_DAYS: the flow drops the draft, its messages and files go; a
   * chat that never filed a ticket is erased whole.
   */
  private expiredDrafts(now: number): number {
    const { store, ids } = this.deps;
    const due = store.erasure.expiredDrafts(now - this.deps.settings.draftDays * DAY_MS - EXPIRY_MS, BATCH);
    if (due.length === 0) return 0;
    const files: string[] = [];
    store.tx(() => {
      for (const id of due) {
        this.deps.dispatch(id, { type: 'draft.expired', now });
        files.push(...store.erasure.forgetDraft(id, now));
        const facts = store.erasure.chatFacts(id, now);
        const conv = store.conversations.get(id);
        if (conv && facts && facts.tickets === 0 && !facts.erased) {
          const mask = knownMask({ names: [], niks: [], phones: [], addresses: [conv.chatId] });
          files.push(...store.erasure.eraseChat(id, pseudonym(ids, id), mask, now, 'draft').files);
        }
      }
      store.audit.record({
        at: now,
        actor: 'system',
        type: 'retention.drafts',
        data: { conversations: due.length, files: files.length },
      });
    });
    return due.length;
  }

  /**
   * Chats that hold no ticket inside retention (their tickets erased, or none filed) and whose citizen last wrote
   * RETENTION_DAYS ago: erased whole (address, messages both ways, draft, files), as "hapus data saya" erases a chat.
   * A chat still talking when its tickets were erased was only masked then; it is reached here once it fell quiet.
   * One window of conversations per pass, so the look costs the same however many chats there are.
   */
  private quietChats(now: number): void {
    const { store, ids } = this.deps;
    const cutoff = now - this.deps.settings.days * DAY_MS;
    const { quiet, last } = store.quietChats.window(this.quietAfter, QUIET_WINDOW, cutoff);
    this.quietAfter = last ?? 0;
    if (quiet.length === 0) return;
    store.tx(() => {
      let files = 0;
      for (const chat of quiet) {
        const mask = knownMask({ names: [], niks: [], phones: [], addresses: [chat.chatId] });
        const erased = store.erasure.eraseChat(chat.id, pseudonym(ids, chat.id), mask, now, 'retention');
        files += erased.files.length;
      }
      store.audit.record({
        at: now,
        actor: 'system',
        type: 'retention.chats',
        data: { conversations: quiet.length, files },
      });
    });
  }
}
