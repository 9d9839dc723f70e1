// The WhatsApp Web connection's life: one whatsapp-web.js client at a time, its QR or pairing-code login, timeouts
// of initialize() and destroy(), and reconnects with backoff. The citizens' messages are passed on to the inbound side.
import type { ChannelState } from '../../outbox/outbound-channel.js';
import type { WaClientFactory, WaClientPort } from './client-port.js';
import type { WaWebStatus } from './operator-routes.js';
import { type QrPageModel, qrencodeCommand } from './qr-page.js';
import { errorText } from './sender-directory.js';
import type { WaWebConfig } from './wa-web-config.js';
import type { WaWebLog } from './wa-web-log.js';

export type WaWebConnectionOptions = {
  config: Pick<WaWebConfig, 'chromiumPath' | 'initTimeoutMs' | 'pairPhone'>;
  /** `<DATA_DIR>/wa-web-session`: LocalAuth keeps the login there (treat it like a password). */
  sessionDir: string;
  log: WaWebLog;
  /** Default: the real whatsapp-web.js client, imported only when the channel starts. */
  createClient?: WaClientFactory;
  /** Where the QR (or pairing code) is printed for the operator. Default: stdout. */
  printLogin?: (text: string) => void;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** destroy() can hang too (a wedged browser); give up waiting after this long. */
  destroyTimeoutMs?: number;
};

/** Where the current client's message events go. */
export type InboundEvents = {
  message(raw: unknown): void;
  revoke(raw: unknown, before: unknown): void;
};

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

export class WaWebConnection {
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
  private qr: string | null = null;
  private pairingCode: string | null = null;
  private loginAt: number | null = null;

  constructor(
    private readonly opts: WaWebConnectionOptions,
    private readonly now: () => number,
    private readonly inbound: InboundEvents,
  ) {
    this.since = this.now();
  }

  state(): ChannelState {
    return this.current;
  }

  /** The client, while there is one (it changes on reconnect). */
  currentClient(): WaClientPort | null {
    return this.client;
  }

  /**
   * Starts the client and resolves once the first attempt settled (QR shown, ready, failed or timed out). Never
   * throws: failures are logged, the state says `failing`, and a reconnect is scheduled.
   */
  async start(): Promise<void> {
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

  /** Drops the client and any reconnect; the state says `stopped` once `drain` (the inbound backlog) resolved. */
  async stop(drain: () => Promise<void>): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
    await this.dropClient();
    await drain();
    this.setState('stopped');
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

  qrModel(): QrPageModel {
    return {
      state: this.current,
      qr: this.qr,
      pairingCode: this.pairingCode,
      receivedAt: this.loginAt === null ? null : new Date(this.loginAt).toISOString(),
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
    on('message', (message) => this.inbound.message(message));
    on('message_revoke_everyone', (message, before) => this.inbound.revoke(message, before));
  }

  private printLogin(text: string): void {
    (this.opts.printLogin ?? ((s: string) => process.stdout.write(s)))(text);
  }
}
