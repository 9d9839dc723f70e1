// The whole HTTP app over a test harness, with the officers' pages and API mounted (HTTPS assumed unless told).
import { createApp } from '../../src/http/app.js';
import { TelegramLinking } from '../../src/officers/telegram-linking.js';
import type { Harness } from './harness.js';

export function officerApp(h: Harness, secure: () => boolean = () => true): ReturnType<typeof createApp> {
  return createApp({
    handle: (m) => h.core.runtime.handle(m),
    store: h.core.store,
    ids: h.core.ids,
    clock: h.clock,
    maxUploadBytes: 1024,
    devSenders: false,
    log: { error: () => {} },
    officers: {
      store: h.core.store,
      files: h.core.files,
      actions: h.core.actions,
      directory: h.core.directory,
      clock: h.clock,
      secureRequest: secure,
      clientAddress: () => '10.0.0.7',
      telegramLinking: new TelegramLinking({
        store: h.core.store,
        clock: h.clock,
        random: h.core.ids.random,
      }),
    },
  });
}
