// The normalized inbound message every channel adapter produces; the runtime and flows see nothing else.
import { z } from 'zod';
import { ChannelId, GeoPoint } from '../domain/complaint.js';

export const MediaKind = z.enum(['photo', 'document', 'voice', 'video', 'sticker']);
export type MediaKind = z.infer<typeof MediaKind>;

export const InboundMedia = z.object({
  kind: MediaKind,
  mime: z.string().max(200),
  filename: z.string().max(255).optional(),
  data: z.instanceof(Uint8Array),
});
export type InboundMedia = z.infer<typeof InboundMedia>;

export const InboundMessage = z.object({
  channel: ChannelId,
  /** The chat's address within its channel (a Telegram chat id, a WhatsApp id, a web session id). */
  chatId: z.string().min(1).max(200),
  /** Deduplication key within the channel: a redelivered message carries the same one. */
  messageId: z.string().min(1).max(300),
  text: z.string().optional(),
  media: z.array(InboundMedia).max(20).optional(),
  location: GeoPoint.optional(),
  contact: z.object({ phone: z.string().max(40), name: z.string().max(200).optional() }).optional(),
  /** A phone number the channel itself vouches for (WhatsApp), never one the citizen typed. */
  channelPhone: z.string().optional(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;
