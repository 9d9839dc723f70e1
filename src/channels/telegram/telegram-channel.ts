// The Telegram channel adapter: telegraf for the Bot API, polling or webhook in, rate-limited sendMessage out.
import type { Hono } from 'hono';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { InboundMessage } from '../../conversation/inbound.js';
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { ChannelState, SendResult } from '../../outbox/outbound-channel.js';
import { BotApiPool } from '../../platforms/telegram/bot-api-pool.js';
import { isEntityError, isOutage, redactToken, toSendError } from '../../platforms/telegram/send-errors.js';
import type { ChannelAdapter, Deliver, Seen } from '../channel.js';
import { type Album, AlbumBuffer, type Schedule } from './album-buffer.js';
import { registerCommands } from './bot-commands.js';
import { ChatQueue } from './chat-queue.js';
import { htmlToPlain } from './format-html.js';
import { downloadAll } from './media-download.js';
import { type NormalizedMessage, normalizeUpdate } from './normalize-update.js';
import { type OfficerDesk, OfficerRelay } from './officer-relay.js';
import { ALLOWED_UPDATES, PollingLoop, type PollingOptions } from './polling-loop.js';
import { type ProbeBackoff, RecoveryProbe } from './recovery-probe.js';
import { type SendMessageParams, renderMessage, showsReplyKeyboard } from './render-message.js';
import type { TelegramSettings } from './telegram-config.js';
import { type RateLimitOptions, SendRateLimiter } from './token-bucket.js';
import { telegramWebhookRoutes } from './webhook-routes.js';

export type ChannelLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

const silent: ChannelLog = { info: () => {}, warn: () => {}, error: () => {} };

export type TelegramChannelOptions = {
  /** From telegramConfigFromEnv. */
  settings: TelegramSettings;
  /** Officers' groups, read per update (the directory may gain one); else settings.officerChatIds. */
  officerChats?: () => Iterable<string>;
  log?: ChannelLog;
  /** The language of a chat's conversation (button labels the channel adds itself); Indonesian by default. */
  langOf?: (chatId: string) => Lang;
  /** getUpdates long-poll seconds (default 25). */
  pollTimeoutSec?: number;
  /** Backoff and retry limits of the polling loop (tests shorten them). */
  polling?: PollingOptions;
  /** How long a failing webhook-mode channel waits before it asks Telegram again (default 1 s doubling to 30 s). */
  probeBackoffMs?: ProbeBackoff;
  /** Quiet time before an album is delivered (default 800 ms) and the timer behind it (tests). */
  albumWaitMs?: number;
  schedule?: Schedule;
  /** Send limits; defaults ~1 message/s per chat (burst 3) and 30/s overall. */
  rateLimit?: RateLimitOptions;
  /** A group that keeps writing gets the "private only" answer at most this often (default 1 hour). */
  groupReplyIntervalMs?: number;
  /** File downloads (tests may count them). */
  fetch?: typeof fetch;
  now?: () => number;
  /** The citizen blocked (true) or unblocked (false) the bot in its private chat (`my_chat_member`). */
  onChatBlocked?: (chatId: string, blocked: boolean) => void;
  /** Ticket buttons and `/balas` in officers' groups, `/tautkan` in private chats (without it, none is answered). */
  officerDesk?: OfficerDesk;
};

type Waiter = { promise: Promise<Album>; resolve: (album: Album) => void };

const ALBUM_TRIES = 3;

export class TelegramChannel implements ChannelAdapter {
  readonly channel = 'telegram';
  /** The real telegraf client, pointed at settings.apiRoot. */
  readonly bot: Telegraf;
  /** sendMessage and answerCallbackQuery, the calls made per message, over one keep-alive agent (bot-api-pool.ts). */
  private readonly api: BotApiPool;
  private deliver: Deliver | null = null;
  private seen: Seen = () => false;
  private current: ChannelState = 'starting';
  private polling: PollingLoop | null = null;
  private readonly queue = new ChatQueue();
  private readonly albums: AlbumBuffer;
  private readonly albumWaiters = new Map<string, Waiter>();
  private readonly limiter: SendRateLimiter;
  private readonly log: ChannelLog;
  private readonly now: () => number;
  /** Chats whose screen still shows the phone question's reply keyboard. */
  private readonly replyKeyboards = new Set<string>();
  /** A long message split in parts, part way through when a send failed: its retry skips the parts sent. */
  private readonly partial = new Map<string, { key: string; sent: number }>();
  private readonly groupReplies = new Map<string, number>();
  private readonly webhook: Hono;
  private readonly officers: OfficerRelay;
  /** Asks Telegram again while the channel fails in webhook mode (recovery-probe.ts). */
  private readonly probe: RecoveryProbe;
  /** The webhook is configured but Telegram has not accepted it yet: the probe sets it before anything else. */
  private webhookToSet = false;

  constructor(private readonly opts: TelegramChannelOptions) {
    const { settings } = opts;
    this.bot = new Telegraf(settings.token, { telegram: { apiRoot: settings.apiRoot, webhookReply: false } });
    this.api = new BotApiPool(settings.apiRoot, settings.token);
    this.log = opts.log ?? silent;
    this.now = opts.now ?? Date.now;
    this.limiter = new SendRateLimiter({ now: this.now, ...opts.rateLimit });
    this.officers = new OfficerRelay(this.bot, opts.officerDesk, this.limiter, this.log);
    this.albums = new AlbumBuffer((album) => this.albumFlushed(album), {
      waitMs: opts.albumWaitMs ?? 800,
      ...(opts.schedule ? { schedule: opts.schedule } : {}),
      now: this.now,
    });
    this.webhook = telegramWebhookRoutes({
      secret: settings.mode === 'webhook' ? settings.webhookSecret : null,
      handle: (update) => this.handleUpdate(update),
      ready: () => this.deliver !== null,
      onError: (err) => this.log.warn({ err: describe(err) }, 'telegram webhook update not processed'),
    });
    this.probe = new RecoveryProbe({
      check: () => this.reachTelegram(),
      recovered: () => {
        this.current = 'connected';
        this.log.info({}, 'telegram reachable again');
      },
      failed: (err, first) => {
        if (first) this.log.warn({ err: describe(err) }, 'telegram still unreachable; asking again');
      },
      ...(opts.probeBackoffMs ? { backoffMs: opts.probeBackoffMs } : {}),
    });
  }

  state(): ChannelState {
    return this.current;
  }

  /** Mounted by the service at /channels/telegram: POST /channels/telegram/webhook. */
  routes(): Hono {
    return this.webhook;
  }

  async start(deliver: Deliver, seen?: Seen): Promise<void> {
    this.deliver = deliver;
    if (seen) this.seen = seen;
    this.current = 'starting';
    this.probe.arm();
    const { settings } = this.opts;
    const telegram = this.bot.telegram;
    try {
      this.bot.botInfo = await telegram.getMe();
      this.current = 'connected';
      this.log.info({ bot: this.bot.botInfo.username, mode: settings.mode }, 'telegram bot connected');
    } catch (err) {
      this.log.error({ err: describe(err) }, 'telegram getMe failed (is TELEGRAM_BOT_TOKEN right?)');
      this.failing();
    }
    await registerCommands(telegram).catch((err: unknown) =>
      this.log.warn({ err: describe(err) }, 'telegram setMyCommands failed'),
    );
    if (settings.mode === 'polling') {
      await telegram
        .deleteWebhook({ drop_pending_updates: false })
        .catch((err: unknown) => this.log.warn({ err: describe(err) }, 'telegram deleteWebhook failed'));
      this.polling = new PollingLoop(
        telegram,
        {
          handle: (update) => this.handleUpdate(update),
          polled: (ok, err) => this.polled(ok, err),
          skipped: (update: Update, err) =>
            this.log.error(
              { updateId: update.update_id, err: describe(err) },
              'telegram update skipped after repeated failures',
            ),
        },
        { timeoutSec: this.opts.pollTimeoutSec ?? 25, ...this.opts.polling },
      );
      this.polling.start();
    } else if (settings.webhookUrl && settings.webhookSecret) {
      this.webhookToSet = true;
      await this.setWebhook().catch((err: unknown) => {
        this.log.error({ err: describe(err) }, 'telegram setWebhook failed');
        this.failing();
      });
    }
  }

  /** Tells Telegram where to deliver updates (webhook mode with a URL). */
  private async setWebhook(): Promise<void> {
    const { webhookUrl, webhookSecret } = this.opts.settings;
    if (!webhookUrl || !webhookSecret) return;
    await this.bot.telegram.setWebhook(webhookUrl, {
      secret_token: webhookSecret,
      allowed_updates: ALLOWED_UPDATES,
    });
    this.webhookToSet = false;
  }

  /** The probe's question: the webhook set if it is still to be, then getMe. Throws while Telegram cannot be reached. */
  private async reachTelegram(): Promise<void> {
    if (this.webhookToSet) await this.setWebhook();
    this.bot.botInfo = await this.bot.telegram.getMe();
  }

  /**
   * Sends stop (the sender sends nothing through a channel that is not connected). In polling mode the next getUpdates
   * that answers brings the channel back; in webhook mode the probe asks Telegram until it answers.
   */
  private failing(): void {
    this.current = 'failing';
    if (this.opts.settings.mode !== 'polling') this.probe.start();
  }

  async stop(): Promise<void> {
    this.probe.stop();
    await this.polling?.stop();
    this.polling = null;
    this.albums.flushAll();
    await this.queue.idle();
    this.deliver = null;
    this.current = 'stopped';
  }

  /**
   * One raw update (from getUpdates or the webhook). Resolves once it is committed through `deliver` (album parts:
   * once buffered); rejects when it should be delivered again. Per-chat order is fixed synchronously, on the call.
   */
  handleUpdate(raw: unknown): Promise<void> {
    const deliver = this.deliver;
    if (!deliver) return Promise.reject(new Error('telegram channel is not started'));
    const n = normalizeUpdate(raw, {
      officerChatIds: this.opts.officerChats?.() ?? this.opts.settings.officerChatIds,
    });
    if ('callbackQueryId' in n && n.callbackQueryId !== undefined) this.answerCallback(n.callbackQueryId);
    switch (n.kind) {
      case 'ignore':
        return Promise.resolve();
      case 'chat_blocked': {
        // Recorded in the chat's turn, never answered (a blocked bot cannot write anyway).
        const { chatId, blocked } = n;
        return this.queue.run(chatId, async () => this.opts.onChatBlocked?.(chatId, blocked));
      }
      case 'reply': {
        if (n.key === 'channel.private_only' && !this.shouldAnswerGroup(n.chatId)) return Promise.resolve();
        const { chatId, key } = n;
        return this.queue.run(chatId, () => this.notify(chatId, key));
      }
      case 'album_part': {
        if (this.albums.add(n) === 'opened') {
          let resolve: (album: Album) => void = () => {};
          const promise = new Promise<Album>((r) => {
            resolve = r;
          });
          this.albumWaiters.set(n.albumKey, { promise, resolve });
          // The chat's turn is held from the first part, so a text sent after the album cannot overtake it.
          void this.queue.run(n.chatId, async () => this.deliverAlbum(await promise, deliver));
        }
        return Promise.resolve();
      }
      case 'message':
        return this.queue.run(n.chatId, () => this.deliverMessage(n, deliver));
      case 'officer':
        return this.queue.run(n.chatId, () => this.officers.handle(n));
    }
  }

  delayFor(chatId: string): number {
    return this.limiter.delay(chatId);
  }

  async send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    const removeReplyKeyboard = this.replyKeyboards.has(chatId);
    const parts = renderMessage(message, { lang: () => this.langOf(chatId), removeReplyKeyboard });
    const key = JSON.stringify(message);
    const progress = this.partial.get(chatId);
    const first = progress?.key === key ? progress.sent : 0;
    let lastId: number | null = null;
    for (let i = first; i < parts.length; i++) {
      const part = parts[i];
      if (!part) continue;
      await this.limiter.acquire(chatId);
      try {
        lastId = await this.sendOne(chatId, part);
      } catch (err) {
        if (i > 0) this.partial.set(chatId, { key, sent: i });
        if (isOutage(err)) this.failing();
        throw toSendError(err);
      }
    }
    this.partial.delete(chatId);
    if (showsReplyKeyboard(parts)) this.replyKeyboards.add(chatId);
    else if (parts.some((p) => p.reply_markup && 'remove_keyboard' in p.reply_markup)) {
      this.replyKeyboards.delete(chatId);
    }
    // A send that worked proves Telegram answers again (unless the webhook is still to be set: the probe does that).
    if (this.current === 'failing' && !this.webhookToSet) {
      this.current = 'connected';
      this.probe.reset();
    }
    return { platformMessageId: lastId === null ? null : String(lastId) };
  }

  private async sendOne(chatId: string, p: SendMessageParams): Promise<number | null> {
    const extra = {
      parse_mode: p.parse_mode,
      link_preview_options: p.link_preview_options,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    };
    try {
      return await this.api.sendMessage({ chat_id: chatId, text: p.text, ...extra });
    } catch (err) {
      if (!isEntityError(err)) throw err;
      this.log.warn({ chatId }, 'telegram refused the HTML; sending as plain text');
      const { parse_mode: _html, ...plain } = extra;
      return await this.api.sendMessage({ chat_id: chatId, text: htmlToPlain(p.text), ...plain });
    }
  }

  private langOf(chatId: string): Lang {
    return this.opts.langOf?.(chatId) ?? 'id';
  }

  private polled(ok: boolean, err?: unknown): void {
    if (ok) {
      if (this.current !== 'connected') this.log.info({}, 'telegram polling connected');
      this.current = 'connected';
      return;
    }
    if (this.current !== 'failing') this.log.warn({ err: describe(err) }, 'telegram getUpdates failed');
    this.current = 'failing';
  }

  private shouldAnswerGroup(chatId: string): boolean {
    const now = this.now();
    const last = this.groupReplies.get(chatId);
    if (last !== undefined && now - last < (this.opts.groupReplyIntervalMs ?? 3600_000)) return false;
    if (this.groupReplies.size > 10_000) this.groupReplies.clear();
    this.groupReplies.set(chatId, now);
    return true;
  }

  /** A reply straight from the channel (not the flow); a failure is logged, never redelivered. */
  private async notify(chatId: string, key: string, vars: Record<string, number> = {}): Promise<void> {
    const text = t(this.langOf(chatId), key, vars);
    await this.send(chatId, { text, choices: [], expecting: 'none' }).catch((err: unknown) =>
      this.log.warn({ chatId, key, err: describe(err) }, 'telegram notice not sent'),
    );
  }

  private answerCallback(id: string): void {
    this.api
      .answerCallbackQuery(id)
      .catch((err: unknown) => this.log.warn({ err: describe(err) }, 'telegram answerCallbackQuery failed'));
  }

  private downloadOptions() {
    return {
      maxBytes: this.opts.settings.maxFileBytes,
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
    };
  }

  private typing(chatId: string): void {
    this.bot.telegram.sendChatAction(chatId, 'typing').catch(() => {});
  }

  private async deliverMessage(n: NormalizedMessage, deliver: Deliver): Promise<void> {
    // A redelivered update: committed already, its files are not fetched again, and the sender limits do not count
    // it a second time.
    if (this.seen(n.messageId)) return;
    // "typing…" only while files download; a text is answered before the indicator would even show.
    if (n.files.length > 0) this.typing(n.chatId);
    const { media, notices } = await downloadAll(this.bot.telegram, n.files, this.downloadOptions());
    const all = [...(n.notices ?? []), ...notices];
    await this.commit(deliver, {
      channel: 'telegram',
      chatId: n.chatId,
      messageId: n.messageId,
      text: n.text,
      media: media.length > 0 ? media : undefined,
      location: n.location,
      place: n.place,
      contact: n.contact,
      forwarded: n.forwarded,
      replyTo: n.replyTo,
      edits: n.edits,
      notices: all.length > 0 ? all : undefined,
    });
  }

  private albumFlushed(album: Album): void {
    const albumKey = album.parts[0]?.albumKey;
    const waiter = albumKey === undefined ? undefined : this.albumWaiters.get(albumKey);
    if (!waiter || albumKey === undefined) return;
    this.albumWaiters.delete(albumKey);
    waiter.resolve(album);
  }

  /** Nobody waits on an album's delivery (its updates were acknowledged when buffered): retry a few times here. */
  private async deliverAlbum(album: Album, deliver: Deliver): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (this.seen(album.messageId)) return;
        this.typing(album.chatId);
        const { media, notices } = await downloadAll(
          this.bot.telegram,
          album.parts.map((p) => p.file),
          this.downloadOptions(),
        );
        await this.commit(deliver, {
          channel: 'telegram',
          chatId: album.chatId,
          messageId: album.messageId,
          text: album.caption,
          media: media.length > 0 ? media : undefined,
          notices: notices.length > 0 ? notices : undefined,
        });
        return;
      } catch (err) {
        if (attempt >= ALBUM_TRIES) {
          this.log.error({ chatId: album.chatId, err: describe(err) }, 'telegram album lost after retries');
          return;
        }
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
  }

  /** Validates and hands over; a message left with nothing in it (a refused file alone) is dropped. */
  private async commit(deliver: Deliver, candidate: InboundMessage): Promise<void> {
    const empty =
      !candidate.text?.trim() &&
      !candidate.media?.length &&
      !candidate.location &&
      !candidate.contact &&
      !candidate.notices?.length;
    if (empty) return;
    const parsed = InboundMessage.safeParse(candidate);
    if (!parsed.success) {
      this.log.warn(
        { chatId: candidate.chatId, issues: parsed.error.issues.length },
        'telegram message dropped',
      );
      return;
    }
    await deliver(parsed.data);
  }
}

function describe(err: unknown): string {
  return redactToken(err instanceof Error ? err.message : String(err));
}
