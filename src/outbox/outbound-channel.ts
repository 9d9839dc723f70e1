// The port the citizens' outbox sender sends through: one send per message, typed failures, the channel's state.
import type { RenderedMessage } from '../domain/reply.js';
import type { SentParts } from '../storage/outbox-parts.js';

/** What a platform said beyond "failed": its error code, and whether the citizen has blocked us. */
export type SendErrorDetails = {
  /** The platform's error code (Telegram's 403, Meta's 131026…): metrics and operators. */
  code?: string;
  /**
   * The citizen blocked the bot or deleted the account: the chat's messages wait, without spending attempts, until
   * the citizen writes again.
   */
  recipientBlocked?: boolean;
};

/** A failure the sender can act on: retry later (optionally after a platform-given delay) or give up. */
export class SendError extends Error {
  readonly code: string | undefined;
  readonly recipientBlocked: boolean;

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    details: SendErrorDetails = {},
  ) {
    super(message);
    this.name = 'SendError';
    this.code = details.code;
    this.recipientBlocked = details.recipientBlocked ?? false;
  }
}

export type SendResult = { platformMessageId: string | null };

/**
 * A message of several parts: what an earlier try got through (kept with the outbox row until it is marked sent),
 * and the record of it.
 */
export type SendProgress = { saved: SentParts | null; save(parts: SentParts): void };

export interface OutboundChannel {
  readonly channel: string;
  /** When present and not 'connected', the senders leave this channel's messages pending. */
  state?(): ChannelState;
  /** Sends one message; throws SendError (or anything, treated as retryable). `progress`: see SendProgress. */
  send(chatId: string, message: RenderedMessage, progress?: SendProgress): Promise<SendResult>;
  /**
   * Milliseconds until a message to this chat may go under the platform's send limits (0: now). The sender comes
   * back to the chat then, instead of holding one of its places while `send` waits.
   */
  delayFor?(chatId: string): number;
}

/** Channels whose messages are read by the citizen's own client (web chat): "sending" only marks them delivered. */
export function mailboxChannel(channel: string): OutboundChannel {
  return { channel, send: async () => ({ platformMessageId: null }) };
}

/** What a channel reports to operators (health pages, logs). */
export type ChannelState = 'starting' | 'connected' | 'qr_needed' | 'logged_out' | 'failing' | 'stopped';
