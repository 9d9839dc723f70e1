// The whole HTTP app over a test harness: the officers' pages and API, the status page and the Open311 server (HTTPS
// assumed unless told). Each app remembers its harness, so that a page client can pass the sign-in's second step.
import type { LinkSigner } from '../../src/forwarding/payload.js';
import { createApp } from '../../src/http/app.js';
import { TelegramLinking } from '../../src/officers/telegram-linking.js';
import type { Harness } from './harness.js';
import { testTwoFactor } from './two-factor.js';

const harnesses = new WeakMap<object, Harness>();

/** The harness an app of `officerApp` runs over. */
export const harnessOf = (app: object): Harness | undefined => harnesses.get(app);

/** `address`: the client address the status page's rate limits see; `signLink`: the exports' evidence links. */
export function officerApp(
  h: Harness,
  secure: () => boolean = () => true,
  address: () => string = () => '10.0.0.7',
  signLink?: LinkSigner,
): ReturnType<typeof createApp> {
  const app = createApp({
    handle: (m) => h.core.runtime.handle(m),
    store: h.core.store,
    ids: h.core.ids,
    clock: h.clock,
    maxUploadBytes: 1024,
    devSenders: false,
    chatFiles: h.core.files,
    log: { error: () => {} },
    status: { store: h.core.store, clock: h.clock, clientAddress: address },
    open311: { store: h.core.store, directory: h.core.directory, clock: h.clock, intake: h.core.open311 },
    officers: {
      store: h.core.store,
      files: h.core.files,
      actions: h.core.actions,
      directory: h.core.directory,
      clock: h.clock,
      secureRequest: secure,
      clientAddress: () => '10.0.0.7',
      handoffs: h.core.handoffs,
      telegramLinking: new TelegramLinking({
        store: h.core.store,
        clock: h.clock,
        random: h.core.ids.random,
      }),
      twoFactor: testTwoFactor(h),
      ...(signLink ? { signLink } : {}),
    },
  });
  harnesses.set(app, h);
  return app;
}
