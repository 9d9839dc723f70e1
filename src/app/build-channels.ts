// Builds the platform channel adapters the configuration switches on, with their storage and language hooks.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ChannelAdapter } from '../channels/channel.js';
import type { OfficerDesk } from '../channels/telegram/officer-relay.js';
import { TelegramChannel } from '../channels/telegram/telegram-channel.js';
import { NO_SEND_LIMIT } from '../channels/telegram/token-bucket.js';
import { failedStatusHandler } from '../channels/wa-cloud/failed-statuses.js';
import { WaCloudChannel } from '../channels/wa-cloud/wa-cloud-channel.js';
import { WaWebChannel } from '../channels/wa-web/wa-web-channel.js';
import type { Clock } from '../clock.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../outbox/outbox-sender.js';
import type { Store } from '../storage/store.js';
import type { ChannelsConfig } from './config.js';

/** No directory groups: one array, so the channel's list is not joined again on every update. */
const NO_GROUPS: readonly string[] = [];

export function buildChannels(opts: {
  config: ChannelsConfig;
  dataDir: string;
  store: Store;
  clock: Clock;
  log: Logger;
  /** False only for load tests against a fake Bot API: the real one enforces its limits anyway. */
  telegramSendLimits?: boolean;
  /** The outbox's retry policy: a WhatsApp rate-limit failure reported later is retried by it. */
  retry?: RetryPolicy;
  /** A delivery the platform reported failed (WhatsApp statuses), with its error code: the metric. */
  onFailed?: (channel: string, code: string) => void;
  /** Officers acting from Telegram: `/tautkan`, ticket buttons and `/balas` (src/officers/telegram-desk.ts). */
  officerDesk?: OfficerDesk;
  /** The agencies' Telegram groups (the directory's destinations): officers' groups besides the configured ones. */
  officerGroups?: () => readonly string[];
}): ChannelAdapter[] {
  const { config, store, clock, log } = opts;
  const channels: ChannelAdapter[] = [];
  if (config.telegram) {
    const configured = config.telegram.officerChatIds;
    // Joined again only when the directory's groups change (the channel asks on every update).
    let groups: readonly string[] | null = null;
    let officerChats: readonly string[] = configured;
    channels.push(
      new TelegramChannel({
        settings: config.telegram,
        officerChats: () => {
          const now = opts.officerGroups?.() ?? NO_GROUPS;
          if (now !== groups) {
            groups = now;
            officerChats = [...configured, ...now];
          }
          return officerChats;
        },
        ...(opts.officerDesk ? { officerDesk: opts.officerDesk } : {}),
        log: log.child({ channel: 'telegram' }),
        langOf: (chatId) => store.conversations.lang('telegram', chatId),
        now: () => clock.now(),
        ...(opts.telegramSendLimits === false ? { rateLimit: NO_SEND_LIMIT } : {}),
        // The citizen blocked or unblocked the bot: held messages wait, or go out on the sender's next poll.
        onChatBlocked: (chatId, blocked) => {
          if (blocked) store.chatBlocks.block('telegram', chatId, clock.now());
          else store.chatBlocks.clear('telegram', chatId);
        },
      }),
    );
  }
  if (config.waCloud) {
    const waStore = store.waCloud;
    const waLog = log.child({ channel: 'wacloud' });
    channels.push(
      new WaCloudChannel({
        config: config.waCloud,
        store: waStore,
        clock,
        log: waLog,
        langOf: (chatId) => store.conversations.lang('wacloud', chatId),
        onStatus: failedStatusHandler({
          outbox: store.outbox,
          wa: waStore,
          tx: store.tx,
          clock,
          policy: opts.retry ?? DEFAULT_RETRY,
          log: waLog,
          ...(opts.onFailed ? { onFailed: opts.onFailed } : {}),
        }),
      }),
    );
  }
  if (config.waWeb) {
    channels.push(
      new WaWebChannel({
        config: config.waWeb,
        sessionDir: join(opts.dataDir, 'wa-web-session'),
        log: log.child({ channel: 'whatsapp' }),
        now: () => clock.now(),
        langFor: (chatId) => store.conversations.lang('whatsapp', chatId),
        onRevoke: (messageId, info) => {
          const conv = store.conversations.find('whatsapp', info.chatId);
          store.audit.record({
            at: clock.now(),
            actor: 'citizen',
            type: 'message.revoked',
            conversationId: conv?.id ?? null,
            data: { messageId, relatedIds: info.relatedIds },
          });
        },
      }),
    );
  }
  return channels;
}
