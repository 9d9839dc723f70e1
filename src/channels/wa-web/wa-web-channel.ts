// The WhatsApp Web channel: drives a whatsapp-web.js client (QR login, reconnects) and adapts its messages.
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { type ChannelState, SendError, type SendResult } from '../../outbox/outbound-channel.js';
import type { ChannelAdapter, Deliver } from '../channel.js';
import { ChoiceReplies } from './choice-replies.js';
import type { WaMedia, WaMediaOptions } from './client-port.js';
import { type WaWebStatus, operatorRoutes } from './operator-routes.js';
import { numberedChoiceIds, renderMessage } from './render-message.js';
import { SenderDirectory } from './sender-directory.js';
import type { WaWebConfig } from './wa-web-config.js';
import { WaWebConnection, type WaWebConnectionOptions } from './wa-web-connection.js';
import { WaWebInbound } from './wa-web-inbound.js';
import { WaWebOutbound } from './wa-web-outbound.js';

export type WaWebChannelOptions = WaWebConnectionOptions & {
  config: Pick<WaWebConfig, 'operatorToken'>;
  /** The pause between two messages to one chat. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** A citizen deleted a message "for everyone": the service logs/audits it (the runtime is not told). */
  onRevoke?: (messageId: string, info: { chatId: string; relatedIds: string[] }) => void;
  /** The chat's language, for the texts the adapter adds ("reply with a number", notices). Default 'id'. */
  langFor?: (chatId: string) => Lang;
  sendPauseMs?: number;
  maxMediaBytes?: number;
  /** The retry delay a send asks for while the client is not connected. */
  notConnectedRetryMs?: number;
};

const MB = 1024 * 1024;

export class WaWebChannel implements ChannelAdapter {
  readonly channel = 'whatsapp';

  private readonly choices = new ChoiceReplies();
  private readonly langFor: (chatId: string) => Lang;
  private readonly notConnectedRetryMs: number;
  private readonly outbound: WaWebOutbound;
  private readonly inbound: WaWebInbound;
  private readonly connection: WaWebConnection;

  constructor(private readonly opts: WaWebChannelOptions) {
    const now = opts.now ?? Date.now;
    this.langFor = opts.langFor ?? (() => 'id');
    this.notConnectedRetryMs = opts.notConnectedRetryMs ?? 60_000;
    const client = () => this.connection.currentClient();
    const senders = new SenderDirectory({ client, now, log: opts.log });
    this.outbound = new WaWebOutbound({
      client,
      senders,
      now,
      sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      pauseMs: opts.sendPauseMs ?? 700,
      notConnectedRetryMs: this.notConnectedRetryMs,
    });
    this.inbound = new WaWebInbound({
      senders,
      choices: this.choices,
      sendText: (chatId, text) => this.outbound.sendText(chatId, text),
      langFor: this.langFor,
      maxMediaBytes: opts.maxMediaBytes ?? 10 * MB,
      log: opts.log,
      onRevoke: opts.onRevoke,
    });
    this.connection = new WaWebConnection(opts, now, this.inbound);
  }

  state(): ChannelState {
    return this.connection.state();
  }

  /**
   * Starts the client and resolves once the first attempt settled (QR shown, ready, failed or timed out). Never
   * throws: failures are logged, the state says `failing`, and a reconnect is scheduled.
   */
  async start(deliver: Deliver): Promise<void> {
    this.inbound.deliverTo(deliver);
    await this.connection.start();
  }

  async stop(): Promise<void> {
    await this.connection.stop(() => this.idle());
  }

  /** Resolves when every inbound message received so far has been handled (tests, graceful shutdown). */
  async idle(): Promise<void> {
    await this.inbound.idle();
  }

  /** The rest of the pause after the last message to this chat: the sender serves other chats meanwhile. */
  delayFor(chatId: string): number {
    return this.outbound.delayFor(chatId);
  }

  send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    return this.outbound.inTurn(() => this.sendNow(chatId, message));
  }

  /** One file (an officer's, wa-web-files.ts), in turn with the messages. */
  sendMedia(chatId: string, media: WaMedia, options: WaMediaOptions): Promise<string | null> {
    return this.outbound.inTurn(() => {
      this.mustBeConnected();
      return this.outbound.sendMedia(chatId, media, options);
    });
  }

  private mustBeConnected(): void {
    const state = this.connection.state();
    if (!this.connection.currentClient() || state !== 'connected') {
      throw new SendError(`whatsapp not connected (${state})`, true, this.notConnectedRetryMs);
    }
  }

  private async sendNow(chatId: string, message: RenderedMessage): Promise<SendResult> {
    this.mustBeConnected();
    const parts = renderMessage(this.langFor(chatId), message);
    let platformMessageId: string | null = null;
    for (const part of parts) platformMessageId = await this.outbound.sendText(chatId, part);
    this.choices.shown(chatId, numberedChoiceIds(message));
    return { platformMessageId };
  }

  routes() {
    return operatorRoutes(
      { status: () => this.status(), qrModel: () => this.connection.qrModel() },
      this.opts.config.operatorToken,
    );
  }

  status(): WaWebStatus {
    return this.connection.status();
  }
}
