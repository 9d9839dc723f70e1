// Wires the officers' notifier from the configuration: e-mail when SMTP_URL is set, Telegram when the bot has a
// token, the agencies' groups from the directory, links to ticket pages on PUBLIC_BASE_URL.
import type { Logger } from 'pino';
import type { Clock, Ids } from '../clock.js';
import { emailNoticeSender, telegramNoticeSender } from '../forwarding/notice-senders.js';
import { OfficerNotifier } from '../forwarding/officer-notifier.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import type { Config } from './config.js';

export function buildNotifier(deps: {
  config: Config;
  store: Store;
  directory: Directory;
  clock: Clock;
  ids: Ids;
  log: Logger;
}): OfficerNotifier {
  const { config, directory } = deps;
  const telegram = config.channels.telegram;
  return new OfficerNotifier({
    store: deps.store,
    email: config.SMTP_URL ? emailNoticeSender(config.SMTP_URL, config.MAIL_FROM) : null,
    telegram: telegram ? telegramNoticeSender(telegram.token, telegram.apiRoot) : null,
    groupChat: (agencyId, destinationId) => {
      const d = directory.agency(agencyId)?.destinations.find((x) => x.id === destinationId);
      return d?.method === 'telegram' ? d.chatId : null;
    },
    agencyName: (id) => directory.agency(id)?.name ?? null,
    baseUrl: config.PUBLIC_BASE_URL ?? null,
    clock: deps.clock,
    random: (n) => deps.ids.random(n),
    log: deps.log,
  });
}
