// The runtime: an inbound message or a dispatched event → flow step → ONE transaction with every row it implies.
import type { Effect } from '../../flows/effects.js';
import type { DispatchEvent, IntakeEvent } from '../../flows/intake-events.js';
import { DEFAULT_FLOW } from '../../flows/registry.js';
import type { Clock, Ids } from '../clock.js';
import { type AttachmentRef, ChannelId } from '../domain/complaint.js';
import type { Lang, OutboundFile, RenderedMessage, ReplyEffect } from '../domain/reply.js';
import { renderReply } from '../i18n/locales.js';
import type { RoutingPort } from '../ports/routing.js';
import type { FileStore } from '../storage/file-store.js';
import type { Store } from '../storage/store.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import type { PinResult } from '../understand/geo.js';
import { eraseChatData, erasedMessage } from './chat-erasure.js';
import { removePendingFiles } from './file-removals.js';
import { type HandoffSettings, handoffTimer, handoffTurn, openHandoff } from './handoff-hold.js';
import { storeMedia } from './inbound-media.js';
import type { InboundMessage } from './inbound.js';
import { type LoadedConversation, toLoaded } from './loaded-conversation.js';
import { MAX_TEXT, answering, chatTickets, eventFor, messageText, readMessage } from './message-event.js';
import { messageNotices } from './message-notices.js';
import { myDataMessage } from './my-data-reply.js';
import { DEFAULT_RETENTION, type RetentionSettings } from './retention-settings.js';
import { statusMessage } from './status-reply.js';

/** A message queued to a chat; `claimedUntil` when it was written already claimed for the sender (see `claimUntil`). */
export type Outgoing = {
  id: number;
  channel: string;
  chatId: string;
  message: RenderedMessage;
  claimedUntil?: number;
};

/**
 * One transaction's decision, per chat, whether its messages are written already claimed: taken at its first message,
 * so a step's later replies follow the first instead of waiting behind it.
 */
type Claims = Map<string, number | null>;

/** What a commit queued: messages to these chats, and whether ticket deliveries too. */
export type Queued = { outgoing: readonly Outgoing[]; deliveries: boolean };

export type HandleResult = { duplicate: boolean; conversationId: number | null; outgoing: Outgoing[] };

/** Takes one inbound message to its commit: the runtime's `handle`, or a pipeline stage wrapped around it. */
export type Handle = (message: InboundMessage) => HandleResult;

/** Named points where a crash test may kill the process. */
export type FaultPoint = 'after_commit' | 'before_commit' | 'mid_send' | 'mid_delivery';

export type RuntimeDeps = {
  store: Store;
  files: FileStore;
  clock: Clock;
  ids: Ids;
  /** The one writer of ticket state: the runtime files, appends and withdraws through it. */
  tickets: TicketDesk;
  /** Locates a pin: the operator's boundary polygons when configured, the embedded centroids otherwise. */
  locate?: (lat: number, lon: number) => PinResult;
  /** Where complaints go (the agency directory and its rules). */
  routing: RoutingPort;
  /** A chat handed to a person: how long an untaken one waits, and the offices' hours. */
  handoff: HandoffSettings;
  /** The public status page (`${PUBLIC_BASE_URL}/status`) the receipt names, when the server has a public address. */
  statusUrl?: string | null;
  /** Called after each commit that queued messages or ticket deliveries, so senders and forwarders wake up. */
  onQueued?: (queued: Queued) => void;
  /**
   * Whether the sender would send a message to this chat as soon as it is committed, and the lease to claim it with:
   * such a message is written already claimed and handed over by `onQueued`, saving the sender a write and a commit.
   * Null: it is written pending (the sender is busy with the chat, held back by a limit, or not connected).
   */
  claimUntil?: (channel: string, chatId: string) => number | null;
  /** How long data is kept, as "data saya" and "hapus data saya" tell the citizen. */
  retention?: RetentionSettings;
  fault?: (point: FaultPoint) => void;
};

/**
 * What one transaction queued besides messages, set by the effects it applied: ticket deliveries, and the files whose
 * rows an erasure deleted (each deleted after the commit unless another row still uses it).
 */
type Commit = { deliveries: boolean; files: string[] };

export class Runtime {
  constructor(private readonly deps: RuntimeDeps) {}

  /**
   * Registers what follows the commit of the transaction in progress (or the group or outer transaction it is part
   * of): its files deleted, the senders and forwarders woken. Nothing leaves the process before the rows are durable.
   */
  private afterCommit(outgoing: readonly Outgoing[], commit: Commit): void {
    const { store } = this.deps;
    store.afterCommit(() => {
      // The senders first: a file that cannot be deleted now (retention retries it) must not hold back a reply.
      if (outgoing.length > 0 || commit.deliveries) {
        this.deps.onQueued?.({ outgoing, deliveries: commit.deliveries });
      }
      if (commit.files.length > 0) removePendingFiles(store, this.deps.files);
    });
  }

  /**
   * Handles one inbound message. Synchronous, so one chat's messages are processed strictly in order. Committed when
   * it returns, or with the group commit it runs in (`store.txGrouped`): nothing is sent before that commit.
   */
  handle(msg: InboundMessage): HandleResult {
    const { store, clock } = this.deps;
    const now = clock.now();
    const commit: Commit = { deliveries: false, files: [] };
    const text = messageText(msg).replace(/\u0000/g, '');
    const clipped = text.length > MAX_TEXT;
    const files = storeMedia(this.deps.files, msg);
    return store.tx((): HandleResult => {
      const r = this.step(msg, text, clipped, files, now, commit);
      if (!r.duplicate) {
        store.afterCommit(() => this.deps.fault?.('after_commit'));
        this.afterCommit(r.outgoing, commit);
      }
      return r;
    });
  }

  /** The inside of `handle`'s transaction. */
  private step(
    msg: InboundMessage,
    text: string,
    clipped: boolean,
    files: ReturnType<typeof storeMedia>,
    now: number,
    commit: Commit,
  ): HandleResult {
    const { store } = this.deps;
    const conv = store.conversations.findOrCreate(
      msg.channel,
      msg.chatId,
      DEFAULT_FLOW.id,
      DEFAULT_FLOW.version,
      now,
    );
    const attachments: AttachmentRef[] = files.accepted.map((f) => ({
      id: this.deps.ids.id(),
      kind: f.kind,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
    }));
    const { body, content, kind } = readMessage(
      msg,
      text,
      attachments,
      files.rejected.length,
      this.deps.locate,
    );
    const loaded = toLoaded(conv);
    const inboundId = store.inbound.record(msg.channel, msg.messageId, conv.id, now, kind, {
      text: body.text,
      attachments: attachments.map((a) => a.id),
      location: body.location,
      answers: answering(loaded.stored),
      ...(msg.edits ? { edits: msg.edits } : {}),
    });
    if (inboundId === null) return { duplicate: true, conversationId: conv.id, outgoing: [] };
    if (msg.answeredByChannel) return { duplicate: false, conversationId: conv.id, outgoing: [] };
    const claims: Claims = new Map();
    // The citizen writes again, so they no longer block the bot: their held messages go out first, in order.
    store.chatBlocks.clear(msg.channel, msg.chatId);
    for (const [i, a] of attachments.entries()) {
      const f = files.accepted[i];
      store.attachments.add({ ...a, filename: f?.filename ?? null }, conv.id, now);
    }
    const lang = conv.lang;
    const pre = messageNotices(lang, msg, clipped, files.rejected, this.deps.files.limits.maxBytes);
    // Nothing the flow can use (a kind of message Aduan cannot read): only the notices go out.
    if (!content && files.rejected.length === 0 && (msg.notices?.length ?? 0) > 0) {
      const outgoing = pre.map((m) => this.queue(conv, inboundId, m, now, claims));
      return { duplicate: false, conversationId: conv.id, outgoing };
    }
    // At rest after filing, what the citizen writes goes to one of the chat's tickets: the flow is told which are
    // open and which one the platform says this replies to.
    if (loaded.stored?.value === 'submitted') body.tickets = chatTickets(store, conv.id, msg.replyTo);
    // Handed to a person: the message waits for the officer (only an emergency is answered), unless it ends that.
    const turn = handoffTurn(store, conv.id, eventFor(store.inbound, msg, body, loaded, now));
    if (turn.kind === 'held') {
      const held = [...pre, ...turn.replies.map((r) => renderReply(lang, r))];
      const outgoing = held.map((m) => this.queue(conv, inboundId, m, now, claims));
      return { duplicate: false, conversationId: conv.id, outgoing };
    }
    const outgoing = this.run(loaded, turn.event, inboundId, pre, commit, claims);
    this.deps.fault?.('before_commit');
    return { duplicate: false, conversationId: conv.id, outgoing };
  }

  /** Whether a message with this key was already committed (a redelivery: its files need not be fetched again). */
  seen(channel: string, messageId: string): boolean {
    return this.deps.store.inbound.has(channel, messageId);
  }

  /**
   * Runs an event that is not a citizen's message in a conversation (a due deadline; next, an officer's status change
   * or reply): the same path as a message — load, pure step, one transaction, outbox — and, being synchronous, in
   * order with everything else in that chat. A timer whose deadline is not (or no longer) due is dropped. An
   * officer's `files` go with the message about the event's ticket (or the first message when none names it).
   */
  dispatch(conversationId: number, event: DispatchEvent, files: readonly OutboundFile[] = []): Outgoing[] {
    const { store } = this.deps;
    const commit: Commit = { deliveries: false, files: [] };
    const out = store.tx(() => {
      const conv = store.conversations.get(conversationId);
      if (!conv) return [];
      if (event.type === 'timer' && (conv.nextDeadlineAt === null || conv.nextDeadlineAt > event.now))
        return [];
      const held =
        event.type === 'timer' ? handoffTimer(store, conv.id, event.now) : { kind: 'free' as const };
      if (held.kind === 'held') return [];
      const out = this.run(
        toLoaded(conv),
        held.kind === 'flow' ? held.event : event,
        null,
        [],
        commit,
        new Map(),
        files,
      );
      this.afterCommit(out, commit);
      return out;
    });
    return out;
  }

  /** Fires the stored deadlines that are due (reminders, expiry, the story's quiet time), each through `dispatch`. */
  fireDue(limit = 200): Outgoing[] {
    const now = this.deps.clock.now();
    return this.deps.store.conversations
      .dueIds(now, limit)
      .flatMap((id) => this.dispatch(id, { type: 'timer', now }));
  }

  /** Steps the flow, applies its effects, and saves; inside the caller's transaction. */
  private run(
    conv: LoadedConversation,
    event: IntakeEvent,
    inboundId: number | null,
    pre: RenderedMessage[],
    commit: Commit,
    claims: Claims,
    files: readonly OutboundFile[] = [],
  ): Outgoing[] {
    const { store } = this.deps;
    const now = event.now;
    const input = { channel: parseChannel(conv.channel), now };
    let result = conv.flow.step(conv.stored, event, input);
    const queue = (m: RenderedMessage, ticket?: string): Outgoing =>
      this.queue(conv, inboundId, m, now, claims, ticket);
    const out: Outgoing[] = pre.map((m) => queue(m));
    let effects = result.effects;
    const withFiles = filesTarget(effects, event);
    // Effects may answer the flow (a new ticket's number): loop until the flow has nothing more to say.
    for (let round = 0; round < 3 && effects.length > 0; round++) {
      const lang = result.stored.context.lang;
      const followUps: IntakeEvent[] = [];
      for (const effect of effects) {
        if (effect.type === 'reply') {
          const message = renderReply(lang, effect);
          out.push(
            queue(
              effect === withFiles && files.length > 0 ? { ...message, files: [...files] } : message,
              effect.ticket,
            ),
          );
        } else {
          const answer = this.apply(effect, conv, lang, now, commit);
          if (answer && 'message' in answer) out.push(queue(answer.message));
          else if (answer) followUps.push(answer.event);
        }
      }
      effects = [];
      for (const e of followUps) {
        result = conv.flow.step(result.stored, e, input);
        effects.push(...result.effects);
      }
    }
    // While a person has the chat, its deadline is the hand-off's (none once taken), not the flow's.
    const live = store.handoffs.live(conv.id);
    store.conversations.save(
      conv.id,
      {
        version: result.stored.version,
        state: result.stored.value,
        snapshot: result.stored,
        nextDeadlineAt: live ? live.expiresAt : result.nextDeadline,
        lang: result.stored.context.lang,
      },
      now,
    );
    return out;
  }

  private queue(
    conv: { id: number; channel: string; chatId: string },
    inboundId: number | null,
    message: RenderedMessage,
    now: number,
    claims: Claims,
    ticket?: string,
  ): Outgoing {
    const { channel, chatId } = conv;
    const { outbox } = this.deps.store;
    const key = chatKey(channel, chatId);
    let until = claims.get(key);
    if (until === undefined) {
      // The sender is asked first: when it cannot take the chat now, the read is saved.
      until = this.deps.claimUntil?.(channel, chatId) ?? null;
      if (until !== null && outbox.mustWait({ channel, chatId })) until = null;
      claims.set(key, until);
    }
    const id = outbox.add(conv.id, channel, chatId, inboundId, message, now, ticket ?? null, until);
    return until === null
      ? { id, channel, chatId, message }
      : { id, channel, chatId, message, claimedUntil: until };
  }

  private apply(
    effect: Exclude<Effect, { type: 'reply' }>,
    conv: LoadedConversation,
    lang: Lang,
    now: number,
    commit: Commit,
  ): { event: IntakeEvent } | { message: RenderedMessage } | null {
    const { store } = this.deps;
    switch (effect.type) {
      case 'route': {
        const d = this.deps.routing.route(effect.query);
        const route = {
          agencyId: d.agencyId,
          agencyName: this.deps.routing.shortName(d.agencyId) ?? d.agencyName,
          reason: this.deps.routing.explain(d.why, 'id'),
          offerEscalation: d.offerEscalation,
          fallback: d.fallback,
        };
        return { event: { type: 'routed', now, route } };
      }
      case 'submit': {
        const filed = this.deps.tickets.file(effect.complaint, conv.id, effect.allowDuplicate, now);
        if (filed.kind === 'duplicate')
          return { event: { type: 'ticket.duplicate', now, ticket: filed.ticket } };
        if (filed.deliveries > 0) commit.deliveries = true;
        const { ticket, verifyDue, due, days, agency, heldBy, pin } = filed;
        const statusUrl = this.deps.statusUrl ?? null;
        const created = { ticket, verifyDue, due, days, agency, heldBy, pin, statusUrl };
        return { event: { type: 'ticket.created', now, ...created } };
      }
      case 'append':
        this.deps.tickets.append(conv.id, effect.ticket, effect.text, effect.attachments, now);
        return null;
      case 'withdraw':
        this.deps.tickets.withdraw(conv.id, effect.ticket, now);
        return null;
      case 'reopen':
        this.deps.tickets.reopen(conv.id, effect.ticket, now);
        return null;
      case 'rate':
        this.deps.tickets.rate(conv.id, effect.ticket, effect.score, effect.comment, now);
        return null;
      case 'identity':
        this.deps.tickets.answerIdentity(conv.id, effect.ticket, effect.given, now);
        return null;
      case 'status':
        return { message: statusMessage(store, conv.id, effect.ticket, lang) };
      case 'forget': {
        store.inbound.forget(conv.id);
        const gone = store.attachments.forgetUnlinked(conv.id);
        store.fileRemovals.queue(gone, 'consent', now);
        commit.files.push(...gone);
        store.audit.record({ at: now, actor: 'citizen', type: 'consent.refused', conversationId: conv.id });
        return null;
      }
      case 'handoff':
        return { event: openHandoff(store, this.deps.handoff, conv.id, now) };
      case 'my_data':
        return { message: myDataMessage(store, conv, effect.draft, lang, this.retention()) };
      case 'erase': {
        const done = eraseChatData(this.deps, conv, effect.known, now);
        commit.files.push(...done.files);
        return { message: erasedMessage(lang, done, this.retention()) };
      }
    }
  }

  private retention(): RetentionSettings {
    return this.deps.retention ?? DEFAULT_RETENTION;
  }

  /** An officer's words to a chat handed to them (rendered in the chat's language), in one transaction. */
  tell(conversationId: number, reply: ReplyEffect): Outgoing[] {
    const { store, clock } = this.deps;
    const out = store.tx(() => {
      const conv = store.conversations.get(conversationId);
      if (!conv) return [];
      const message = renderReply(conv.lang, reply);
      const out = [this.queue(conv, null, message, clock.now(), new Map())];
      this.afterCommit(out, { deliveries: false, files: [] });
      return out;
    });
    return out;
  }
}

/** The reply an officer's files go with: the first one about the event's ticket, else the first reply. */
function filesTarget(effects: readonly Effect[], event: IntakeEvent): Effect | undefined {
  const ticket = event.type === 'ticket.update' || event.type === 'ticket.reply' ? event.ticket : null;
  const replies = effects.filter((e) => e.type === 'reply');
  return replies.find((e) => ticket !== null && e.ticket === ticket) ?? replies[0];
}

function chatKey(channel: string, chatId: string): string {
  return `${channel}\u0000${chatId}`;
}

function parseChannel(channel: string): ChannelId {
  const r = ChannelId.safeParse(channel);
  return r.success ? r.data : 'web';
}
