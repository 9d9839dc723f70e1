// Wires the Open311 reporters' e-mails from the configuration: none without SMTP_URL (the changes then wait in the
// tickets' events, and are mailed once it is set), else the officers' notices' SMTP sender from MAIL_FROM.
import type { Logger } from 'pino';
import type { Clock, Ids } from '../clock.js';
import { emailNoticeSender } from '../forwarding/notice-senders.js';
import { ReporterMailer } from '../forwarding/reporter-mailer.js';
import type { Store } from '../storage/store.js';
import type { Config } from './config.js';

export function buildReporterMailer(deps: {
  config: Config;
  store: Store;
  clock: Clock;
  ids: Ids;
  log: Logger;
}): ReporterMailer | null {
  const { config } = deps;
  if (!config.SMTP_URL) return null;
  return new ReporterMailer({
    store: deps.store,
    send: emailNoticeSender(config.SMTP_URL, config.MAIL_FROM),
    clock: deps.clock,
    random: (n) => deps.ids.random(n),
    log: deps.log,
  });
}
