// The environment as a zod schema, parsed once by the composition root; nothing else reads process.env.
import { resolve } from 'node:path';
import { z } from 'zod';
import { type TelegramSettings, telegramConfigFromEnv } from '../channels/telegram/telegram-config.js';
import { type WaCloudConfig, waCloudConfigFromEnv } from '../channels/wa-cloud/wa-cloud-config.js';
import { type WaWebConfig, waWebConfigFromEnv } from '../channels/wa-web/wa-web-config.js';
import { DEFAULT_HEAP_GROWTH_PERCENT } from './heap-tuning.js';

const flagValue = z.enum(['0', '1', 'true', 'false', 'yes', 'no', '']);
const isOn = (v: string) => v === '1' || v === 'true' || v === 'yes';
const flag = flagValue.default('0').transform(isOn);
/** A flag that is on unless set to 0 (an empty value keeps the default). */
const flagOn = flagValue.default('1').transform((v) => v === '' || isOn(v));
/** A per-sender limit: a whole number, 0 for none. */
const limit = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_PATH: z.string().min(1).optional(),
  SQLITE_SYNCHRONOUS: z.enum(['OFF', 'NORMAL', 'FULL']).default('NORMAL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Working days an agency has to answer, counted from verification (SP4N-LAPOR!). */
  ANSWER_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Working days an agency has to verify a new ticket (its first action), counted from filing. */
  VERIFY_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** The escalation ladder: working days from the reminder of a missed stage to the coordinator's watch. */
  LADDER_COORDINATOR_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  /** Working days from the coordinator's watch to Ombudsman's copy. */
  LADDER_OMBUDSMAN_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(100).default(10),
  HOLIDAYS_FILE: z.string().min(1).optional(),
  /** How long a chat asking for a person waits untaken before the bot takes it back (from the next opening). */
  HANDOFF_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  /** How long a taken hand-off stays with its officer without a message from them before the bot takes it back. */
  HANDOFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(120),
  /** Per-sender limits (token bucket per minute; uploads and megabytes per WITA day); 0 means no limit. */
  SENDER_MESSAGES_PER_MINUTE: limit(20),
  SENDER_UPLOADS_PER_DAY: limit(20),
  SENDER_UPLOAD_MB_PER_DAY: limit(50),
  /** 0 switches off Aduan's own Telegram send limiter: load tests against a fake Bot API only. */
  TELEGRAM_SEND_LIMITS: flagOn,
  /** How far the heap may grow past its live data before V8 collects, in percent (0: V8's own, up to 4x). */
  NODE_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(1000).default(DEFAULT_HEAP_GROWTH_PERCENT),
  /** How long a send may take before a crash is assumed and the message is sent again (at most once more). */
  OUTBOX_LEASE_S: z.coerce.number().int().min(5).max(3600).default(60),
  /** Lets requests choose the web sender with an X-Dev-Sender header (tests and tools only). */
  WEB_DEV_SENDERS: flag,
  /** The proxy in front runs on another machine: trust its X-Forwarded-For (one on this machine always is). */
  TRUST_PROXY: flag,
  /** Origins besides the request's own host that may POST to the web chat API, comma-separated. */
  WEB_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Scheduled online backups into BACKUP_DIR/aduan-YYYYMMDD-HHMM (UTC); off when unset. */
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_EVERY_HOURS: z.coerce.number().min(0.25).max(744).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** Days a closed ticket (ditutup, ditolak, dicabut) keeps its reporter's identity and files; 2 years by default. */
  RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(730),
  /** Days an expired draft is kept before it is dropped. */
  DRAFT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * `on`: before migrations change a database that holds data, a backup goes into BACKUP_DIR/pre-upgrade (or
   * DATA_DIR/pre-upgrade); `off` for operators who snapshot the disk themselves.
   */
  UPGRADE_BACKUP: z.enum(['on', 'off']).default('on'),
  /** A file with a 32-byte key (mode 600): backups are encrypted with it (AES-256-GCM); plain when unset. */
  BACKUP_KEY_FILE: z.string().min(1).optional(),
  /** The agency directory and routing rules (JSON); the embedded Kalsel directory when unset. */
  AGENCIES_FILE: z.string().min(1).optional(),
  /** Kecamatan or kab/kota boundary polygons (GeoJSON) for location pins; embedded centroids when unset. */
  BOUNDARIES_FILE: z.string().min(1).optional(),
  /** How agencies reach Aduan from outside (https://aduan.example.go.id): attachment links are built on it. */
  PUBLIC_BASE_URL: z
    .url()
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Signs attachment links; generated once into DATA_DIR/link-secret when unset. */
  LINK_SECRET: z.string().min(32).optional(),
  LINK_TTL_DAYS: z.coerce.number().min(1).max(90).default(14),
  /** Agencies' e-mail goes through this SMTP server (smtp://user:pass@host:587 or smtps://…); off when unset. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Aduan <aduan@localhost>'),
  /** Crash tests only: kill the process at a named point (after_commit, mid_send). */
  ADUAN_FAULT: z.enum(['after_commit', 'before_commit', 'mid_send', 'mid_delivery', '']).default(''),
  ADUAN_FAULT_AFTER: z.coerce.number().int().min(1).default(1),
});

/** The platform channels: each is off unless configured; a wrong setting switches only that channel off. */
export type ChannelsConfig = {
  telegram: TelegramSettings | null;
  waCloud: WaCloudConfig | null;
  waWeb: WaWebConfig | null;
  /** What is wrong with a channel's settings, in plain words, for the start-up log. */
  problems: { channel: string; problems: string[] }[];
};

export type Config = z.infer<typeof ConfigSchema> & {
  dbPath: string;
  dataDir: string;
  channels: ChannelsConfig;
  /** ADUAN_SECRET_* variables: secrets the agencies file names instead of holding them. */
  secrets: Record<string, string>;
};

function channelsFrom(env: Record<string, string | undefined>): ChannelsConfig {
  const out: ChannelsConfig = { telegram: null, waCloud: null, waWeb: null, problems: [] };
  const telegram = telegramConfigFromEnv(env);
  if (telegram.ok) out.telegram = telegram.config;
  else out.problems.push({ channel: 'telegram', problems: telegram.problems });
  const waCloud = waCloudConfigFromEnv(env);
  if (waCloud.ok) out.waCloud = waCloud.config;
  else out.problems.push({ channel: 'wacloud', problems: waCloud.problems });
  const waWeb = waWebConfigFromEnv(env);
  if (waWeb.ok) out.waWeb = waWeb.config.enabled ? waWeb.config : null;
  else out.problems.push({ channel: 'whatsapp', problems: waWeb.problems });
  return out;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return {
    ...parsed.data,
    dataDir,
    dbPath: resolve(parsed.data.DB_PATH ?? `${dataDir}/aduan.db`),
    channels: channelsFrom(env),
    secrets: Object.fromEntries(
      Object.entries(env).flatMap(([k, v]) => (k.startsWith('ADUAN_SECRET_') && v ? [[k, v]] : [])),
    ),
  };
}

/** The process environment, read here only: main.ts and the CLIs call this. */
export function loadConfigFromEnv(): Config {
  return loadConfig(process.env);
}
