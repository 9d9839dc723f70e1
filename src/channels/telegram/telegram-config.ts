// The Telegram channel's environment variables: a zod fragment plus a parser that explains every problem.
import { z } from 'zod';

/** A bot token as BotFather prints it: "<bot id>:<secret>". */
const TOKEN = /^\d{3,20}:[A-Za-z0-9_-]{20,100}$/;
/** Telegram's rule for `secret_token`: 1–256 characters of A–Z, a–z, 0–9, _ and -. */
const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The variables as a zod object fragment (its `.shape` may be merged into the service's config schema). */
export const TelegramConfig = z.object({
  TELEGRAM_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(TOKEN, 'must look like "123456789:AA…" (the token BotFather gives)').optional(),
  ),
  TELEGRAM_MODE: z.preprocess(blankToUndefined, z.enum(['polling', 'webhook']).default('polling')),
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(
    blankToUndefined,
    z.string().regex(SECRET, 'must be 1–256 characters of A-Z, a-z, 0-9, "_" and "-"').optional(),
  ),
  /** Optional: the public HTTPS URL of `/channels/telegram/webhook`; when set, the channel registers it itself. */
  TELEGRAM_WEBHOOK_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).default('https://api.telegram.org'),
  ),
  TELEGRAM_MAX_FILE_MB: z.preprocess(blankToUndefined, z.coerce.number().positive().max(2000).default(10)),
  /** Optional: comma-separated chat ids of officers' groups, where the bot stays silent. */
  TELEGRAM_OFFICER_CHAT_IDS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/, 'must be a comma-separated list of chat ids')
      .optional(),
  ),
});

/** The channel's settings once parsed. */
export type TelegramSettings = {
  token: string;
  mode: 'polling' | 'webhook';
  /** Set in webhook mode: the value Telegram sends in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret: string | null;
  webhookUrl: string | null;
  apiRoot: string;
  maxFileBytes: number;
  officerChatIds: string[];
};

export type TelegramConfigResult =
  | { ok: true; config: TelegramSettings | null }
  | { ok: false; problems: string[] };

/**
 * Reads the Telegram variables from an environment the caller passes (never the process environment itself).
 * `config` is null when TELEGRAM_BOT_TOKEN is absent: the channel is off.
 */
export function telegramConfigFromEnv(env: Record<string, string | undefined>): TelegramConfigResult {
  const parsed = TelegramConfig.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'TELEGRAM'}: ${i.message}`),
    };
  }
  const e = parsed.data;
  // Without a token the channel is off, whatever else is set.
  if (!e.TELEGRAM_BOT_TOKEN) return { ok: true, config: null };
  const problems: string[] = [];
  if (e.TELEGRAM_MODE === 'webhook' && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push(
      'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook (1–256 characters of A-Z, a-z, 0-9, "_" and "-")',
    );
  }
  if (e.TELEGRAM_MODE === 'polling' && e.TELEGRAM_WEBHOOK_URL) {
    problems.push('TELEGRAM_WEBHOOK_URL: only used when TELEGRAM_MODE=webhook');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      token: e.TELEGRAM_BOT_TOKEN,
      mode: e.TELEGRAM_MODE,
      webhookSecret: e.TELEGRAM_MODE === 'webhook' ? (e.TELEGRAM_WEBHOOK_SECRET ?? null) : null,
      webhookUrl: e.TELEGRAM_WEBHOOK_URL ?? null,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      maxFileBytes: Math.round(e.TELEGRAM_MAX_FILE_MB * 1024 * 1024),
      officerChatIds: (e.TELEGRAM_OFFICER_CHAT_IDS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    },
  };
}
