// Pure: the updates meant for the officer desk, never the citizen flow: `/tautkan KODE` in a private chat, a ticket
// button pressed in an officers' group, and `/balas <teks>` (or a code wrongly typed there) in that group.
import type { Lang } from '../../domain/reply.js';
import { isTicketButtonData } from '../../domain/ticket-buttons.js';
import type { TgUpdate } from './update-schema.js';

export type OfficerUpdate = { kind: 'officer'; chatId: string; userId: string } & (
  | { action: 'press'; queryId: string; messageId: number; data: string }
  | {
      action: 'link' | 'exposed_code' | 'reply';
      /** The command's own message. */
      messageId: number;
      /** `/balas@Name`: the bot it is addressed to (null when none is named). */
      mention: string | null;
      /** What follows the command: the code, or the text for the citizen. */
      rest: string;
      /** The message it replies to, if any (for /balas: a ticket's message). */
      replyTo: number | null;
      lang: Lang;
    }
);

const COMMAND = /^\/(tautkan|balas)(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/i;

/** The officer desk's update, or null when the update is the citizen channel's (or nobody's) as before. */
export function officerUpdate(update: TgUpdate, officerChats: ReadonlySet<string>): OfficerUpdate | null {
  const cb = update.callback_query;
  if (cb) {
    const message = cb.message;
    if (!message || !officerChats.has(String(message.chat.id))) return null;
    if (cb.data === undefined || !isTicketButtonData(cb.data)) return null;
    return {
      kind: 'officer',
      action: 'press',
      chatId: String(message.chat.id),
      userId: String(cb.from.id),
      queryId: cb.id,
      messageId: message.message_id,
      data: cb.data,
    };
  }
  const m = update.message;
  if (!m?.text || !m.from || m.from.is_bot) return null;
  const command = COMMAND.exec(m.text.trim());
  if (!command) return null;
  const chatId = String(m.chat.id);
  const name = (command[1] ?? '').toLowerCase();
  const inOfficers = officerChats.has(chatId);
  const action =
    m.chat.type === 'private'
      ? name === 'tautkan'
        ? 'link'
        : null
      : inOfficers
        ? name === 'tautkan'
          ? 'exposed_code'
          : 'reply'
        : null;
  if (action === null) return null;
  return {
    kind: 'officer',
    action,
    chatId,
    userId: String(m.from.id),
    messageId: m.message_id,
    mention: command[2] ?? null,
    rest: (command[3] ?? '').trim(),
    replyTo: m.reply_to_message?.message_id ?? null,
    lang: m.from.language_code?.toLowerCase().startsWith('en') ? 'en' : 'id',
  };
}
