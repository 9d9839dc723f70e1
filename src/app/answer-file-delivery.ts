// Composition of officers' files in the citizens' outbox: each channel's file sending, the bytes from the file
// store, and the fallback message of signed, expiring links (PUBLIC_BASE_URL), or a sentence without one.
import { readFile } from 'node:fs/promises';
import type { ChannelAdapter } from '../channels/channel.js';
import { TelegramChannel } from '../channels/telegram/telegram-channel.js';
import { telegramFiles } from '../channels/telegram/telegram-files.js';
import { WaCloudChannel } from '../channels/wa-cloud/wa-cloud-channel.js';
import { WaWebChannel } from '../channels/wa-web/wa-web-channel.js';
import { waWebFiles } from '../channels/wa-web/wa-web-files.js';
import type { Clock } from '../clock.js';
import type { Lang } from '../domain/reply.js';
import { witaDate } from '../domain/wita.js';
import { signAttachmentUrl } from '../forwarding/signed-links.js';
import { formatDate, t } from '../i18n/locales.js';
import { type FileDeliveryDeps, type FileSending, withFiles } from '../outbox/file-delivery.js';
import type { OutboundChannel } from '../outbox/outbound-channel.js';
import type { FileStore } from '../storage/file-store.js';

export type AnswerFileDeliveryOptions = {
  files: Pick<FileStore, 'pathOf'>;
  /** PUBLIC_BASE_URL: without it no link can be given, only the sentence. */
  baseUrl: string | null;
  secret: string;
  ttlMs: number;
  clock: Clock;
  langOf: (channel: string, chatId: string) => Lang;
  log?: FileDeliveryDeps['log'];
};

/** The file sending of the channels that have one (Telegram, both WhatsApps); the others get links. */
function sendingOf(channel: OutboundChannel | ChannelAdapter): FileSending | null {
  if (channel instanceof TelegramChannel) return telegramFiles(channel.bot);
  if (channel instanceof WaCloudChannel) return channel.files();
  if (channel instanceof WaWebChannel) return waWebFiles(channel);
  return null;
}

export function answerFileDelivery(opts: AnswerFileDeliveryOptions) {
  const fallback =
    (channel: string) =>
    (chatId: string, files: readonly { id: string; name: string }[]): string => {
      const lang = opts.langOf(channel, chatId);
      const expiresAt = Math.floor((opts.clock.now() + opts.ttlMs) / 1000) * 1000;
      return files
        .map((f) =>
          opts.baseUrl
            ? t(lang, 'answer.file.link', {
                name: f.name,
                url: signAttachmentUrl({
                  baseUrl: opts.baseUrl,
                  secret: opts.secret,
                  attachmentId: f.id,
                  expiresAt,
                }),
                date: formatDate(lang, witaDate(expiresAt), 'day'),
              })
            : t(lang, 'answer.file.no_link', { name: f.name }),
        )
        .join('\n\n');
    };
  return (channel: OutboundChannel): OutboundChannel =>
    withFiles(channel, sendingOf(channel), {
      read: async (file) => new Uint8Array(await readFile(opts.files.pathOf(file.sha256))),
      fallbackText: fallback(channel.channel),
      ...(opts.log ? { log: opts.log } : {}),
    });
}
