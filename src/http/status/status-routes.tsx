// The citizens' status page outside the chat (mounted at /status): GET the form, POST a ticket number and PIN for
// its state. A wrong number and a wrong PIN get the same answer; lookups are limited per address and per number
// (stored: a restart or a second process keeps the counts).
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { canonicalPin } from '../../domain/status-pin.js';
import { canonicalTicketNumber } from '../../domain/ticket-number.js';
import { t } from '../../i18n/locales.js';
import type { Store } from '../../storage/store.js';
import { lookUpStatus } from '../../tickets/status-lookup.js';
import { kabkotaByCode } from '../../understand/region-lookup.js';
import { StatusForm } from './status-form.js';
import { StatusLayout } from './status-layout.js';
import { StatusResult } from './status-result.js';
import { StatusThrottle } from './status-throttle.js';

export type StatusPagesDeps = {
  store: Store;
  clock: Clock;
  /** The client's rate-limit key (its address, as the web guard reads it behind a proxy). */
  clientAddress: (c: Context) => string;
};

const LookupForm = z.object({ number: z.string().max(40), pin: z.string().max(40) });

const langOf = (c: Context): Lang => (c.req.query('lang') === 'en' ? 'en' : 'id');

/** Neither cached nor indexed: the answer is one citizen's ticket. */
function privateHeaders(c: Context): void {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
}

export function statusPages(deps: StatusPagesDeps): Hono {
  const app = new Hono();
  const throttle = new StatusThrottle(deps.store.throttles);

  app.get('/', (c) => {
    privateHeaders(c);
    const lang = langOf(c);
    return c.html(
      <StatusLayout lang={lang}>
        <StatusForm lang={lang} />
      </StatusLayout>,
    );
  });

  // Two short fields: anything larger is not this form.
  app.post('/', bodyLimit({ maxSize: 4096 }), async (c) => {
    privateHeaders(c);
    const lang = langOf(c);
    const form = LookupForm.safeParse(await c.req.parseBody());
    const typed = form.success ? form.data.number.trim() : '';
    const number = canonicalTicketNumber(typed);
    const address = deps.clientAddress(c);
    const now = deps.clock.now();
    const waitMs = throttle.waitMs(address, number ?? typed.toUpperCase(), now);
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      return c.html(
        <StatusLayout lang={lang}>
          <StatusForm lang={lang} problem={[t(lang, 'status_page.limited', { minutes })]} />
        </StatusLayout>,
        429,
      );
    }
    throttle.tried(address, now);
    const pin = form.success ? canonicalPin(form.data.pin) : null;
    const view = number && pin ? lookUpStatus(deps.store, number, pin) : null;
    if (!view) {
      if (number) throttle.wrong(number, now);
      return c.html(
        <StatusLayout lang={lang}>
          <StatusForm
            lang={lang}
            number={number ?? typed}
            problem={[t(lang, 'status_page.no_match'), t(lang, 'status_page.no_pin')]}
          />
        </StatusLayout>,
      );
    }
    const regionName = kabkotaByCode(view.kabkotaCode)?.name ?? view.kabkotaCode;
    return c.html(
      <StatusLayout lang={lang}>
        <StatusResult lang={lang} view={view} regionName={regionName} />
      </StatusLayout>,
    );
  });

  return app;
}
