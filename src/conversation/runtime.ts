// The runtime: an inbound message or a dispatched event → flow step → ONE transaction with every row it implies.
import { z } from 'zod';
import type { Effect } from '../../flows/effects.js';
import { type MessageBody, StoredSnapshot } from '../../flows/index.js';
import { Field } from '../../flows/intake-context.js';
import type { ChatTickets, DispatchEvent, EditTarget, IntakeEvent } from '../../flows/intake-events.js';
import { DEFAULT_FLOW, type FlowDefinition, flowOf } from '../../flows/registry.js';
import type { Clock, Ids } from '../clock.js';
import { type AttachmentRef, ChannelId, type Complaint } from '../domain/complaint.js';
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { witaDate } from '../domain/wita.js';
import { renderReply, t } from '../i18n/locales.js';
import type { RoutingPort } from '../ports/routing.js';
import type { ConversationRow } from '../storage/conversations.js';
import type { FileStore } from '../storage/file-store.js';
import { sniffMime } from '../storage/file-type.js';
import type { Store } from '../storage/store.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import { isOpen } from '../tickets/transitions.js';
import { findCoordinates } from '../understand/coordinates.js';
import { type PinResult, locatePin } from '../understand/geo.js';
import { parsePhone } from '../understand/phone.js';
import type { InboundMessage } from './inbound.js';

export type Outgoing = { id: number; channel: string; chatId: string; message: RenderedMessage };

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
  /** Called after each commit that queued messages or ticket deliveries, so senders and forwarders wake up. */
  onQueued?: (queued: Queued) => void;
  fault?: (point: FaultPoint) => void;
};

const MAX_TEXT = 4000;

/** What one transaction queued besides messages: set by the effects it applied. */
type Commit = { deliveries: boolean };

type LoadedConversation = {
  id: number;
  flow: FlowDefinition;
  stored: StoredSnapshot | null;
  channel: string;
  chatId: string;
};

export class Runtime {
  constructor(private readonly deps: RuntimeDeps) {}

  private notify(outgoing: readonly Outgoing[], commit: Commit): void {
    if (outgoing.length > 0 || commit.deliveries) {
      this.deps.onQueued?.({ outgoing, deliveries: commit.deliveries });
    }
  }

  /** Handles one inbound message. Synchronous, so one chat's messages are processed strictly in order. */
  handle(msg: InboundMessage): HandleResult {
    const { store, clock } = this.deps;
    const now = clock.now();
    const commit: Commit = { deliveries: false };
    const text = messageText(msg).replace(/\u0000/g, '');
    const clipped = text.length > MAX_TEXT;
    const files = this.storeFiles(msg);
    const result = store.tx((): HandleResult => {
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
      const own = msg.contact !== undefined && msg.contact.own !== false;
      // Coordinates typed into the text ("-3.3190, 114.6170", "3°19'S 114°37'E") are a location, as a pin is.
      const point = msg.location ?? findCoordinates(text.slice(0, MAX_TEXT)) ?? undefined;
      const body: MessageBody = {
        text: text.slice(0, MAX_TEXT),
        attachments,
        location: point ?? null,
        pin: point ? (this.deps.locate ?? locatePin)(point.lat, point.lon) : null,
        contactPhone: own ? (msg.contact?.phone ?? null) : null,
        channelPhone: msg.channelPhone ? (parsePhone(msg.channelPhone).ok ? msg.channelPhone : null) : null,
        ...(msg.forwarded || (msg.contact && !own) ? { foreign: true } : {}),
      };
      const loaded = toLoaded(conv);
      const content = body.text.trim() !== '' || attachments.length > 0 || !!point || own;
      const kind = msg.answeredByChannel
        ? 'menu'
        : !content
          ? files.rejected.length > 0
            ? 'media'
            : msg.notices?.length
              ? 'notice'
              : 'text'
          : attachments.length > 0
            ? 'media'
            : msg.location
              ? 'location'
              : own
                ? 'contact'
                : 'text';
      const inboundId = store.inbound.record(msg.channel, msg.messageId, conv.id, now, kind, {
        text: body.text,
        attachments: attachments.map((a) => a.id),
        location: body.location,
        answers: answering(loaded.stored),
        ...(msg.edits ? { edits: msg.edits } : {}),
      });
      if (inboundId === null) return { duplicate: true, conversationId: conv.id, outgoing: [] };
      if (msg.answeredByChannel) return { duplicate: false, conversationId: conv.id, outgoing: [] };
      // The citizen writes again, so they no longer block the bot: their held messages go out first, in order.
      store.chatBlocks.clear(msg.channel, msg.chatId);
      for (const [i, a] of attachments.entries()) {
        const f = files.accepted[i];
        store.attachments.add({ ...a, filename: f?.filename ?? null }, conv.id, now);
      }
      const lang = conv.lang;
      const pre: RenderedMessage[] = [];
      const notice = (text: string): RenderedMessage => ({ text, choices: [], expecting: 'none' });
      for (const n of msg.notices ?? []) pre.push(notice(t(lang, n.key, n.vars ?? {})));
      if (clipped) pre.push(notice(t(lang, 'error.too_long')));
      for (const r of files.rejected) {
        pre.push(
          notice(
            t(lang, 'error.attachment', {
              name: r.filename ?? r.kind,
              reason: { key: `error.attachment.reason.${r.reason}` },
              max: Math.round(this.deps.files.limits.maxBytes / 1048576),
            }),
          ),
        );
      }
      // Nothing the flow can use (a kind of message Aduan cannot read): only the notices go out.
      if (!content && files.rejected.length === 0 && (msg.notices?.length ?? 0) > 0) {
        const outgoing = pre.map((m) => this.queue(conv.id, conv.channel, conv.chatId, inboundId, m, now));
        return { duplicate: false, conversationId: conv.id, outgoing };
      }
      // At rest after filing, what the citizen writes goes to one of the chat's tickets: the flow is told which are
      // open and which one the platform says this replies to.
      if (loaded.stored?.value === 'submitted') body.tickets = this.chatTickets(conv.id, msg.replyTo);
      const event = this.eventFor(msg, body, loaded, now);
      const outgoing = this.run(loaded, event, inboundId, pre, commit);
      this.deps.fault?.('before_commit');
      return { duplicate: false, conversationId: conv.id, outgoing };
    });
    if (!result.duplicate) {
      this.deps.fault?.('after_commit');
      this.notify(result.outgoing, commit);
    }
    return result;
  }

  /** The chat's open tickets (newest first) and the one the replied-to message was about. */
  private chatTickets(conversationId: number, replyTo: string | undefined): ChatTickets {
    const { store } = this.deps;
    const open = store.tickets
      .listForChat(conversationId)
      .filter((t) => isOpen(t.status))
      .map((t) => ({ number: t.number, category: t.category, status: t.status }));
    const replied = replyTo ? store.outbox.ticketOfReply(conversationId, replyTo) : null;
    return { replied, open };
  }

  /** Whether a message with this key was already committed (a redelivery: its files need not be fetched again). */
  seen(channel: string, messageId: string): boolean {
    return this.deps.store.inbound.has(channel, messageId);
  }

  /**
   * The flow event for a message: an edit of a message the conversation answered is a correction of that answer;
   * an edit before anything was asked (or of a message never seen) is an ordinary message.
   */
  private eventFor(
    msg: InboundMessage,
    body: MessageBody,
    conv: LoadedConversation,
    now: number,
  ): IntakeEvent {
    const state = conv.stored?.value ?? 'idle';
    if (msg.edits === undefined || state === 'idle' || state === 'declined')
      return conv.flow.classify(body, now);
    const original = this.deps.store.inbound.find(msg.channel, msg.edits);
    const known = original !== null && original.conversationId === conv.id;
    const recorded = known ? OriginalBody.safeParse(original.body) : null;
    const target = recorded?.success ? (recorded.data.answers ?? 'note') : 'note';
    // An edit of an edited message replaces what the citizen last saw there: the latest edit's text.
    const before = known
      ? this.deps.store.inbound.lastEditText(conv.id, msg.channel, msg.edits, msg.messageId)
      : null;
    return {
      type: 'edit',
      now,
      target,
      text: body.text,
      original: before ?? (recorded?.success ? (recorded.data.text ?? null) : null),
      state,
    };
  }

  /**
   * Runs an event that is not a citizen's message in a conversation (a due deadline; next, an officer's status change
   * or reply): the same path as a message — load, pure step, one transaction, outbox — and, being synchronous, in
   * order with everything else in that chat. A timer whose deadline is not (or no longer) due is dropped.
   */
  dispatch(conversationId: number, event: DispatchEvent): Outgoing[] {
    const { store } = this.deps;
    const commit: Commit = { deliveries: false };
    const out = store.tx(() => {
      const conv = store.conversations.get(conversationId);
      if (!conv) return [];
      if (event.type === 'timer' && (conv.nextDeadlineAt === null || conv.nextDeadlineAt > event.now))
        return [];
      return this.run(toLoaded(conv), event, null, [], commit);
    });
    this.notify(out, commit);
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
  ): Outgoing[] {
    const { store } = this.deps;
    const now = event.now;
    const input = { channel: parseChannel(conv.channel), now };
    let result = conv.flow.step(conv.stored, event, input);
    const queue = (m: RenderedMessage, ticket?: string): Outgoing =>
      this.queue(conv.id, conv.channel, conv.chatId, inboundId, m, now, ticket);
    const out: Outgoing[] = pre.map((m) => queue(m));
    let effects = result.effects;
    // Effects may answer the flow (a new ticket's number): loop until the flow has nothing more to say.
    for (let round = 0; round < 3 && effects.length > 0; round++) {
      const lang = result.stored.context.lang;
      const followUps: IntakeEvent[] = [];
      for (const effect of effects) {
        if (effect.type === 'reply') out.push(queue(renderReply(lang, effect), effect.ticket));
        else {
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
    store.conversations.save(
      conv.id,
      {
        version: result.stored.version,
        state: result.stored.value,
        snapshot: result.stored,
        nextDeadlineAt: result.nextDeadline,
        lang: result.stored.context.lang,
      },
      now,
    );
    return out;
  }

  private queue(
    conversationId: number,
    channel: string,
    chatId: string,
    inboundId: number | null,
    message: RenderedMessage,
    now: number,
    ticket?: string,
  ): Outgoing {
    const id = this.deps.store.outbox.add(
      conversationId,
      channel,
      chatId,
      inboundId,
      message,
      now,
      ticket ?? null,
    );
    return { id, channel, chatId, message };
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
          reason: d.reason,
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
        const { ticket, due, days, agency, heldBy } = filed;
        return { event: { type: 'ticket.created', now, ticket, due, days, agency, heldBy } };
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
      case 'status':
        return { message: this.statusMessage(conv.id, effect.ticket, lang) };
      case 'forget':
        store.inbound.forget(conv.id);
        store.attachments.forgetUnlinked(conv.id);
        store.audit.record({ at: now, actor: 'citizen', type: 'consent.refused', conversationId: conv.id });
        return null;
    }
  }

  private statusMessage(conversationId: number, number: string | null, lang: Lang): RenderedMessage {
    const { store } = this.deps;
    const date = (ms: number) => ({
      date: witaDate(ms),
      precision: 'day' as const,
    });
    const msg = (text: string): RenderedMessage => ({ text, choices: [], expecting: 'none' });
    if (number) {
      const ticket = store.tickets.findForChat(conversationId, number);
      if (!ticket) return msg(t(lang, 'status.unknown', { ticket: number }));
      return msg(
        t(lang, 'status.one', {
          ticket: ticket.number,
          status: { key: `ticket.status.${ticket.status}` },
          date: date(ticket.createdAt),
          category: { key: `category.${ticket.category}` },
          due: { date: ticket.dueDate, precision: 'day' },
        }),
      );
    }
    const list = store.tickets.listForChat(conversationId);
    if (list.length === 0) return msg(t(lang, 'status.none'));
    const lines = list.map((tk) =>
      t(lang, 'status.item', {
        ticket: tk.number,
        date: date(tk.createdAt),
        status: { key: `ticket.status.${tk.status}` },
        category: { key: `category.${tk.category}` },
      }),
    );
    return msg([t(lang, 'status.title'), ...lines].join('\n'));
  }

  private storeFiles(msg: InboundMessage) {
    const accepted: {
      kind: AttachmentRef['kind'];
      mime: string;
      size: number;
      sha256: string;
      filename?: string;
    }[] = [];
    const rejected: { kind: string; filename?: string; reason: string }[] = [];
    for (const m of msg.media ?? []) {
      // The bytes say what a file is; the platform's mime type only tells an Office zip from another zip.
      const mime = sniffMime(m.data, m.mime);
      const problem = this.deps.files.check(mime, m.data);
      if (problem) {
        rejected.push({ kind: m.kind, filename: m.filename, reason: problem });
        continue;
      }
      const stored = this.deps.files.put(m.data);
      accepted.push({ kind: m.kind, mime, ...stored, filename: m.filename });
    }
    return { accepted, rejected };
  }
}

/** What an edit reads back from the message it edits. */
const OriginalBody = z.object({
  text: z.string().optional(),
  answers: z.union([Field, z.enum(['note', 'ticket'])]).optional(),
});

/** What a message arriving now answers, from where the conversation stands: recorded for a later edit of it. */
function answering(stored: StoredSnapshot | null): EditTarget {
  const value = stored?.value ?? 'idle';
  if (value === 'asking') {
    const ctx = stored?.context;
    const field = ctx && typeof ctx === 'object' && 'field' in ctx ? Field.safeParse(ctx.field) : null;
    return field?.success ? field.data : 'note';
  }
  if (value === 'story' || value === 'guess' || value === 'guessFix') return 'story';
  if (value === 'submitted' || value === 'afterSubmit' || value === 'withdrawConfirm') return 'ticket';
  return 'note';
}

/** The text the flow reads: what was typed, or what a place or someone else's contact card says. */
function messageText(msg: InboundMessage): string {
  if (msg.text?.trim()) return msg.text;
  if (msg.location && msg.place) return [msg.place.name, msg.place.address].filter(Boolean).join(', ');
  if (msg.contact && msg.contact.own === false) {
    return [msg.contact.name, msg.contact.phone].filter(Boolean).join(' ');
  }
  return msg.text ?? '';
}

function toLoaded(conv: ConversationRow): LoadedConversation {
  return {
    id: conv.id,
    flow: flowOf(conv.flow),
    stored: conv.snapshot === null ? null : parseStored(conv.snapshot),
    channel: conv.channel,
    chatId: conv.chatId,
  };
}

function parseStored(raw: unknown): StoredSnapshot | null {
  const r = StoredSnapshot.safeParse(raw);
  return r.success ? r.data : null;
}

function parseChannel(channel: string): ChannelId {
  const r = ChannelId.safeParse(channel);
  return r.success ? r.data : 'web';
}
