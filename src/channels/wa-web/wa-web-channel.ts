// The WhatsApp Web channel: drives a whatsapp-web.js client (QR login, reconnects) and adapts its messages.
import { InboundMessage } from '../../conversation/inbound.js';
import { type ChannelState, SendError, type SendResult } from '../../delivery/outbound-channel.js';
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { hasKey, t } from '../../i18n/locales.js';
import type { ChannelAdapter, Deliver } from '../channel.js';
import { ChoiceReplies } from './choice-replies.js';
import type { WaClientFactory, WaClientPort } from './client-port.js';
import { type Notice, normalizeMessage, normalizeRevoke } from './normalize-message.js';
import { type WaWebStatus, operatorRoutes } from './operator-routes.js';
import { qrencodeCommand } from './qr-page.js';
import { numberedChoiceIds, renderMessage } from './render-message.js';
import { SenderDirectory, errorText } from './sender-directory.js';
import { phoneDigits } from './wa-ids.js';
import type { WaWebConfig } from './wa-web-config.js';

export type WaWebLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type WaWebChannelOptions = {
  config: Pick<WaWebConfig, 'chromiumPath' | 'initTimeoutMs' | 'pairPhone' | 'operatorToken'>;
  /** `<DATA_DIR>/wa-web-session`: LocalAuth keeps the login there (treat it like a password). */
  sessionDir: string;
  log: WaWebLog;
  /** Default: the real whatsapp-web.js client, imported only when the channel starts. */
  createClient?: WaClientFactory;
  /** The pause between two messages to one chat. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** A citizen deleted a message "for everyone": the service logs/audits it (the runtime is not told). */
  onRevoke?: (messageId: string, info: { chatId: string; relatedIds: string[] }) => void;
  /** The chat's language, for the texts the adapter adds ("reply with a number", notices). Default 'id'. */
  langFor?: (chatId: string) => Lang;
  /** Where the QR (or pairing code) is printed for the operator. Default: stdout. */
  printLogin?: (text: string) => void;
  sendPauseMs?: number;
  maxMediaBytes?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** destroy() can hang too (a wedged browser); give up waiting after this long. */
  destroyTimeoutMs?: number;
  /** The retry delay a send asks for while the client is not connected. */
  notConnectedRetryMs?: number;
};

const MB = 1024 * 1024;

/** Resolves with the promise's outcome, or 'timeout' after `ms` (the promise keeps running). */
function within<T>(promise: Promise<T>, ms: number): Promise<{ ok: T } | { err: unknown } | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const settled = promise.then(
    (ok) => ({ ok }),
    (err: unknown) => ({ err }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}

export class WaWebChannel implements ChannelAdapter {
  readonly channel = 'whatsapp';

  private current: ChannelState = 'stopped';
  private since: number;
  private client: WaClientPort | null = null;
  /** Bumped whenever a client is dropped: events and timers of an older client are ignored. */
  private generation = 0;
  /** The latest client generation that showed signs of life (a QR, a code, a login). */
  private progressedGen = -1;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextRetryAt: number | null = null;
  private lastError: string | null = null;
  private stopped = true;
  private deliver: Deliver | null = null;
  private qr: string | null = null;
  private pairingCode: string | null = null;
  private loginAt: number | null = null;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly lastSentAt = new Map<string, number>();
  /** whatsapp-web.js drives one browser page: its sends go one at a time, as a person's would. */
  private sending: Promise<unknown> = Promise.resolve();
  private readonly senders: SenderDirectory;
  private readonly choices = new ChoiceReplies();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly langFor: (chatId: string) => Lang;
  private readonly pauseMs: number;
  private readonly maxMediaBytes: number;

  constructor(private readonly opts: WaWebChannelOptions) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.langFor = opts.langFor ?? (() => 'id');
    this.pauseMs = opts.sendPauseMs ?? 700;
    this.maxMediaBytes = opts.maxMediaBytes ?? 10 * MB;
    this.since = this.now();
    this.senders = new SenderDirectory({ client: () => this.client, now: this.now, log: opts.log });
  }

  state(): ChannelState {
    return this.current;
  }

  /**
   * Starts the client and resolves once the first attempt settled (QR shown, ready, failed or timed out). Never
   * throws: failures are logged, the state says `failing`, and a reconnect is scheduled.
   */
  async start(deliver: Deliver): Promise<void> {
    this.deliver = deliver;
    this.stopped = false;
    this.setState('starting');
    try {
      await this.connect();
    } catch (err) {
      this.opts.log.error({ err: errorText(err) }, 'whatsapp: start failed');
      this.setState('failing');
      this.scheduleReconnect();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
    await this.dropClient();
    await this.idle();
    this.setState('stopped');
  }

  /** Resolves when every inbound message received so far has been handled (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.allSettled([...this.chains.values()]);
  }

  /** The rest of the pause after the last message to this chat: the sender serves other chats meanwhile. */
  delayFor(chatId: string): number {
    const last = this.lastSentAt.get(chatId);
    return last === undefined ? 0 : Math.max(0, last + this.pauseMs - this.now());
  }

  send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    const run = this.sending.then(() => this.sendNow(chatId, message));
    this.sending = run.catch(() => {});
    return run;
  }

  private async sendNow(chatId: string, message: RenderedMessage): Promise<SendResult> {
    if (!this.client || this.current !== 'connected') {
      throw new SendError(
        `whatsapp not connected (${this.current})`,
        true,
        this.opts.notConnectedRetryMs ?? 60_000,
      );
    }
    const parts = renderMessage(this.langFor(chatId), message);
    let platformMessageId: string | null = null;
    for (const part of parts) platformMessageId = await this.sendText(chatId, part);
    this.choices.shown(chatId, numberedChoiceIds(message));
    return { platformMessageId };
  }

  routes() {
    return operatorRoutes(
      {
        status: () => this.status(),
        qrModel: () => ({
          state: this.current,
          qr: this.qr,
          pairingCode: this.pairingCode,
          receivedAt: this.loginAt === null ? null : new Date(this.loginAt).toISOString(),
        }),
      },
      this.opts.config.operatorToken,
    );
  }

  status(): WaWebStatus {
    return {
      channel: 'whatsapp',
      state: this.current,
      since: new Date(this.since).toISOString(),
      loginPending: this.qr !== null || this.pairingCode !== null,
      reconnectAttempts: this.failures,
      nextRetryAt: this.nextRetryAt === null ? null : new Date(this.nextRetryAt).toISOString(),
      lastError: this.lastError,
    };
  }

  private setState(next: ChannelState): void {
    if (next === this.current) return;
    this.opts.log.info({ from: this.current, to: next }, 'whatsapp: state');
    this.current = next;
    this.since = this.now();
  }

  /** One attempt: a new client, its events, and initialize() under our own timeout. */
  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.retryTimer = null;
    this.nextRetryAt = null;
    const gen = ++this.generation;
    let client: WaClientPort;
    try {
      // Imported on first use: whatsapp-web.js and puppeteer load only when the channel is enabled.
      const factory = this.opts.createClient ?? (await import('./create-client.js')).createWwebClient;
      client = await factory({
        sessionDir: this.opts.sessionDir,
        chromiumPath: this.opts.config.chromiumPath,
        pairPhone: this.opts.config.pairPhone,
      });
    } catch (err) {
      return this.failed(gen, `client could not be created: ${errorText(err)}`);
    }
    if (gen !== this.generation || this.stopped) {
      void this.destroyQuietly(client);
      return;
    }
    this.client = client;
    this.wire(client, gen);
    const timeoutMs = this.opts.config.initTimeoutMs;
    // Deferred, so a synchronous throw becomes a rejection like any other failure.
    const init = Promise.resolve().then(() => client.initialize());
    const outcome = await within(init, timeoutMs);
    if (gen !== this.generation) return;
    if (outcome === 'timeout') {
      // A QR or a login already came: the browser works, initialize() is only slow to return.
      if (this.progressedGen === gen) return;
      // If the hung initialize() finishes after all, that browser must not live on.
      init.then(
        () => void this.destroyQuietly(client),
        () => undefined,
      );
      return this.failed(gen, `initialize() did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }
    if ('err' in outcome) return this.failed(gen, `initialize() failed: ${errorText(outcome.err)}`);
  }

  private async failed(gen: number, reason: string, next: ChannelState = 'failing'): Promise<void> {
    if (gen !== this.generation || this.stopped) return;
    this.lastError = reason;
    this.opts.log.error({ attempt: this.failures + 1 }, `whatsapp: ${reason}`);
    await this.dropClient();
    this.setState(next);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const base = this.opts.reconnectBaseMs ?? 5_000;
    const max = this.opts.reconnectMaxMs ?? 5 * 60_000;
    const delay = Math.min(max, base * 2 ** Math.min(this.failures, 20));
    this.failures++;
    this.nextRetryAt = this.now() + delay;
    this.opts.log.warn({ delayMs: delay, attempt: this.failures }, 'whatsapp: reconnecting later');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect().catch((err: unknown) => {
        this.opts.log.error({ err: errorText(err) }, 'whatsapp: reconnect failed');
      });
    }, delay);
    this.retryTimer.unref?.();
  }

  /** Forgets the current client (its late events are ignored) and destroys it. */
  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.generation++;
    this.qr = null;
    this.pairingCode = null;
    if (client) await this.destroyQuietly(client);
  }

  private async destroyQuietly(client: WaClientPort): Promise<void> {
    const outcome = await within(
      Promise.resolve().then(() => client.destroy()),
      this.opts.destroyTimeoutMs ?? 15_000,
    );
    if (outcome === 'timeout') this.opts.log.warn({}, 'whatsapp: destroy() timed out');
    else if ('err' in outcome)
      this.opts.log.warn({ err: errorText(outcome.err) }, 'whatsapp: destroy() failed');
    client.removeAllListeners();
  }

  private wire(client: WaClientPort, gen: number): void {
    const on = (event: string, handler: (...args: unknown[]) => void) =>
      client.on(event, (...args: unknown[]) => {
        if (gen !== this.generation) return;
        try {
          handler(...args);
        } catch (err) {
          this.opts.log.error({ event, err: errorText(err) }, 'whatsapp: event handler failed');
        }
      });
    on('qr', (qr) => {
      if (typeof qr !== 'string' || qr === '') return;
      this.progressedGen = gen;
      this.failures = 0;
      this.qr = qr;
      this.loginAt = this.now();
      this.setState('qr_needed');
      this.opts.log.warn({}, 'whatsapp: login needed, QR printed and shown at /channels/whatsapp/qr');
      this.printLogin(
        `\n[whatsapp] Login needed / Perlu login. Open /channels/whatsapp/qr on the Aduan server, or draw this QR here:\n` +
          `  ${qrencodeCommand(qr)}\n[whatsapp] QR: ${qr}\n`,
      );
    });
    on('code', (code) => {
      if (typeof code !== 'string' || code === '') return;
      this.progressedGen = gen;
      this.pairingCode = code;
      this.loginAt = this.now();
      this.setState('qr_needed');
      this.printLogin(`\n[whatsapp] Pairing code / Kode penautan: ${code}\n`);
    });
    on('authenticated', () => {
      this.progressedGen = gen;
      this.qr = null;
      this.pairingCode = null;
      this.opts.log.info({}, 'whatsapp: authenticated');
    });
    on('ready', () => {
      this.progressedGen = gen;
      this.failures = 0;
      this.lastError = null;
      this.qr = null;
      this.pairingCode = null;
      this.setState('connected');
    });
    on('auth_failure', (message) => {
      void this.failed(gen, `authentication failed: ${String(message)}`, 'logged_out');
    });
    on('disconnected', (reason) => {
      const loggedOut = reason === 'LOGOUT';
      void this.failed(gen, `disconnected: ${String(reason)}`, loggedOut ? 'logged_out' : 'failing');
    });
    on('message', (message) => {
      const from = (message as { from?: unknown } | null)?.from;
      this.enqueue(typeof from === 'string' ? from : '', () => this.handleMessage(message));
    });
    on('message_revoke_everyone', (message, before) => {
      const from = (message as { from?: unknown } | null)?.from;
      this.enqueue(typeof from === 'string' ? from : '', () => this.handleRevoke(message, before));
    });
  }

  private printLogin(text: string): void {
    (this.opts.printLogin ?? ((s: string) => process.stdout.write(s)))(text);
  }

  /** One sender's messages are handled in arrival order (downloads and lookups are async). */
  private enqueue(key: string, task: () => Promise<void>): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch((err: unknown) => {
      this.opts.log.error({ err: errorText(err) }, 'whatsapp: inbound message failed');
    });
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  private async handleMessage(raw: unknown): Promise<void> {
    const normalized = await normalizeMessage(raw, {
      resolveSender: (from) => this.senders.resolve(from),
      maxMediaBytes: this.maxMediaBytes,
      log: this.opts.log,
    });
    if (normalized.kind === 'ignore') return;
    const chatId = normalized.kind === 'deliver' ? normalized.message.chatId : normalized.chatId;
    for (const notice of normalized.notices) await this.sendNotice(chatId, notice);
    if (normalized.kind !== 'deliver') return;
    const message = normalized.message;
    const text = message.text === undefined ? undefined : this.choices.translate(chatId, message.text);
    const checked = InboundMessage.safeParse(text === undefined ? message : { ...message, text });
    if (!checked.success) {
      this.opts.log.warn({ messageId: message.messageId }, 'whatsapp: message did not validate, dropped');
      return;
    }
    if (!this.deliver) return;
    try {
      await this.deliver(checked.data);
    } catch (err) {
      // WhatsApp will not deliver it again: the citizen has to resend.
      this.opts.log.error({ messageId: message.messageId, err: errorText(err) }, 'whatsapp: delivery failed');
    }
  }

  private async handleRevoke(message: unknown, before: unknown): Promise<void> {
    const revoked = await normalizeRevoke(message, before, {
      resolveSender: (from) => this.senders.resolve(from),
    });
    if (!revoked) return;
    this.opts.log.info({ messageId: revoked.messageId }, 'whatsapp: message deleted by the citizen');
    this.opts.onRevoke?.(revoked.messageId, { chatId: revoked.chatId, relatedIds: revoked.relatedIds });
  }

  private async sendNotice(chatId: string, notice: Notice): Promise<void> {
    const lang = this.langFor(chatId);
    const text =
      notice.kind === 'too_large'
        ? t(lang, 'channel.file_too_large', { max: notice.maxMb })
        : notice.kind === 'media_failed' && hasKey(lang, 'channel.media_failed')
          ? t(lang, 'channel.media_failed')
          : t(lang, 'channel.unsupported');
    try {
      await this.sendText(chatId, text);
    } catch (err) {
      this.opts.log.warn({ notice: notice.kind, err: errorText(err) }, 'whatsapp: notice not sent');
    }
  }

  /** Sends one text, pausing after the previous one to the same chat; falls back to the LID address once. */
  private async sendText(chatId: string, text: string): Promise<string | null> {
    const last = this.lastSentAt.get(chatId);
    if (last !== undefined) {
      const wait = last + this.pauseMs - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    const client = this.client;
    if (!client) throw new SendError('whatsapp not connected', true, this.opts.notConnectedRetryMs ?? 60_000);
    const address = this.senders.addressFor(chatId);
    try {
      const sent = await this.sendVia(client, chatId, address, text);
      return sent?.id?._serialized ?? null;
    } catch (err) {
      throw new SendError(`whatsapp send failed: ${errorText(err)}`, true);
    } finally {
      this.markSent(chatId);
    }
  }

  private async sendVia(client: WaClientPort, chatId: string, address: string, text: string) {
    try {
      return await client.sendMessage(address, text);
    } catch (err) {
      // A LID-only contact refuses its phone id ("No LID for user"): ask WhatsApp for the LID and try once more.
      const noLid = /\bno lid\b/i.test(errorText(err));
      if (!noLid || address !== chatId || phoneDigits(chatId) === null) throw err;
      const lid = await this.senders.lidForPhone(chatId);
      if (!lid) throw err;
      return await client.sendMessage(lid, text);
    }
  }

  private markSent(chatId: string): void {
    this.lastSentAt.delete(chatId);
    this.lastSentAt.set(chatId, this.now());
    if (this.lastSentAt.size > 10_000) {
      const horizon = this.now() - this.pauseMs;
      for (const [id, at] of this.lastSentAt) {
        if (at >= horizon) break;
        this.lastSentAt.delete(id);
      }
    }
  }
}
