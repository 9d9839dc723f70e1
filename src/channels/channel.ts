// The one interface every channel adapter implements: deliver a rendered message to a chat on its platform.
import type { RenderedMessage } from '../i18n/locales.js';

/** A failure the sender can act on: retry later (optionally after a platform-given delay) or give up. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export type SendResult = { platformMessageId: string | null };

export interface OutboundChannel {
  readonly channel: string;
  /** Sends one message; throws SendError (or anything, treated as retryable). */
  send(chatId: string, message: RenderedMessage): Promise<SendResult>;
}

/** Channels whose messages are read by the citizen's own client (web chat): "sending" only marks them delivered. */
export function mailboxChannel(channel: string): OutboundChannel {
  return { channel, send: async () => ({ platformMessageId: null }) };
}
