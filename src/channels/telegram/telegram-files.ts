// Officers' files on Telegram: pictures up to 10 MB as photos, anything up to the bots' 50 MB upload as a document.
import { Input, type Telegraf } from 'telegraf';
import type { OutboundFile } from '../../domain/reply.js';
import type { FileSending } from '../../outbox/file-delivery.js';
import { toSendError } from '../../platforms/telegram/send-errors.js';

const MB = 1024 * 1024;
/** The Bot API's limits for a file a bot uploads. */
export const TELEGRAM_PHOTO_MAX = 10 * MB;
export const TELEGRAM_UPLOAD_MAX = 50 * MB;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function telegramFiles(bot: Telegraf): FileSending {
  return {
    fits: (file) => file.size <= TELEGRAM_UPLOAD_MAX,
    async sendFile(chatId: string, file: OutboundFile, data: Uint8Array) {
      const input = Input.fromBuffer(Buffer.from(data), file.name);
      try {
        const sent =
          PHOTO_TYPES.has(file.mime) && file.size <= TELEGRAM_PHOTO_MAX
            ? await bot.telegram.sendPhoto(chatId, input)
            : await bot.telegram.sendDocument(chatId, input);
        return String(sent.message_id);
      } catch (err) {
        throw toSendError(err);
      }
    },
  };
}
