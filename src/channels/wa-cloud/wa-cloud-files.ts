// Officers' files on the WhatsApp Cloud API: uploaded (POST /<phone-number-id>/media), then sent by media id;
// JPEG and PNG up to 5 MB as pictures, PDF, Word and larger pictures up to 100 MB as documents (WebP too:
// WhatsApp takes it only as a sticker). Beyond that, or refused for good, the file goes as a link.
import type { OutboundFile } from '../../domain/reply.js';
import type { FileSending } from '../../outbox/file-delivery.js';
import { SendError } from '../../outbox/outbound-channel.js';
import { GRAPH_CODES, isWindowClosed, toSendError } from './graph-errors.js';
import type { GraphBody } from './graph-payloads.js';

const MB = 1024 * 1024;
/** Meta's limits for media a business sends. */
export const WA_IMAGE_MAX = 5 * MB;
export const WA_DOCUMENT_MAX = 100 * MB;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
  'image/webp',
]);

export type WaCloudFileDeps = {
  upload(data: Uint8Array, mime: string, filename: string): Promise<string>;
  /** Posts a message to the chat in its turn among the chat's other sends; the wamid. */
  post(chatId: string, body: GraphBody): Promise<string>;
  /** Whether free-form messages may go to the chat now (the 24-hour window). */
  windowOpen(chatId: string): boolean;
};

/** Outside the window a file cannot go: it becomes a link, held with the text behind the template. */
const windowClosed = () =>
  new SendError('whatsapp window closed: the file goes as a link', false, undefined, {
    code: String(GRAPH_CODES.windowClosed),
  });

export function waCloudFiles(deps: WaCloudFileDeps): FileSending {
  return {
    fits: (file) => DOCUMENT_TYPES.has(file.mime) && file.size <= WA_DOCUMENT_MAX,
    async sendFile(chatId: string, file: OutboundFile, data: Uint8Array) {
      if (!deps.windowOpen(chatId)) throw windowClosed();
      try {
        const id = await deps.upload(data, file.mime, file.name);
        const body: GraphBody =
          IMAGE_TYPES.has(file.mime) && file.size <= WA_IMAGE_MAX
            ? { type: 'image', image: { id } }
            : { type: 'document', document: { id, filename: file.name } };
        return await deps.post(chatId, body);
      } catch (err) {
        if (isWindowClosed(err)) throw windowClosed();
        throw toSendError(err);
      }
    },
  };
}
