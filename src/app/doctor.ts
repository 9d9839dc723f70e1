// `npm run doctor`: configuration, database, disk, attachments and channel reachability, each with what to fix.
import { type Config, ConfigError } from './config.js';
import { checkBackups } from './doctor-backups.js';
import { checkTelegram, checkWaCloud, checkWaWeb } from './doctor-channels.js';
import { type Check, type Mark, errorText, ok } from './doctor-check.js';
import { flatten, scrub } from './doctor-config.js';
import { checkDatabase } from './doctor-database.js';
import { type StatFs, checkAttachments, checkDisk, checkHolidays } from './doctor-files.js';
import { checkRuntime } from './doctor-runtime.js';

export type DoctorDeps = {
  /** The configuration loader: `loadConfigFromEnv` in the CLI, `() => loadConfig(env)` in tests. */
  load: () => Config;
  fetch?: typeof fetch;
  /** Reachability timeout per channel (5 s). */
  timeoutMs?: number;
  /** integrity_check (reads every page) instead of quick_check. */
  full?: boolean;
  statfs?: StatFs;
  now?: () => Date;
};

export type DoctorResult = {
  checks: Check[];
  /** The parsed configuration, one `key = value` a line, secrets masked. */
  config: string[];
  /** Every secret value seen, so the printed report can be scrubbed of them. */
  secrets: string[];
};

export async function runDoctor(deps: DoctorDeps): Promise<DoctorResult> {
  const checks: Check[] = [];
  const secrets: string[] = [];
  const configLines: string[] = [];
  let config: Config;
  try {
    config = deps.load();
  } catch (err) {
    const issues = err instanceof ConfigError ? err.issues : [errorText(err)];
    checks.push({
      mark: 'fail',
      name: 'configuration',
      detail: `invalid: ${issues.join('; ')}`,
      fix: 'fix these environment variables (see README → Configuration); nothing else can be checked until then',
    });
    return { checks, config: configLines, secrets };
  }
  flatten('', config, configLines, secrets);
  checks.push({ mark: 'ok', name: 'configuration', detail: 'parsed' });
  for (const p of config.channels.problems) {
    checks.push({
      mark: 'fail',
      name: p.channel,
      detail: `off, its settings are wrong: ${p.problems.join('; ')}`,
      fix: `fix these settings, or unset every ${p.channel.toUpperCase()} variable to keep it off`,
    });
  }
  checks.push(checkRuntime());
  checks.push(...checkDatabase(config, deps.full ?? false));
  checks.push(await checkDisk(config, deps.statfs));
  checks.push(await checkAttachments(config));
  checks.push(checkBackups(config));
  checks.push(checkHolidays(config, (deps.now ?? (() => new Date()))()));
  const f = deps.fetch ?? fetch;
  const ms = deps.timeoutMs ?? 5000;
  const { telegram, waCloud, waWeb } = config.channels;
  const reach: Promise<Check>[] = [];
  if (telegram) reach.push(checkTelegram(telegram, f, ms));
  if (waCloud) reach.push(checkWaCloud(waCloud, f, ms));
  if (waWeb) reach.push(checkWaWeb(waWeb));
  checks.push(...(await Promise.all(reach)));
  if (!telegram && !waCloud && !waWeb && config.channels.problems.length === 0) {
    checks.push(ok('channels', 'only the web chat is on (no Telegram or WhatsApp settings)'));
  }
  return { checks, config: configLines, secrets };
}

const SYMBOL: Record<Mark, string> = { ok: '✓', warn: '!', fail: '✗' };

/** The report as printed: the configuration, then one line per check with its fix; secrets scrubbed. */
export function formatReport(result: DoctorResult): string {
  const lines: string[] = [];
  if (result.config.length > 0) {
    lines.push('Configuration / konfigurasi:');
    for (const l of result.config) lines.push(`    ${l}`);
    lines.push('');
  }
  for (const c of result.checks) {
    lines.push(`${SYMBOL[c.mark]} ${c.name}: ${c.detail}`);
    if (c.fix && c.mark !== 'ok') lines.push(`    → ${c.fix}`);
  }
  const fails = result.checks.filter((c) => c.mark === 'fail').length;
  const warns = result.checks.filter((c) => c.mark === 'warn').length;
  lines.push('');
  lines.push(
    fails === 0 && warns === 0
      ? 'All fine / semua baik.'
      : `${fails} problem(s) to fix, ${warns} warning(s) / ${fails} masalah, ${warns} peringatan.`,
  );
  return `${scrub(lines.join('\n'), result.secrets)}\n`;
}

/** 1 when a check failed; with `strict`, warnings count too. */
export function exitCode(result: DoctorResult, strict = false): number {
  return result.checks.some((c) => c.mark === 'fail' || (strict && c.mark === 'warn')) ? 1 : 0;
}
