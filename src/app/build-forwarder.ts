// Wires ticket forwarding from the configuration: the methods that are set up, payloads, signed links, the forwarder.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Clock, Ids } from '../clock.js';
import type { DeliveryMethodName } from '../domain/destination.js';
import { EmailMethod } from '../forwarding/email.js';
import { type FailureKind, type ForwardResult, Forwarder } from '../forwarding/forwarder.js';
import type { DeliveryMethod } from '../forwarding/method.js';
import { Open311Method } from '../forwarding/open311.js';
import type { LinkSigner } from '../forwarding/payload.js';
import { makeLinkSigner } from '../forwarding/signed-links.js';
import { TelegramGroupMethod } from '../forwarding/telegram-group.js';
import { ticketPayloads } from '../forwarding/ticket-payloads.js';
import { WebhookMethod } from '../forwarding/webhook.js';
import { readTicketFile } from '../http/file-links.js';
import type { Directory } from '../routing/directory.js';
import type { FileStore } from '../storage/file-store.js';
import type { Store } from '../storage/store.js';
import type { Config } from './config.js';

/** Attachments e-mailed to an agency, in total; larger evidence goes as signed links only. */
const MAIL_ATTACHMENTS_BYTES = 7 * 1024 * 1024;

/** LINK_SECRET, or the one kept in the data directory, without making one (what the doctor reads); null if none. */
export function existingLinkSecret(configured: string | undefined, dataDir: string): string | null {
  if (configured) return configured;
  const file = join(dataDir, 'link-secret');
  if (!existsSync(file)) return null;
  const stored = readFileSync(file, 'utf8').trim();
  return stored.length >= 32 ? stored : null;
}

/** LINK_SECRET, or one generated once into the data directory and kept there (so links survive restarts). */
export function linkSecret(configured: string | undefined, dataDir: string): string {
  const existing = existingLinkSecret(configured, dataDir);
  if (existing) return existing;
  const file = join(dataDir, 'link-secret');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** The domain of the sender's address, for stable Message-IDs. */
export function messageIdDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)/.exec(from);
  return m?.[1] ?? 'aduan.local';
}

/** Attachment links on PUBLIC_BASE_URL valid LINK_TTL_DAYS (forwarded tickets, the officers' exports); none without it. */
export function configuredLinkSigner(config: Config, secret: string, clock: Clock): LinkSigner {
  return makeLinkSigner({
    baseUrl: config.PUBLIC_BASE_URL ?? null,
    secret,
    ttlMs: config.LINK_TTL_DAYS * 86_400_000,
    clock,
  });
}

export type ForwardingDeps = {
  config: Config;
  store: Store;
  files: FileStore;
  directory: Directory;
  clock: Clock;
  ids: Ids;
  log: Logger;
  secret: string;
  fault?: (point: 'mid_delivery') => void;
  onResult?: (method: DeliveryMethodName, result: ForwardResult, kind: FailureKind | null) => void;
};

export function buildForwarder(deps: ForwardingDeps): Forwarder {
  const { config, store, clock } = deps;
  const methods: Partial<Record<DeliveryMethodName, DeliveryMethod>> = {
    webhook: new WebhookMethod({ secrets: config.secrets, clock }),
    open311: new Open311Method({ secrets: config.secrets, clock }),
  };
  if (config.SMTP_URL) {
    const files = { files: deps.files, attachments: store.attachments };
    methods.email = new EmailMethod({
      transport: config.SMTP_URL,
      from: config.MAIL_FROM,
      messageIdDomain: messageIdDomain(config.MAIL_FROM),
      attachments: {
        maxTotalBytes: MAIL_ATTACHMENTS_BYTES,
        read: async (id) => (await readTicketFile(files, id))?.data ?? null,
      },
    });
  }
  const telegram = config.channels.telegram;
  if (telegram)
    methods.telegram = new TelegramGroupMethod({
      token: telegram.token,
      apiRoot: telegram.apiRoot,
      posted: (chatId, messageId, ticket) => store.telegramOfficers.recordMessage(chatId, messageId, ticket),
      buttons: store.groupButtons,
    });
  const signLink = configuredLinkSigner(config, deps.secret, clock);
  return new Forwarder({
    deliveries: store.deliveries,
    methods,
    destinationFor: (agencyId, destinationId) => {
      const agency = deps.directory.agency(agencyId);
      const destination = agency?.destinations.find((d) => d.id === destinationId);
      return agency && destination ? { agency: { id: agency.id, name: agency.name }, destination } : null;
    },
    payloadFor: ticketPayloads({
      views: store.forwardingViews,
      tickets: store.tickets,
      events: store.ticketEvents,
      agencyName: (id) => deps.directory.agency(id)?.name ?? null,
      signLink,
    }),
    clock,
    random: (n) => deps.ids.random(n),
    log: deps.log,
    // The same bound as the message senders': how long after a crash a cut-off send is tried again.
    policy: { leaseMarginMs: config.OUTBOX_LEASE_S * 1000 },
    fault: deps.fault,
    onResult: deps.onResult,
  });
}
