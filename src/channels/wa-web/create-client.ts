// The real whatsapp-web.js client: LocalAuth session under the data dir, system Chromium, headless.
import { join } from 'node:path';
import wwebjs from 'whatsapp-web.js';
import type { WaClientOptions, WaClientPort, WaMedia, WaMediaOptions } from './client-port.js';

// whatsapp-web.js is CommonJS: named ESM imports fail at run time, so destructure the default export.
const { Client, LocalAuth, MessageMedia } = wwebjs;

/** The library's client with the port's file send: a MessageMedia of the file's fields. */
class PortClient extends Client implements WaClientPort {
  sendMedia(chatId: string, media: WaMedia, options: WaMediaOptions) {
    return this.sendMessage(chatId, new MessageMedia(media.mimetype, media.data, media.filename), options);
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function createWwebClient(options: WaClientOptions): WaClientPort {
  const client = new PortClient({
    // Session files go to <sessionDir>/session; a logout removes them.
    authStrategy: new LocalAuth({ dataPath: options.sessionDir }),
    puppeteer: { headless: true, executablePath: options.chromiumPath, args: CHROMIUM_ARGS },
    // The WhatsApp Web page cache, kept with the session instead of ./.wwebjs_cache in the working directory.
    webVersionCache: { type: 'local', path: join(options.sessionDir, 'web-cache') },
    ...(options.pairPhone
      ? {
          pairWithPhoneNumber: {
            phoneNumber: options.pairPhone,
            showNotification: true,
            intervalMs: 180_000,
          },
        }
      : {}),
  });
  return client;
}
