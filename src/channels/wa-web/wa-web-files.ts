// Officers' files on WhatsApp Web: a MessageMedia of the file's bytes, JPEG and PNG as pictures, the rest (WebP
// too, which would become a sticker) as documents; up to 16 MB each (WhatsApp's media limit), links beyond.
import type { OutboundFile } from '../../domain/reply.js';
import type { FileSending } from '../../outbox/file-delivery.js';
import type { WaWebChannel } from './wa-web-channel.js';

/** Conservative: WhatsApp takes media up to 16 MB and documents up to 100 MB; one limit for both. */
export const WA_WEB_FILE_MAX = 16 * 1024 * 1024;
const PICTURE_TYPES = new Set(['image/jpeg', 'image/png']);

export function waWebFiles(channel: Pick<WaWebChannel, 'sendMedia'>): FileSending {
  return {
    fits: (file) => file.size <= WA_WEB_FILE_MAX,
    sendFile: (chatId: string, file: OutboundFile, data: Uint8Array) =>
      channel.sendMedia(
        chatId,
        { mimetype: file.mime, data: Buffer.from(data).toString('base64'), filename: file.name },
        PICTURE_TYPES.has(file.mime) ? {} : { sendMediaAsDocument: true },
      ),
  };
}
