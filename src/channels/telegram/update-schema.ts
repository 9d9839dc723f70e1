// The parts of a Telegram Bot API Update the channel reads, as zod schemas (unknown fields are ignored).
import { z } from 'zod';

const FileBase = {
  file_id: z.string().min(1),
  file_unique_id: z.string().optional(),
  file_size: z.number().int().nonnegative().optional(),
};

export const TgPhotoSize = z.object({ ...FileBase, width: z.number(), height: z.number() });
export const TgDocument = z.object({
  ...FileBase,
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});
export const TgVoice = z.object({ ...FileBase, mime_type: z.string().optional() });
export const TgSticker = z.object({
  ...FileBase,
  thumbnail: TgPhotoSize.optional(),
  is_animated: z.boolean().optional(),
  is_video: z.boolean().optional(),
});

export const TgChat = z.object({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
});

export const TgUser = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  language_code: z.string().optional(),
});

export const TgMessage = z.object({
  message_id: z.number().int(),
  date: z.number().int().optional(),
  edit_date: z.number().int().optional(),
  chat: TgChat,
  from: TgUser.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  media_group_id: z.string().optional(),
  photo: z.array(TgPhotoSize).optional(),
  document: TgDocument.optional(),
  voice: TgVoice.optional(),
  audio: TgDocument.optional(),
  video: TgDocument.optional(),
  video_note: TgVoice.optional(),
  animation: TgDocument.optional(),
  sticker: TgSticker.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  venue: z
    .object({
      location: z.object({ latitude: z.number(), longitude: z.number() }),
      title: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  /** Bot API 7 `forward_origin`; older messages carry `forward_from`, `forward_sender_name`, `forward_date`. */
  forward_origin: z.unknown().optional(),
  /** The message this one replies to: only its id is read (a reply to the bot's message about a ticket). */
  reply_to_message: z.object({ message_id: z.number().int() }).optional(),
  forward_date: z.number().optional(),
  forward_from: z.unknown().optional(),
  forward_from_chat: z.unknown().optional(),
  forward_sender_name: z.string().optional(),
  contact: z
    .object({
      phone_number: z.string(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      user_id: z.number().int().optional(),
    })
    .optional(),
});
export type TgMessage = z.infer<typeof TgMessage>;

export const TgCallbackQuery = z.object({
  id: z.string().min(1),
  from: TgUser,
  /** Absent for buttons on inline-mode messages; then the chat is the user's own private chat. */
  message: z.object({ message_id: z.number().int(), chat: TgChat }).optional(),
  data: z.string().optional(),
});
export type TgCallbackQuery = z.infer<typeof TgCallbackQuery>;

/** The bot's own membership changed: in a private chat, `kicked` is the citizen blocking it, `member` unblocking. */
export const TgChatMemberUpdated = z.object({
  chat: TgChat,
  date: z.number().int().optional(),
  new_chat_member: z.object({ status: z.string() }),
});
export type TgChatMemberUpdated = z.infer<typeof TgChatMemberUpdated>;

export const TgUpdate = z.object({
  update_id: z.number().int(),
  message: TgMessage.optional(),
  edited_message: TgMessage.optional(),
  channel_post: z.unknown().optional(),
  callback_query: TgCallbackQuery.optional(),
  my_chat_member: TgChatMemberUpdated.optional(),
});
export type TgUpdate = z.infer<typeof TgUpdate>;
