// The normalized inbound message every channel adapter produces; the runtime and flows see nothing else.
import { z } from 'zod';
import { ChannelId, GeoPoint } from '../domain/complaint.js';

export const MediaKind = z.enum(['photo', 'document', 'voice', 'video', 'animation', 'sticker']);
export type MediaKind = z.infer<typeof MediaKind>;

export const InboundMedia = z.object({
  kind: MediaKind,
  mime: z.string().max(200),
  filename: z.string().max(255).optional(),
  data: z.instanceof(Uint8Array),
});
export type InboundMedia = z.infer<typeof InboundMedia>;

/** The notices a channel may attach to a message; their words live in locales/ under the same keys. */
export const ChannelNoticeKey = z.enum(['channel.unsupported', 'channel.file_too_large']);
export type ChannelNoticeKey = z.infer<typeof ChannelNoticeKey>;

export const ChannelNotice = z.object({
  key: ChannelNoticeKey,
  vars: z.record(z.string(), z.number()).optional(),
});
export type ChannelNotice = z.infer<typeof ChannelNotice>;

/** A place's name and address as a platform gives them, trimmed to what `place` keeps; undefined when empty. */
export function placeOf(name?: string, address?: string): { name?: string; address?: string } | undefined {
  const n = name?.trim().slice(0, 300);
  const a = address?.trim().slice(0, 1000);
  if (!n && !a) return undefined;
  return { ...(n ? { name: n } : {}), ...(a ? { address: a } : {}) };
}

export const InboundMessage = z.object({
  channel: ChannelId,
  /** The chat's address within its channel (a Telegram chat id, a WhatsApp id, a web session id). */
  chatId: z.string().min(1).max(200),
  /** Deduplication key within the channel: a redelivered message carries the same one. */
  messageId: z.string().min(1).max(300),
  text: z.string().optional(),
  media: z.array(InboundMedia).max(20).optional(),
  location: GeoPoint.optional(),
  /** A place's name and address given with its pin (a Telegram venue, a WhatsApp chosen place). */
  place: z
    .object({ name: z.string().max(300).optional(), address: z.string().max(1000).optional() })
    .optional(),
  /**
   * A shared contact card. `own`: the platform says it is the sender's own (Telegram `contact.user_id` equals the
   * sender; a WhatsApp reply to a phone-number request); any other card is evidence, never the citizen's phone.
   */
  contact: z
    .object({ phone: z.string().max(40), name: z.string().max(200).optional(), own: z.boolean().optional() })
    .optional(),
  /** A phone number the channel itself vouches for (WhatsApp), never one the citizen typed. */
  channelPhone: z.string().optional(),
  /** Forwarded from someone else: kept as part of the story, never read as the citizen's name, NIK or phone. */
  forwarded: z.boolean().optional(),
  /**
   * The message this one replies to, as its platform names it (a Telegram message id, a Cloud API wamid, a
   * whatsapp-web.js quoted stanza id): a reply to a message about a ticket reaches that ticket.
   */
  replyTo: z.string().min(1).max(300).optional(),
  /** This message edits an earlier one: that message's `messageId` (the flow corrects what it answered). */
  edits: z.string().min(1).max(300).optional(),
  /**
   * Channel notices about this very message ("can't read this kind yet", "file too large"): queued in the same
   * deduplicated transaction as everything else, so a redelivered body never sends them twice.
   */
  notices: z.array(ChannelNotice).max(5).optional(),
  /** The channel answers this message itself (a WhatsApp menu's next page): recorded only, so it is answered once. */
  answeredByChannel: z.boolean().optional(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;
