// What the load test and the crash drill share: command-line numbers, the service's environment, the fake Bot API
// token and secret, the report output, and clean-up on Ctrl-C.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { TELEGRAM_RATES } from '../../src/channels/telegram/token-bucket.js';
import { killAllServices } from './service-process.js';

export const BOT_TOKEN = '424242:DRILL-token_abcdefghijklmnopqrstuv';

export const WEBHOOK_PATH = '/channels/telegram/webhook';

export function newSecret(): string {
  return `drill_${randomBytes(12).toString('hex')}`;
}

/** A number option within bounds; the whole run stops with a clear message otherwise. */
export function num(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new Error(`--${name} must be a number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return n;
}

/** "1000-3000" → [1000, 3000]. */
export function range(value: string | undefined, name: string, fallback: [number, number]): [number, number] {
  if (value === undefined) return fallback;
  const m = /^(\d+)-(\d+)$/.exec(value.trim());
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2]);
  if (!m || lo > hi || hi > 600_000)
    throw new Error(`--${name} must look like 1000-3000 (ms), got ${JSON.stringify(value)}`);
  return [lo, hi];
}

/** The service's environment: Telegram in webhook mode against the fake, everything else off. */
export function serviceEnv(opts: {
  dataDir: string;
  apiRoot: string;
  secret: string;
  leaseS?: number;
  logLevel?: string;
}): Record<string, string> {
  return {
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: opts.logLevel ?? 'warn',
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: opts.secret,
    TELEGRAM_API_ROOT: opts.apiRoot,
    ...(opts.leaseS !== undefined ? { OUTBOX_LEASE_S: String(opts.leaseS) } : {}),
    // As `npm start`, the systemd unit and the image run the service.
    MALLOC_ARENA_MAX: '2',
    MALLOC_TRIM_THRESHOLD_: '262144',
  };
}

/** The report as one JSON object on stdout (and in a file with --out). */
export function emit(report: unknown, outPath: string | undefined): void {
  const json = JSON.stringify(report, null, 2);
  if (outPath) writeFileSync(outPath, `${json}\n`);
  process.stdout.write(`${json}\n`);
}

export const log = (line: string): void => {
  process.stderr.write(`[drill] ${line}\n`);
};

/** Ctrl-C or SIGTERM: kill the service processes this run started (by pid), then leave. */
export function onAbort(cleanup: () => void): void {
  const handler = (signal: string) => {
    log(`${signal}: stopping the service processes`);
    void killAllServices().finally(() => {
      cleanup();
      process.exit(130);
    });
  };
  process.once('SIGINT', () => handler('SIGINT'));
  process.once('SIGTERM', () => handler('SIGTERM'));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The send limits the Telegram adapter holds (src/channels/telegram/token-bucket.ts), as that file says. */
export const SEND_LIMITS = {
  overallPerSecond: TELEGRAM_RATES.overall.perSecond,
  overallBurst: TELEGRAM_RATES.overall.burst,
  perChatPerSecond: TELEGRAM_RATES.perChat.perSecond,
  perChatBurst: TELEGRAM_RATES.perChat.burst,
};
