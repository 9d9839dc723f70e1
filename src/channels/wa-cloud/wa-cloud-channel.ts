// The WhatsApp Cloud API channel: signed webhooks in, Graph API messages out, and the 24-hour window rule.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { Clock } from '../../clock.js';
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import type { FileSending } from '../../outbox/file-delivery.js';
import type { ChannelState, SendResult } from '../../outbox/outbound-channel.js';
import type { WaCloudStore } from '../../ports/wa-cloud-chat-store.js';
import type { OnStatus } from '../../ports/wa-message-status.js';
import type { ChannelAdapter, Deliver, Seen } from '../channel.js';
import { type Downloaded, GraphClient } from './graph-client.js';
import { GraphError, isAuthFailure, isRateLimited, isWindowClosed, toSendError } from './graph-errors.js';
import { type GraphBody, envelope } from './graph-payloads.js';
import { interpret } from './inbound-message.js';
import { isPaged, renderMenuPage, renderMessage } from './render-message.js';
import type { WaCloudConfig } from './wa-cloud-config.js';
import { waCloudFiles } from './wa-cloud-files.js';
import type { WaMessage } from './webhook-payload.js';
import { type WaCloudLog, webhookRoutes } from './webhook.js';

const HOUR = 60 * 60_000;

export type WaCloudChannelOptions = {
  config: WaCloudConfig;
  /** Per-chat memory: last inbound time, held messages and templates, the last long menu. */
  store: WaCloudStore;
  clock: Clock;
  /** Delivery statuses (sent/delivered/read/failed) of the messages this channel sent. */
  onStatus?: OnStatus;
  log?: WaCloudLog;
  /** The chat's language for the channel's own words (list button, "more choices", notices); default id. */
  langOf?: (chatId: string) => Lang;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Media larger than this are not downloaded; the citizen is told the limit. Default 10 MB. */
  maxMediaBytes?: number;
  /** Per Graph API request. Default 15 s. */
  timeoutMs?: number;
  /**
   * How long after the citizen's last message free-form messages are still sent. Default 23 h 50 min: WhatsApp
   * allows 24 h, the margin covers the outbox's queueing and clock skew.
   */
  windowMs?: number;
};

const silent: WaCloudLog = { warn: () => {}, error: () => {} };

/**
 * Outbound: `send()` renders the message (buttons, lists, split text) and posts it while the 24-hour window is
 * open. When it is closed (or unknown), the message is HELD in the store and the approved template goes out
 * instead, at most once per day of silence; the send counts as done (platformMessageId = the template's wamid).
 * When the citizen writes again, held messages are sent first, oldest first, before anything else.
 *
 * Inbound: the webhook verifies the signature, downloads media, answers "more choices" taps itself, and hands
 * everything else to `deliver`; it answers 200 only once all of a body's messages are committed.
 *
 * Sends and webhook work for one chat run one at a time (an in-process queue per chat), so held messages,
 * replies and menu pages keep their order.
 */
export class WaCloudChannel implements ChannelAdapter {
  readonly channel = 'wacloud';
  private deliverTo: Deliver | null = null;
  private seen: Seen = () => false;
  private current: ChannelState = 'stopped';
  private readonly graph: GraphClient;
  private readonly log: WaCloudLog;
  private readonly windowMs: number;
  private readonly maxMediaBytes: number;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Messages sent in several parts whose send failed midway: parts already out are not sent again. */
  private readonly progress = new Map<string, number>();

  constructor(private readonly opts: WaCloudChannelOptions) {
    this.graph = new GraphClient({
      graphUrl: opts.config.graphUrl,
      phoneNumberId: opts.config.phoneNumberId,
      accessToken: opts.config.accessToken,
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
    });
    this.log = opts.log ?? silent;
    this.windowMs = opts.windowMs ?? 24 * HOUR - 10 * 60_000;
    this.maxMediaBytes = opts.maxMediaBytes ?? 10 * 1024 * 1024;
  }

  async start(deliver: Deliver, seen?: Seen): Promise<void> {
    this.deliverTo = deliver;
    if (seen) this.seen = seen;
    this.current = 'connected';
  }

  async stop(): Promise<void> {
    this.deliverTo = null;
    this.current = 'stopped';
    await Promise.allSettled([...this.queues.values()]);
  }

  state(): ChannelState {
    return this.current;
  }

  /** GET/POST /webhook, to be mounted at /channels/wacloud. */
  routes(): Hono {
    return webhookRoutes({
      appSecret: this.opts.config.appSecret,
      verifyToken: this.opts.config.verifyToken,
      phoneNumberId: this.opts.config.phoneNumberId,
      ready: () => this.deliverTo !== null,
      onMessage: (m) => this.receive(m),
      onStatus: this.opts.onStatus,
      log: this.log,
    });
  }

  send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    return this.queued(chatId, async () => {
      const now = this.opts.clock.now();
      if (!this.windowOpen(chatId, now)) return this.holdBehindTemplate(chatId, message, now);
      try {
        await this.flushHeld(chatId);
        return { platformMessageId: await this.sendFree(chatId, message) };
      } catch (err) {
        // Meta knows better than our record: the window is closed after all.
        if (isWindowClosed(err)) return this.holdBehindTemplate(chatId, message, now);
        throw toSendError(err);
      }
    });
  }

  /** Officers' files: uploaded, then sent in the chat's turn while the window is open (a link otherwise). */
  files(): FileSending {
    return waCloudFiles({
      upload: (data, mime, name) => this.graph.upload(data, mime, name),
      post: (chatId, body) => this.queued(chatId, () => this.post(chatId, body)),
      windowOpen: (chatId) => this.windowOpen(chatId, this.opts.clock.now()),
    });
  }

  // --- outbound -------------------------------------------------------------------------------------------

  private lang(chatId: string): Lang {
    return this.opts.langOf?.(chatId) ?? 'id';
  }

  private windowOpen(chatId: string, now: number): boolean {
    const last = this.opts.store.lastInbound(chatId);
    return last !== null && now - last < this.windowMs;
  }

  /** Holds the message; sends the template unless one already went out since the citizen last wrote (today). */
  private async holdBehindTemplate(
    chatId: string,
    message: RenderedMessage,
    now: number,
  ): Promise<SendResult> {
    const { store, config } = this.opts;
    const lastInbound = store.lastInbound(chatId);
    const lastTemplate = store.lastTemplate(chatId);
    const announced =
      lastTemplate !== null &&
      (lastInbound === null || lastTemplate >= lastInbound) &&
      now - lastTemplate < 24 * HOUR;
    if (announced) {
      store.hold(chatId, message, now);
      return { platformMessageId: null };
    }
    let wamid: string;
    try {
      wamid = await this.post(chatId, {
        type: 'template',
        template: { name: config.templateName, language: { code: config.templateLang } },
      });
    } catch (err) {
      throw toSendError(err);
    }
    store.recordTemplate(chatId, now);
    store.hold(chatId, message, now);
    return { platformMessageId: wamid };
  }

  /** Sends the held messages, oldest first. A retryable failure keeps the rest held (in order) and throws. */
  private async flushHeld(chatId: string): Promise<number> {
    const held = this.opts.store.takeHeld(chatId);
    let sent = 0;
    for (const [i, message] of held.entries()) {
      try {
        await this.sendFree(chatId, message);
        sent++;
      } catch (err) {
        if (isWindowClosed(err) || toSendError(err).retryable) {
          const now = this.opts.clock.now();
          for (const rest of held.slice(i)) this.opts.store.hold(chatId, rest, now);
          throw err;
        }
        this.log.error({ reason: err instanceof Error ? err.message : String(err) }, 'held message dropped');
      }
    }
    return sent;
  }

  /** A free-form message (window open): its parts in order; parts already sent by a failed try are skipped. */
  private async sendFree(chatId: string, message: RenderedMessage): Promise<string | null> {
    const bodies = renderMessage(message, this.lang(chatId));
    const key = `${chatId}\n${createHash('sha256').update(JSON.stringify(message)).digest('hex')}`;
    let last: string | null = null;
    for (let i = this.progress.get(key) ?? 0; i < bodies.length; i++) {
      last = await this.post(chatId, bodies[i]!);
      if (i + 1 < bodies.length) {
        if (this.progress.size > 10_000) this.progress.clear();
        this.progress.set(key, i + 1);
      }
    }
    this.progress.delete(key);
    if (isPaged(message)) this.opts.store.saveMenu(chatId, message);
    return last;
  }

  private async post(chatId: string, body: GraphBody): Promise<string> {
    try {
      const wamid = await this.graph.send(envelope(this.opts.store.addressOf(chatId), body));
      this.current = 'connected';
      return wamid;
    } catch (err) {
      if (err instanceof GraphError && isAuthFailure(err)) this.current = 'failing';
      throw err;
    }
  }

  /** One chat's work runs in arrival order; different chats run concurrently. */
  private queued<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(chatId) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.then(
      () => {},
      () => {},
    );
    this.queues.set(chatId, tail);
    void tail.then(() => {
      if (this.queues.get(chatId) === tail) this.queues.delete(chatId);
    });
    return run;
  }

  // --- inbound --------------------------------------------------------------------------------------------

  private async download(mediaId: string): Promise<Downloaded | null> {
    try {
      return await this.graph.download(mediaId, this.maxMediaBytes);
    } catch (err) {
      // Gone or refused for good (a 4xx that is no rate limit or token problem): the rest of the message counts.
      const permanent =
        err instanceof GraphError &&
        err.status >= 400 &&
        err.status < 500 &&
        !isRateLimited(err) &&
        !isAuthFailure(err);
      if (permanent) {
        this.log.warn({ status: err.status, code: err.code }, 'wacloud media unavailable');
        return null;
      }
      throw err;
    }
  }

  private async receive(m: WaMessage): Promise<void> {
    const deliver = this.deliverTo;
    if (!deliver) throw new Error('wacloud channel is not started');
    if (m.group_id !== undefined) return; // complaints are taken in private chats only
    const { store } = this.opts;
    const chatId = store.chatFor({
      ...(m.from ? { phone: m.from } : {}),
      ...(m.from_user_id ? { userId: m.from_user_id } : {}),
    });
    if (m.type === 'system') {
      const newPhone =
        m.system?.type === 'user_changed_number' ? (m.system.new_wa_id ?? m.system.wa_id) : undefined;
      // The conversation and tickets follow the citizen to the new number.
      if (newPhone && newPhone !== m.from) store.changeNumber(chatId, newPhone);
      return;
    }
    // A redelivered body: committed already, its media are not downloaded again.
    if (this.seen(m.id)) return;
    const phone = store.addressOf(chatId).phone;
    const understood = await interpret(
      m,
      { chatId, ...(phone ? { phone } : {}), maxMediaMb: this.maxMediaMb() },
      (id) => this.download(id),
    );
    if (understood.type === 'ignore') return;

    // Any message from the citizen reopens the window (from the moment they wrote it).
    const now = this.opts.clock.now();
    const wrote = m.timestamp ? Math.min(now, Number(m.timestamp) * 1000) : now;
    store.recordInbound(chatId, wrote);
    const released = await this.queued(chatId, () => this.flushHeld(chatId));

    if (understood.type === 'more') {
      // Recorded first, so a redelivered tap is known and the page goes out once.
      await deliver({ channel: 'wacloud', chatId, messageId: m.id, answeredByChannel: true });
      const menu = store.menu(chatId);
      const page = menu ? renderMenuPage(menu, understood.page, this.lang(chatId)) : null;
      if (page) await this.queued(chatId, () => this.post(chatId, page));
      return;
    }
    // A tap on the template's button asked for the held messages, which just went out.
    if (understood.templateButton && released > 0) return;
    await deliver(understood.message);
  }

  private maxMediaMb(): number {
    return Math.round(this.maxMediaBytes / (1024 * 1024));
  }
}
