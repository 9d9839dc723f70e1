// A whatsapp-web.js Message → an InboundMessage: personal chats only; text, media, location and contact cards.
import { z } from 'zod';
import type { InboundMedia, InboundMessage, MediaKind } from '../../conversation/inbound.js';
import { type Sender, errorText } from './sender-directory.js';
import { parseVCard } from './vcard.js';
import { isGroup, isPersonalChat, isStatusBroadcast } from './wa-ids.js';

/** Something the adapter tells the citizen itself (the runtime never saw the message, or only its caption). */
export type Notice =
  | { kind: 'unsupported' }
  | { kind: 'too_large'; maxMb: number }
  | { kind: 'media_failed' };

export type IgnoreReason = 'invalid' | 'own' | 'status' | 'group' | 'not_personal' | 'system' | 'empty';

export type Normalized =
  | { kind: 'deliver'; message: InboundMessage; notices: Notice[] }
  | { kind: 'notice'; chatId: string; notices: Notice[] }
  | { kind: 'ignore'; reason: IgnoreReason };

export type NormalizeDeps = {
  resolveSender(from: string): Promise<Sender>;
  maxMediaBytes: number;
  log: { warn(obj: object, msg: string): void };
};

const Coordinate = z.union([z.number(), z.string()]).transform(Number);

/** Only the fields read here; everything else on the Message is ignored. */
const MessageFields = z.object({
  from: z.string().min(1).max(200),
  fromMe: z.boolean().nullish(),
  isStatus: z.boolean().nullish(),
  id: z.object({ _serialized: z.string().min(1).max(300) }),
  type: z.string().max(60),
  body: z.string().nullish(),
  hasMedia: z.boolean().nullish(),
  location: z.object({ latitude: Coordinate, longitude: Coordinate }).nullish(),
  vCards: z.array(z.string()).nullish(),
  /** The raw model: its `size` (bytes) lets a huge file be refused before it is downloaded. */
  /** `quotedStanzaID`: the quoted message's id within its chat (a reply to one of our messages). */
  _data: z.object({ size: z.number().nullish(), quotedStanzaID: z.string().max(300).nullish() }).nullish(),
});
type MessageFields = z.infer<typeof MessageFields>;

const DownloadedMedia = z.object({
  mimetype: z.string().min(1).max(200),
  data: z.string(),
  filename: z.string().nullish(),
});

const TEXT_TYPES = new Set(['chat', 'buttons_response', 'list_response', 'template_button_reply']);

const MEDIA_KINDS: Record<string, MediaKind> = {
  image: 'photo',
  video: 'video',
  ptt: 'voice',
  audio: 'voice',
  document: 'document',
  sticker: 'sticker',
};

/** Content a person sent that Aduan cannot take: answered with channel.unsupported (the rest is ignored). */
const UNSUPPORTED_TYPES = new Set([
  'poll_creation',
  'scheduled_event_creation',
  'product',
  'order',
  'payment',
  'groups_v4_invite',
  'oversized',
  'interactive',
]);

/** The filters every event shares: bot's own messages, status updates, groups and non-personal chats. */
function skipReason(m: MessageFields): IgnoreReason | null {
  if (m.fromMe) return 'own';
  if (m.isStatus || isStatusBroadcast(m.from)) return 'status';
  if (isGroup(m.from)) return 'group';
  if (!isPersonalChat(m.from)) return 'not_personal';
  return null;
}

export async function normalizeMessage(raw: unknown, deps: NormalizeDeps): Promise<Normalized> {
  const parsed = MessageFields.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'invalid' };
  const m = parsed.data;
  const skip = skipReason(m);
  if (skip) return { kind: 'ignore', reason: skip };

  const mediaKind = MEDIA_KINDS[m.type];
  const handled =
    TEXT_TYPES.has(m.type) ||
    mediaKind !== undefined ||
    m.type === 'location' ||
    m.type === 'vcard' ||
    m.type === 'multi_vcard';
  if (!handled && !UNSUPPORTED_TYPES.has(m.type)) return { kind: 'ignore', reason: 'system' };

  const sender = await deps.resolveSender(m.from);
  const base: InboundMessage = {
    channel: 'whatsapp',
    chatId: sender.chatId,
    messageId: m.id._serialized,
    ...(sender.channelPhone ? { channelPhone: sender.channelPhone } : {}),
    ...(m._data?.quotedStanzaID ? { replyTo: m._data.quotedStanzaID } : {}),
  };
  const notice = (n: Notice): Normalized => ({ kind: 'notice', chatId: sender.chatId, notices: [n] });

  if (!handled) return notice({ kind: 'unsupported' });

  if (TEXT_TYPES.has(m.type)) {
    const text = m.body ?? '';
    if (text.trim() === '') return { kind: 'ignore', reason: 'empty' };
    return { kind: 'deliver', message: { ...base, text }, notices: [] };
  }

  if (m.type === 'location') {
    const lat = m.location?.latitude;
    const lon = m.location?.longitude;
    const valid =
      lat !== undefined &&
      lon !== undefined &&
      Number.isFinite(lat) &&
      Number.isFinite(lon) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180;
    // The body of a location message is its map thumbnail, never text.
    return valid
      ? { kind: 'deliver', message: { ...base, location: { lat, lon } }, notices: [] }
      : notice({ kind: 'unsupported' });
  }

  if (m.type === 'vcard' || m.type === 'multi_vcard') {
    const contact = (m.vCards ?? []).map(parseVCard).find((c) => c !== null);
    return contact
      ? { kind: 'deliver', message: { ...base, contact }, notices: [] }
      : notice({ kind: 'unsupported' });
  }

  // Media: the body is the caption.
  const caption = (m.body ?? '').trim() === '' ? undefined : (m.body ?? undefined);
  const media = await downloadMedia(raw, m, mediaKind ?? 'document', deps);
  if ('notice' in media) {
    return caption
      ? { kind: 'deliver', message: { ...base, text: caption }, notices: [media.notice] }
      : notice(media.notice);
  }
  return {
    kind: 'deliver',
    message: { ...base, ...(caption ? { text: caption } : {}), media: [media.file] },
    notices: [],
  };
}

async function downloadMedia(
  raw: unknown,
  m: MessageFields,
  kind: MediaKind,
  deps: NormalizeDeps,
): Promise<{ file: InboundMedia } | { notice: Notice }> {
  const tooLarge: Notice = { kind: 'too_large', maxMb: Math.round(deps.maxMediaBytes / 1048576) };
  const announced = m._data?.size;
  if (typeof announced === 'number' && announced > deps.maxMediaBytes) return { notice: tooLarge };
  const holder = raw as { downloadMedia?: unknown };
  if (!m.hasMedia || typeof holder.downloadMedia !== 'function') return { notice: { kind: 'media_failed' } };
  let downloaded: unknown;
  try {
    // Called on the message itself: the method needs its `this` (id and client).
    downloaded = await (holder as { downloadMedia(): Promise<unknown> }).downloadMedia();
  } catch (err) {
    deps.log.warn({ messageType: m.type, err: errorText(err) }, 'whatsapp: media download failed');
    return { notice: { kind: 'media_failed' } };
  }
  const media = DownloadedMedia.safeParse(downloaded);
  // undefined: WhatsApp no longer has the file (404).
  if (!media.success) return { notice: { kind: 'media_failed' } };
  const b64 = media.data.data;
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  if (Math.floor((b64.length * 3) / 4) - padding > deps.maxMediaBytes) return { notice: tooLarge };
  const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
  if (bytes.byteLength === 0) return { notice: { kind: 'media_failed' } };
  if (bytes.byteLength > deps.maxMediaBytes) return { notice: tooLarge };
  const filename = media.data.filename?.slice(0, 255) || undefined;
  return {
    file: {
      kind,
      mime: media.data.mimetype.split(';')[0]?.trim() || media.data.mimetype,
      data: bytes,
      ...(filename ? { filename } : {}),
    },
  };
}

export type Revoked = { messageId: string; chatId: string; relatedIds: string[] };

const RevokeFields = MessageFields.extend({
  protocolMessageKey: z.object({ _serialized: z.string().min(1) }).nullish(),
});

/**
 * A "deleted for everyone" event → the id of the deleted message (its dedup key) and the chat. WhatsApp Web
 * changes the message in place, so `message.id` is the original's; `protocolMessageKey` and the pre-revoke copy
 * can carry another form of it, passed as related ids.
 */
export async function normalizeRevoke(
  message: unknown,
  before: unknown,
  deps: Pick<NormalizeDeps, 'resolveSender'>,
): Promise<Revoked | null> {
  const parsed = RevokeFields.safeParse(message);
  if (!parsed.success || skipReason(parsed.data)) return null;
  const m = parsed.data;
  const sender = await deps.resolveSender(m.from);
  const prior = z.object({ id: z.object({ _serialized: z.string() }) }).safeParse(before);
  const related = [
    m.protocolMessageKey?._serialized,
    prior.success ? prior.data.id._serialized : undefined,
  ].filter((id): id is string => id !== undefined && id !== m.id._serialized);
  return { messageId: m.id._serialized, chatId: sender.chatId, relatedIds: [...new Set(related)] };
}
