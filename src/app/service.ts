// Builds the whole service from a parsed config: storage, runtime, senders, deadline sweep, HTTP server.
import { dirname, resolve as resolvePath } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { ChannelAdapter } from '../channels/channel.js';
import type { Clock, Ids } from '../clock.js';
import type { InboundMessage } from '../conversation/inbound.js';
import type { FaultPoint, Runtime } from '../conversation/runtime.js';
import { SenderLimits, limitSenders } from '../conversation/sender-limits.js';
import { StorageGuard, StorageHealth, StorageUnavailable } from '../conversation/storage-guard.js';
import { createApp } from '../http/app.js';
import { fileLinks } from '../http/file-links.js';
import { clientAddress, clientKey, requestIsSecure, webGuard } from '../http/web-guard.js';
import { t } from '../i18n/locales.js';
import { metricsRoutes } from '../observability/metrics-routes.js';
import { createMetrics, instrumentHandle } from '../observability/metrics.js';
import { overrideWarnings } from '../officers/agency-edits.js';
import { TelegramDesk } from '../officers/telegram-desk.js';
import { TelegramLinking } from '../officers/telegram-linking.js';
import { totpSecretBox } from '../officers/totp-secret-box.js';
import { TwoFactor } from '../officers/two-factor.js';
import { readBackupKey } from '../ops/backup-key.js';
import { scheduleBackups } from '../ops/backup.js';
import { blockSenders } from '../ops/block-list.js';
import { mailboxChannel } from '../outbox/outbound-channel.js';
import { DEFAULT_RETRY, OutboxSender } from '../outbox/outbox-sender.js';
import { loadDirectory } from '../routing/load-directory.js';
import { Checkpointer } from '../storage/checkpointer.js';
import type { Db } from '../storage/db.js';
import { GroupRolledBack } from '../storage/group-commit.js';
import type { Store } from '../storage/store.js';
import { loadBoundaries } from '../understand/boundaries.js';
import { locatePinWith } from '../understand/boundary-lookup.js';
import { answerFileDelivery } from './answer-file-delivery.js';
import { buildChannels } from './build-channels.js';
import { buildForwarder, configuredLinkSigner, linkSecret } from './build-forwarder.js';
import { buildNotifier } from './build-notifier.js';
import { buildReporterMailer } from './build-reporter-mailer.js';
import type { Config } from './config.js';
import { buildCore } from './core.js';
import { holidaysFix, missingYears } from './holidays.js';
import { composePipeline } from './inbound-pipeline.js';
import { WakeHub } from './wake-hub.js';

export type ServiceOptions = {
  config: Config;
  log: Logger;
  clock?: Clock;
  ids?: Ids;
  /** Platform channels; by default those the configuration switches on. The web chat is always there. */
  channels?: ChannelAdapter[];
  fault?: (point: FaultPoint) => void;
  /** The upgrade step ran first (start-up.ts): migrations may change a database that holds data. */
  upgradeCleared?: boolean;
};

export type Service = {
  store: Store;
  /** The open database (the composition's handle; tools and tests read it). */
  db: Db;
  runtime: Runtime;
  sender: OutboxSender;
  server: ServerType | null;
  port: number;
  /** Starts HTTP, the senders and the deadline sweep. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

const SWEEP_MS = 1000;

export function buildService(opts: ServiceOptions): Service {
  const { config, log } = opts;
  const directory = loadDirectory({ file: config.AGENCIES_FILE, secrets: config.secrets });
  for (const warning of directory.warnings) log.warn({ agencies: directory.source }, warning);
  const boundaries = config.BOUNDARIES_FILE ? loadBoundaries(config.BOUNDARIES_FILE) : null;
  // Scheduled backups need their key now: a wrong key file stops the start rather than the first backup.
  const backupKey =
    config.BACKUP_DIR && config.BACKUP_KEY_FILE ? readBackupKey(config.BACKUP_KEY_FILE) : null;
  if (config.BACKUP_DIR && !backupKey)
    log.warn(
      'scheduled backups are not encrypted: make a key (npm run backup -- --make-key PATH), set BACKUP_KEY_FILE',
    );
  if (boundaries && boundaries.missing.length > 0)
    log.warn(
      { missing: boundaries.missing.length },
      'boundaries file lacks some regions: pins there use centroids',
    );
  const hub = new WakeHub();
  const core = buildCore({
    directory,
    locate: locatePinWith(boundaries),
    dbPath: config.dbPath,
    dataDir: config.dataDir,
    synchronous: config.SQLITE_SYNCHRONOUS,
    upgradeCleared: opts.upgradeCleared,
    answerDays: config.ANSWER_DAYS,
    verifyDays: config.VERIFY_DAYS,
    handoffTimeoutMinutes: config.HANDOFF_TIMEOUT_MINUTES,
    handoffIdleMinutes: config.HANDOFF_IDLE_MINUTES,
    maxUploadMb: config.MAX_UPLOAD_MB,
    ladder: { coordinatorDays: config.LADDER_COORDINATOR_DAYS, ombudsmanDays: config.LADDER_OMBUDSMAN_DAYS },
    ladderFailed: (ticketId, err) => log.error({ err, ticketId }, 'ladder step failed: the stage is skipped'),
    holidaysFile: config.HOLIDAYS_FILE,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    retention: {
      days: config.RETENTION_DAYS,
      draftDays: config.DRAFT_RETENTION_DAYS,
      backupDays: Math.ceil((config.BACKUP_KEEP * config.BACKUP_EVERY_HOURS) / 24),
    },
    clock: opts.clock,
    ids: opts.ids,
    fault: opts.fault,
    log,
    onQueued: (queued) => hub.queued(queued),
    claimUntil: (channel, chatId) => hub.claimUntil(channel, chatId),
  });
  const { store, runtime, clock, ids } = core;
  for (const warning of overrideWarnings(store, config.secrets)) log.warn(warning);
  const unknownYears = missingYears(core.calendar, clock.now());
  if (unknownYears.length > 0)
    log.warn(
      { years: unknownYears },
      `the holiday calendar does not know ${unknownYears.join(', ')} (the next 60 days): deadlines there skip ` +
        `weekends only; ${holidaysFix(unknownYears)}`,
    );
  const metrics = createMetrics(store.metrics, { clock });
  const secret = linkSecret(config.LINK_SECRET, config.dataDir);

  for (const p of config.channels.problems) {
    log.error({ channel: p.channel, problems: p.problems }, `channel ${p.channel} is off: fix its settings`);
  }
  const retry = { ...DEFAULT_RETRY, leaseMs: config.OUTBOX_LEASE_S * 1000 };
  const outboxFailed = (channel: string, code: string) => metrics.outboxFailed(channel, code);
  const telegramLinking = new TelegramLinking({ store, clock, random: ids.random });
  const channels =
    opts.channels ??
    buildChannels({
      config: config.channels,
      dataDir: config.dataDir,
      store,
      clock,
      log,
      telegramSendLimits: config.TELEGRAM_SEND_LIMITS,
      retry,
      onFailed: outboxFailed,
      officerDesk: new TelegramDesk({ store, actions: core.actions, linking: telegramLinking }),
      // Read per update: a group an admin adds on /petugas/instansi is an officers' group at once.
      officerGroups: () => directory.telegramChats(),
    });
  const sender = new OutboxSender(
    store.outbox,
    [mailboxChannel('terminal'), ...channels].map(
      answerFileDelivery({
        files: core.files,
        baseUrl: config.PUBLIC_BASE_URL ?? null,
        secret,
        ttlMs: config.LINK_TTL_DAYS * 86_400_000,
        clock,
        langOf: (channel, chatId) => store.conversations.lang(channel, chatId),
        log,
      }),
    ),
    clock,
    log,
    retry,
    {
      ...(opts.fault ? { fault: opts.fault } : {}),
      onResult: (channel, result) => metrics.outbound(channel, result),
      onFailed: outboxFailed,
      commit: (fn) => store.txGrouped(fn),
    },
  );
  hub.onOutgoing((rows) => sender.wake(rows));
  hub.onClaim((channel, chatId) => sender.claimUntil({ channel, chatId }));
  const forwarder = buildForwarder({
    config,
    store,
    files: core.files,
    directory,
    clock,
    ids,
    log,
    secret,
    fault: opts.fault,
    onResult: (method, result, kind) => metrics.forwarded(method, result, kind),
  });
  /** Ticket deliveries run beside the message senders; a failed pass is logged, never thrown at the caller. */
  const forward = () => {
    void forwarder.drain().catch((err: unknown) => log.error({ err }, 'ticket forwarding pass failed'));
  };
  hub.onDeliveries(forward);
  const notifier = buildNotifier({ config, store, directory, clock, ids, log });
  /** Officers' notifications go out after their commit; a failed pass is logged, never thrown. */
  const notify = () => {
    void notifier.drain().catch((err: unknown) => log.error({ err }, 'officer notification pass failed'));
  };
  const reporterMailer = buildReporterMailer({ config, store, clock, ids, log });
  /** Open311 reporters' e-mails go out after the changes' commit; a failed pass is logged, never thrown. */
  const mailReporters = () => {
    void reporterMailer?.drain().catch((err: unknown) => log.error({ err }, 'reporter e-mail pass failed'));
  };

  const storageHealth = new StorageHealth();
  const storageGuard = new StorageGuard({
    health: storageHealth,
    clock,
    onFailure: (code, m) => {
      metrics.storageFailure(code);
      log.error(
        { code, channel: m.channel },
        'message not stored: storage unavailable, the platform will redeliver',
      );
    },
    notify: async (m) => {
      const channel = channels.find((c) => c.channel === m.channel);
      if (!channel || channel.state() !== 'connected') return;
      await channel.send(m.chatId, {
        text: t('id', 'error.storage_busy'),
        choices: [],
        expecting: 'none',
      });
    },
  });
  const handle = composePipeline(
    [
      // Outermost: a disk-full or busy database loses nothing (the caller answers 5xx or keeps its offset).
      { name: 'storage guard', wrap: (next) => storageGuard.wrap(next) },
      {
        // Blocked senders: recorded, never stepped or answered, never sent a limit notice either.
        name: 'block list',
        wrap: (next) => blockSenders(next, { blockList: store.blockList, store, clock }),
      },
      {
        name: 'sender limits',
        wrap: (next) =>
          limitSenders(next, {
            limits: new SenderLimits({
              clock,
              messagesPerMinute: config.SENDER_MESSAGES_PER_MINUTE,
              uploadsPerDay: config.SENDER_UPLOADS_PER_DAY,
              bytesPerDay: config.SENDER_UPLOAD_MB_PER_DAY * 1024 * 1024,
            }),
            store,
            clock,
            onQueued: (outgoing) => hub.queued({ outgoing, deliveries: false }),
            onLimited: (m, d) => {
              metrics.inbound(m.channel);
              metrics.limited(m.channel, d.reason);
              if (d.reply) log.warn({ channel: m.channel, reason: d.reason }, 'sender limited');
            },
          }),
      },
      { name: 'metrics', wrap: (next) => instrumentHandle(next, metrics) },
    ],
    (message) => runtime.handle(message),
  );

  let draining = false;
  const guardOptions = {
    trustProxy: config.TRUST_PROXY ? true : ('loopback' as const),
    allowedOrigins: config.WEB_ALLOWED_ORIGINS,
  };
  const app = createApp({
    handle,
    store,
    ids,
    clock,
    maxUploadBytes: core.files.limits.maxBytes,
    chatFiles: core.files,
    devSenders: config.WEB_DEV_SENDERS,
    log,
    channels,
    draining: () => draining,
    storage: () => storageHealth.current(),
    webGuard: webGuard(guardOptions),
    metrics: metricsRoutes(metrics.registry, { token: config.METRICS_TOKEN }),
    files: fileLinks({ secret, files: core.files, attachments: store.attachments, clock }),
    databaseOk: () => store.ping(),
    status: { store, clock, clientAddress: (c) => clientKey(clientAddress(c, guardOptions)) },
    open311: { store, directory, clock, intake: core.open311 },
    officers: {
      store,
      files: core.files,
      actions: core.actions,
      directory,
      clock,
      secureRequest: (c) => requestIsSecure(c, guardOptions),
      clientAddress: (c) => clientKey(clientAddress(c, guardOptions)),
      telegramLinking,
      // TOTP secrets are sealed under a key derived from the link secret (kept outside the database).
      twoFactor: new TwoFactor({ store, clock, random: ids.random, box: totpSecretBox(secret) }),
      handoffs: core.handoffs,
      mailConfigured: config.SMTP_URL !== undefined,
      signLink: configuredLinkSigner(config, secret, clock),
      boundaries,
    },
  });
  /**
   * Hands a channel's message to the pipeline in the next group commit: messages that arrive while the event loop is
   * busy share one commit. Resolves once it is committed (only then does a webhook answer 200); a failed commit
   * rejects, so the platform delivers the message again.
   */
  const deliver = async (message: InboundMessage): Promise<void> => {
    try {
      await store.txGrouped(() => handle(message));
    } catch (err) {
      // This message's own storage failure went through the guard already; one that took its group down did not.
      if (err instanceof StorageUnavailable) throw err;
      throw storageGuard.failed(err instanceof GroupRolledBack ? err.cause : err, message);
    }
  };

  let timer: NodeJS.Timeout | null = null;
  let stopBackups: (() => Promise<void>) | null = null;
  let checkpointer: Checkpointer | null = null;
  const service: Service = {
    store,
    db: core.db,
    runtime,
    sender,
    server: null,
    port: config.PORT,
    async start() {
      await new Promise<void>((resolve) => {
        service.server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
          service.port = info.port;
          resolve();
        });
      });
      let ticks = 0;
      const tick = () => {
        try {
          // Once a minute: tickets left at selesai for 10 days are closed; questions unanswered for 10 working days
          // give the ticket back to the agency.
          if (ticks++ % 60 === 0) {
            core.actions.closeQuietResolved();
            core.actions.returnUnanswered();
            store.tx(() => core.tickets.noticeDeadlines(clock.now()));
            // Missed deadline stages climb the ladder: reminder, the coordinator's watch, Ombudsman's copy.
            core.ladder.sweep();
            // Closed tickets past RETENTION_DAYS lose their identity; expired drafts and erased chats are finished.
            core.retention.sweep();
          }
          // Every 10 s: the statistics count what changed (a quarter of a second at most; the rest next time).
          if (ticks % 10 === 1) core.statistics.refresh();
          runtime.fireDue();
          sender.poll();
          forward();
          notify();
          mailReporters();
        } catch (err) {
          log.error({ err }, 'deadline sweep failed');
        }
      };
      if (store.officers.activeAdmins() === 0)
        log.warn(
          'no officer admin yet: create one with `echo "<password>" | npm run user -- add --username admin --role admin`, then sign in at /petugas',
        );
      if (config.dbPath !== ':memory:') checkpointer = new Checkpointer({ dbPath: config.dbPath, log });
      tick();
      timer = setInterval(tick, SWEEP_MS);
      if (config.BACKUP_DIR) {
        stopBackups = scheduleBackups({
          db: core.db,
          dataDir: config.dataDir,
          dir: resolvePath(config.BACKUP_DIR),
          everyHours: config.BACKUP_EVERY_HOURS,
          keep: config.BACKUP_KEEP,
          encryption: backupKey ? { key: backupKey, scratchDir: dirname(config.dbPath) } : undefined,
          onDone: (r) => log.info({ backup: r.name, deleted: r.deleted }, 'scheduled backup done'),
          onError: (err) => log.error({ err }, 'scheduled backup failed'),
        });
      }
      // A channel that cannot start (no network, a bad token) is reported and the rest keeps running.
      for (const channel of channels) {
        channel
          .start(deliver, (messageId) => runtime.seen(channel.channel, messageId))
          .then(
            () => log.info({ channel: channel.channel, state: channel.state() }, 'channel started'),
            (err: unknown) => log.error({ channel: channel.channel, err }, 'channel failed to start'),
          );
      }
    },
    /**
     * Stops taking messages (POSTs answer 503 so platforms redeliver later), stops the channels and the deadline
     * sweep, lets the senders finish what they hold, then closes the database. Steps are synchronous: none is
     * ever half done.
     */
    async stop() {
      draining = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled(channels.map((c) => c.stop()));
      await new Promise<void>((resolve) =>
        service.server ? service.server.close(() => resolve()) : resolve(),
      );
      // A message handed over just before the stop is committed now, not on a turn after the database closed.
      store.flushGroup();
      await sender.drain();
      await forwarder.stop();
      await notifier.stop();
      await reporterMailer?.stop();
      await stopBackups?.();
      await checkpointer?.stop();
      core.close();
    },
  };
  return service;
}
