// Pure: a raw Telegram Update → what the channel should do with it (deliver, buffer an album part, reply, ignore).
import { type ChannelNotice, type MediaKind, placeOf } from '../../conversation/inbound.js';
import type { GeoPoint } from '../../domain/complaint.js';
import { type OfficerUpdate, officerUpdate } from './officer-updates.js';
import { type TgCallbackQuery, type TgChatMemberUpdated, type TgMessage, TgUpdate } from './update-schema.js';

/** A file to fetch with getFile before the message reaches the runtime. */
export type FileRef = {
  kind: MediaKind;
  fileId: string;
  mime: string;
  filename?: string;
  /** Bytes, when Telegram says (used to refuse a file too large before downloading it). */
  size?: number;
};

/** Replies the channel sends itself, without the flow (a group has no conversation to queue them in). */
export type DirectReplyKey = 'channel.private_only';

export type NormalizedMessage = {
  kind: 'message';
  chatId: string;
  /** The dedup key: `<chat>:<message_id>`, `cb:<callback id>` or `edit:<chat>:<message_id>:<edit_date>`. */
  messageId: string;
  text?: string;
  files: FileRef[];
  location?: GeoPoint;
  /** A venue's title and address, beside its pin. */
  place?: { name?: string; address?: string };
  /** `own`: the card is the sender's own (the phone button), not someone else's. */
  contact?: { phone: string; name?: string; own: boolean };
  /** Set for a button press: the channel answers it (answerCallbackQuery). */
  callbackQueryId?: string;
  /** An edit: the dedup key of the message it edits. */
  edits?: string;
  forwarded?: boolean;
  /** The bot message (its message_id) this one replies to. */
  replyTo?: string;
  /** Nothing the flow can read (a dice, a poll, a story): the "can't read this yet" notice, deduplicated. */
  notices?: ChannelNotice[];
};

export type AlbumPart = {
  kind: 'album_part';
  chatId: string;
  /** The dedup key of the whole album: `album:<chat>:<media_group_id>`. */
  albumKey: string;
  messageId: number;
  caption?: string;
  file: FileRef;
};

export type Normalized =
  | NormalizedMessage
  | AlbumPart
  | { kind: 'reply'; chatId: string; key: DirectReplyKey; callbackQueryId?: string }
  /** The citizen blocked (`kicked`) or unblocked the bot in its private chat: never answered. */
  | { kind: 'chat_blocked'; chatId: string; blocked: boolean }
  /** For the officer desk, never the citizen flow: `/tautkan`, a ticket button or `/balas` in an officers' group. */
  | OfficerUpdate
  | { kind: 'ignore'; reason: string; callbackQueryId?: string };

export type NormalizeOptions = {
  /** Officers' group chats: the bot stays silent there, except for ticket buttons and `/balas`. */
  officerChatIds?: Iterable<string>;
};

/** Service messages (pins, members joining…) that say nothing to the conversation. */
const SERVICE_KEYS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'pinned_message',
  'message_auto_delete_timer_changed',
  'write_access_allowed',
  'group_chat_created',
  'supergroup_chat_created',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'boost_added',
  'chat_background_set',
  'proximity_alert_triggered',
  'users_shared',
  'chat_shared',
  'successful_payment',
] as const;

export function normalizeUpdate(raw: unknown, opts: NormalizeOptions = {}): Normalized {
  const parsed = TgUpdate.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'not a valid update' };
  const update = parsed.data;
  const officers = new Set(opts.officerChatIds ?? []);
  const officer = officerUpdate(update, officers);
  if (officer) return officer;
  if (update.callback_query) return fromCallback(update.callback_query, officers);
  if (update.message) {
    // Pins, joins, title changes, migrations: nothing was said to anyone, in a group or not.
    if (isService(raw)) return { kind: 'ignore', reason: 'service message' };
    return fromMessage(update.message, officers);
  }
  if (update.edited_message) return fromEdit(update.edited_message);
  if (update.my_chat_member) return fromMembership(update.my_chat_member);
  return { kind: 'ignore', reason: 'update type not handled' };
}

/** Only a private chat's block and unblock matter; the bot added to or removed from a group says nothing. */
function fromMembership(m: TgChatMemberUpdated): Normalized {
  if (m.chat.type !== 'private') return { kind: 'ignore', reason: 'membership outside a private chat' };
  const chatId = String(m.chat.id);
  if (m.new_chat_member.status === 'kicked') return { kind: 'chat_blocked', chatId, blocked: true };
  if (m.new_chat_member.status === 'member') return { kind: 'chat_blocked', chatId, blocked: false };
  return { kind: 'ignore', reason: 'membership change' };
}

function isService(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || !('message' in raw)) return false;
  const message = raw.message;
  if (typeof message !== 'object' || message === null) return false;
  return SERVICE_KEYS.some((k) => k in message);
}

function outsidePrivate(chatId: string, officers: Set<string>, callbackQueryId?: string): Normalized {
  if (officers.has(chatId)) return { kind: 'ignore', reason: 'officers group', callbackQueryId };
  return { kind: 'reply', chatId, key: 'channel.private_only', callbackQueryId };
}

function fromCallback(cb: TgCallbackQuery, officers: Set<string>): Normalized {
  // Buttons of inline-mode messages (no `message`): Aduan sends none, so such a press is not ours to answer.
  if (!cb.message) return { kind: 'ignore', reason: 'button without a message', callbackQueryId: cb.id };
  const chat = cb.message.chat;
  const chatId = String(chat.id);
  if (chat.type !== 'private') {
    if (officers.has(chatId)) return { kind: 'ignore', reason: 'officers group', callbackQueryId: cb.id };
    return { kind: 'ignore', reason: 'button outside a private chat', callbackQueryId: cb.id };
  }
  if (cb.data === undefined || cb.data === '') {
    return { kind: 'ignore', reason: 'button without data', callbackQueryId: cb.id };
  }
  return {
    kind: 'message',
    chatId,
    messageId: `cb:${cb.id}`,
    text: cb.data,
    files: [],
    callbackQueryId: cb.id,
  };
}

const isForwarded = (m: TgMessage) =>
  m.forward_origin !== undefined ||
  m.forward_date !== undefined ||
  m.forward_from !== undefined ||
  m.forward_from_chat !== undefined ||
  m.forward_sender_name !== undefined;

function fromMessage(m: TgMessage, officers: Set<string>): Normalized {
  const chatId = String(m.chat.id);
  if (m.chat.type !== 'private') return outsidePrivate(chatId, officers);
  if (m.from?.is_bot) return { kind: 'ignore', reason: 'from a bot' };
  const text = m.text ?? m.caption;
  const file = fileOf(m);
  if (m.media_group_id !== undefined && file) {
    return {
      kind: 'album_part',
      chatId,
      albumKey: `album:${chatId}:${m.media_group_id}`,
      messageId: m.message_id,
      ...(text !== undefined && text !== '' ? { caption: text } : {}),
      file,
    };
  }
  const point = m.location ?? m.venue?.location;
  const location = point ? { lat: point.latitude, lon: point.longitude } : undefined;
  const place = m.venue ? placeOf(m.venue.title, m.venue.address) : undefined;
  const contact = m.contact
    ? {
        phone: internationalPhone(m.contact.phone_number),
        ...nameOf(m.contact.first_name, m.contact.last_name),
        own: m.contact.user_id !== undefined && m.contact.user_id === m.from?.id,
      }
    : undefined;
  const hasText = text !== undefined && text.trim() !== '';
  const messageId = `${chatId}:${m.message_id}`;
  if (!hasText && !file && !location && !contact) {
    return { kind: 'message', chatId, messageId, files: [], notices: [{ key: 'channel.unsupported' }] };
  }
  return {
    kind: 'message',
    chatId,
    messageId,
    ...(hasText ? { text } : {}),
    files: file ? [file] : [],
    ...(location ? { location } : {}),
    ...(place ? { place } : {}),
    ...(contact ? { contact } : {}),
    ...(isForwarded(m) ? { forwarded: true } : {}),
    ...(m.reply_to_message ? { replyTo: String(m.reply_to_message.message_id) } : {}),
  };
}

/** An edited message is a correction of the message it edits: the flow applies it to what that one answered. */
function fromEdit(m: TgMessage): Normalized {
  const chatId = String(m.chat.id);
  if (m.chat.type !== 'private') return { kind: 'ignore', reason: 'edit outside a private chat' };
  const text = m.text ?? m.caption;
  // Live-location moves and edits that remove the text arrive as edits too: nothing to correct.
  if (text === undefined || text.trim() === '') return { kind: 'ignore', reason: 'edit without text' };
  return {
    kind: 'message',
    chatId,
    messageId: `edit:${chatId}:${m.message_id}:${m.edit_date ?? m.date ?? 0}`,
    text,
    files: [],
    edits: `${chatId}:${m.message_id}`,
  };
}

function nameOf(first?: string, last?: string): { name?: string } {
  const name = [first, last]
    .filter((s) => s !== undefined && s.trim() !== '')
    .join(' ')
    .slice(0, 200);
  return name ? { name } : {};
}

/** Telegram gives shared contacts in international form, sometimes without the "+". */
function internationalPhone(phone: string): string {
  const trimmed = phone.trim();
  return /^[1-9]\d{9,14}$/.test(trimmed) ? `+${trimmed}` : trimmed;
}

function sized(size: number | undefined): { size?: number } {
  return size === undefined ? {} : { size };
}

/** The one file a message carries, with the mime type Telegram gives or the one its kind implies. */
export function fileOf(m: TgMessage): FileRef | undefined {
  if (m.photo && m.photo.length > 0) {
    const largest = m.photo.reduce((a, b) =>
      (b.file_size ?? b.width * b.height) > (a.file_size ?? a.width * a.height) ? b : a,
    );
    return {
      kind: 'photo',
      fileId: largest.file_id,
      mime: 'image/jpeg',
      filename: 'foto.jpg',
      ...sized(largest.file_size),
    };
  }
  // Telegram sends a GIF as `animation` and, for old clients, as `document` too: it is an animation.
  if (m.animation) {
    const a = m.animation;
    return {
      kind: 'animation',
      fileId: a.file_id,
      mime: a.mime_type ?? 'video/mp4',
      ...(a.file_name ? { filename: a.file_name.slice(0, 255) } : {}),
      ...sized(a.file_size),
    };
  }
  if (m.document) {
    const d = m.document;
    return {
      kind: 'document',
      fileId: d.file_id,
      mime: d.mime_type ?? 'application/octet-stream',
      ...(d.file_name ? { filename: d.file_name.slice(0, 255) } : {}),
      ...sized(d.file_size),
    };
  }
  if (m.video) {
    const video = m.video;
    return {
      kind: 'video',
      fileId: video.file_id,
      mime: video.mime_type ?? 'video/mp4',
      ...(video.file_name ? { filename: video.file_name.slice(0, 255) } : {}),
      ...sized(video.file_size),
    };
  }
  if (m.video_note) {
    return {
      kind: 'video',
      fileId: m.video_note.file_id,
      mime: 'video/mp4',
      ...sized(m.video_note.file_size),
    };
  }
  if (m.voice) {
    return {
      kind: 'voice',
      fileId: m.voice.file_id,
      mime: m.voice.mime_type ?? 'audio/ogg',
      ...sized(m.voice.file_size),
    };
  }
  if (m.audio) {
    return {
      kind: 'voice',
      fileId: m.audio.file_id,
      mime: m.audio.mime_type ?? 'audio/mpeg',
      ...(m.audio.file_name ? { filename: m.audio.file_name.slice(0, 255) } : {}),
      ...sized(m.audio.file_size),
    };
  }
  if (m.sticker) {
    const s = m.sticker;
    if (s.is_video) return { kind: 'sticker', fileId: s.file_id, mime: 'video/webm', ...sized(s.file_size) };
    // An animated (.tgs) sticker is kept as its still thumbnail; the downloader checks the image's real type.
    const still = s.is_animated ? s.thumbnail : s;
    if (!still)
      return { kind: 'sticker', fileId: s.file_id, mime: 'application/x-tgsticker', ...sized(s.file_size) };
    return { kind: 'sticker', fileId: still.file_id, mime: 'image/webp', ...sized(still.file_size) };
  }
  return undefined;
}
