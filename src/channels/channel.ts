// The one interface every channel adapter implements: receive a platform's messages and send rendered ones to a chat.
import type { Hono } from 'hono';
import type { InboundMessage } from '../conversation/inbound.js';
import type { ChannelState, OutboundChannel } from '../outbox/outbound-channel.js';

/** Hands a normalized inbound message to the runtime; resolves once it is committed (replies are queued). */
export type Deliver = (message: InboundMessage) => Promise<void>;

/** Whether a message with this key was already committed: a redelivered body's files are not fetched again. */
export type Seen = (messageId: string) => boolean;

/**
 * A platform channel: receives platform updates (polling, a client, or webhook routes mounted on the HTTP
 * server), normalizes them, hands them to `deliver`, and sends outbound messages. No platform type leaks out.
 */
export interface ChannelAdapter extends OutboundChannel {
  start(deliver: Deliver, seen?: Seen): Promise<void>;
  stop(): Promise<void>;
  state(): ChannelState;
  /** Webhook and operator routes, mounted at `/channels/<channel>` (e.g. /channels/telegram/webhook). */
  routes?(): Hono;
}
