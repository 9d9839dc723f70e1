// `npm run doctor`: configuration, database, disk, attachments and channel reachability, each with what to fix.
import { randomBytes } from 'node:crypto';
import { constants, existsSync, readFileSync, statSync } from 'node:fs';
import { access, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { HolidayCalendar, WorkingDays } from '../domain/working-days.js';
import { integrityProblems } from '../ops/backup.js';
import { loadDirectory } from '../routing/directory.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import { Tickets } from '../storage/tickets.js';
import { type Config, ConfigError } from './config.js';

export type Mark = 'ok' | 'warn' | 'fail';

export type Check = { mark: Mark; name: string; detail: string; fix?: string };

export type DoctorDeps = {
  /** The configuration loader: `loadConfigFromEnv` in the CLI, `() => loadConfig(env)` in tests. */
  load: () => Config;
  fetch?: typeof fetch;
  /** Reachability timeout per channel (5 s). */
  timeoutMs?: number;
  /** integrity_check (reads every page) instead of quick_check. */
  full?: boolean;
  statfs?: (path: string) => Promise<{ bavail: number; bsize: number }>;
  now?: () => Date;
};

export type DoctorResult = {
  checks: Check[];
  /** The parsed configuration, one `key = value` a line, secrets masked. */
  config: string[];
  /** Every secret value seen, so the printed report can be scrubbed of them. */
  secrets: string[];
};

const GB = 1024 ** 3;
const MB = 1024 ** 2;
const WAL_WARN_BYTES = 128 * MB;

const SECRET_KEY = /token|secret|password/i;

/** `abc…(masked)`; short secrets show nothing at all. */
export function maskSecret(value: string): string {
  return value.length >= 8 ? `${value.slice(0, 3)}…(masked)` : '…(masked)';
}

function flatten(prefix: string, value: unknown, out: string[], secrets: string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (prefix === '' && k === 'channels') {
        flatten('channels', v, out, secrets);
        continue;
      }
      if (prefix === 'channels' && k === 'problems') continue;
      const key = prefix ? `${prefix}.${k}` : k;
      if (SECRET_KEY.test(k) && typeof v === 'string') {
        secrets.push(v);
        out.push(`${key} = ${maskSecret(v)}`);
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(key, v, out, secrets);
      else out.push(`${key} = ${v === null ? 'off' : Array.isArray(v) ? v.join(',') : String(v)}`);
    }
  }
}

/** Replaces every secret in a text by its masked form (errors may quote a URL holding the Telegram token). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length > 0) out = out.split(s).join(maskSecret(s));
  }
  return out;
}

const human = (bytes: number) =>
  bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`;

function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return err.name === 'TimeoutError' ? 'no answer within the timeout' : `${err.message}${cause}`;
  }
  return String(err);
}

function checkDatabase(config: Config, full: boolean): Check[] {
  const path = config.dbPath;
  if (!existsSync(path)) {
    return [
      {
        mark: 'warn',
        name: 'database',
        detail: `no database yet at ${path} / belum ada basis data`,
        fix: 'it is created at the first `npm start`; or restore a backup: npm run restore -- DIR',
      },
    ];
  }
  const checks: Check[] = [];
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    return [
      {
        mark: 'fail',
        name: 'database',
        detail: `cannot open ${path}: ${errorText(err)}`,
        fix: 'check the path (DB_PATH/DATA_DIR) and that this user may read and write it',
      },
    ];
  }
  try {
    checks.push({ mark: 'ok', name: 'database', detail: `${path} opens` });
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .pluck()
      .get();
    if (hasTable !== 1) {
      checks.push({
        mark: 'fail',
        name: 'migrations',
        detail: 'no schema_migrations table: this is not an Aduan database',
        fix: 'point DB_PATH at the right file, or restore a backup',
      });
    } else {
      const applied = new Set(
        db
          .prepare('SELECT version FROM schema_migrations')
          .pluck()
          .all()
          .filter((v): v is number => typeof v === 'number'),
      );
      const known = new Set(MIGRATIONS.map((m) => m.version));
      const pending = [...known].filter((v) => !applied.has(v));
      const unknown = [...applied].filter((v) => !known.has(v));
      if (unknown.length > 0) {
        checks.push({
          mark: 'fail',
          name: 'migrations',
          detail: `the database has migrations this Aduan does not know (${unknown.join(', ')})`,
          fix: 'run the newer Aduan that wrote it, or restore a backup made by this version',
        });
      } else if (pending.length > 0) {
        checks.push({
          mark: 'warn',
          name: 'migrations',
          detail: `${applied.size} of ${known.size} applied; pending ${pending.join(', ')}`,
          fix: 'they are applied at the next start; make a backup first (npm run backup -- DIR)',
        });
      } else {
        checks.push({ mark: 'ok', name: 'migrations', detail: `${applied.size} of ${known.size} applied` });
        checks.push(checkReceivers(config, db));
      }
    }
    const problems = integrityProblems(db, !full);
    checks.push(
      problems.length === 0
        ? { mark: 'ok', name: 'integrity', detail: `${full ? 'integrity_check' : 'quick_check'} ok` }
        : {
            mark: 'fail',
            name: 'integrity',
            detail: `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`,
            fix: 'stop Aduan and restore the latest good backup: npm run restore -- DIR',
          },
    );
  } catch (err) {
    checks.push({
      mark: 'fail',
      name: 'database',
      detail: `cannot read ${path}: ${errorText(err)}`,
      fix: 'stop Aduan and restore the latest good backup: npm run restore -- DIR',
    });
  } finally {
    db.close();
  }
  const wal = `${path}-wal`;
  const walBytes = existsSync(wal) ? readSize(wal) : 0;
  checks.push(
    walBytes > WAL_WARN_BYTES
      ? {
          mark: 'warn',
          name: 'WAL',
          detail: `${human(walBytes)} in ${wal}: checkpoints are not keeping up`,
          fix: 'a long read (an old backup or a stuck tool) holds the WAL; stop it, or restart Aduan',
        }
      : { mark: 'ok', name: 'WAL', detail: walBytes === 0 ? 'empty (fully checkpointed)' : human(walBytes) },
  );
  return checks;
}

/**
 * Which agencies can receive tickets (a destination in the directory, or an officer account) and which open tickets
 * reach no one at their agency: those wait with the coordinator or the admins.
 */
function checkReceivers(config: Config, db: Database.Database): Check {
  const directory = loadDirectory({ file: config.AGENCIES_FILE, secrets: config.secrets });
  const withAccount = new Set(
    db
      .prepare(
        'SELECT DISTINCT oa.agency_id FROM officer_agencies oa JOIN officers o ON o.id = oa.officer_id WHERE o.disabled_at IS NULL',
      )
      .pluck()
      .all()
      .filter((a): a is string => typeof a === 'string'),
  );
  const agencies = directory.all();
  const reachable = agencies.filter((a) => a.destinations.length > 0 || withAccount.has(a.id)).length;
  const waiting = new Tickets(db).unreceivedByAgency();
  const open = waiting.reduce((n, a) => n + a.tickets, 0);
  const detail = `${reachable} of ${agencies.length} agencies receive tickets (a destination or an officer account)`;
  const fix =
    'add officers: npm run user -- add --username U --role officer --agency ID (npm run user -- agencies lists ids), or destinations in AGENCIES_FILE';
  if (open > 0)
    return {
      mark: 'warn',
      name: 'receivers',
      detail: `${detail}; ${open} open ticket(s) reach no one: ${waiting
        .slice(0, 5)
        .map((a) => `${a.agencyId} (${a.tickets})`)
        .join(', ')}${waiting.length > 5 ? ', …' : ''}`,
      fix,
    };
  return reachable === 0
    ? { mark: 'warn', name: 'receivers', detail: `${detail}: tickets wait with the admins`, fix }
    : { mark: 'ok', name: 'receivers', detail };
}

function readSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function checkDisk(config: Config, deps: DoctorDeps): Promise<Check> {
  const where = nearestExisting(config.dataDir);
  try {
    const s = await (deps.statfs ?? statfs)(where);
    const free = s.bavail * s.bsize;
    if (free < 100 * MB) {
      return {
        mark: 'fail',
        name: 'disk',
        detail: `only ${human(free)} free at ${where} / ruang disk hampir habis`,
        fix: 'free disk space now or move DATA_DIR: SQLite stops accepting complaints when the disk is full',
      };
    }
    if (free < GB) {
      return {
        mark: 'warn',
        name: 'disk',
        detail: `${human(free)} free at ${where} (under 1 GB)`,
        fix: 'free disk space (old backups, logs) or move DATA_DIR to a bigger disk',
      };
    }
    return { mark: 'ok', name: 'disk', detail: `${human(free)} free at ${where}` };
  } catch (err) {
    return { mark: 'warn', name: 'disk', detail: `cannot read free space: ${errorText(err)}` };
  }
}

async function checkAttachments(config: Config): Promise<Check> {
  const dir = join(config.dataDir, 'attachments');
  const fix = `let the user running Aduan write there: chown -R <user> ${config.dataDir}`;
  if (!existsSync(dir)) {
    const parent = nearestExisting(dir);
    try {
      await access(parent, constants.W_OK);
      return { mark: 'ok', name: 'attachments', detail: `${dir} will be created at the first upload` };
    } catch {
      return { mark: 'fail', name: 'attachments', detail: `${parent} is not writable`, fix };
    }
  }
  const probe = join(dir, `.doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
    return { mark: 'ok', name: 'attachments', detail: `${dir} is writable` };
  } catch (err) {
    return { mark: 'fail', name: 'attachments', detail: `cannot write in ${dir}: ${errorText(err)}`, fix };
  }
}

function checkHolidays(config: Config, now: Date): Check {
  const year = now.getUTCFullYear();
  try {
    const calendar = config.HOLIDAYS_FILE
      ? HolidayCalendar.parse(JSON.parse(readFileSync(config.HOLIDAYS_FILE, 'utf8')))
      : null;
    const years = calendar ? calendar.years : builtInYears();
    const source = config.HOLIDAYS_FILE ?? 'built-in calendar';
    return years.includes(year)
      ? { mark: 'ok', name: 'holidays', detail: `${source} covers ${year}` }
      : {
          mark: 'warn',
          name: 'holidays',
          detail: `${source} covers ${years.join(', ')}, not ${year}: "by when" dates skip weekends only`,
          fix: "write this year's calendar (SKB 3 Menteri) and set HOLIDAYS_FILE",
        };
  } catch (err) {
    return {
      mark: 'fail',
      name: 'holidays',
      detail: `HOLIDAYS_FILE cannot be used: ${errorText(err)}`,
      fix: 'give a JSON file shaped like src/domain/holidays-2026.json',
    };
  }
}

function builtInYears(): number[] {
  return [...new WorkingDays().years].sort();
}

const TelegramMe = z.object({ ok: z.literal(true), result: z.object({ username: z.string().optional() }) });
const GraphPhone = z.object({
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});
const GraphError = z.object({
  error: z.object({ code: z.number().optional(), message: z.string().optional() }),
});

async function getJson(
  f: typeof fetch,
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await f(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const body: unknown = await res.json().catch(() => null);
  return { status: res.status, body };
}

async function checkTelegram(t: NonNullable<Config['channels']['telegram']>, f: typeof fetch, ms: number) {
  const name = 'telegram';
  try {
    const { status, body } = await getJson(f, `${t.apiRoot}/bot${t.token}/getMe`, ms);
    const me = TelegramMe.safeParse(body);
    if (status === 200 && me.success) {
      return ok(name, `the bot @${me.data.result.username ?? '?'} answers (${t.mode})`);
    }
    if (status === 401 || status === 404) {
      return fail(
        name,
        `${t.apiRoot} rejects the token (HTTP ${status})`,
        'get the token again from @BotFather (/mybots → API Token) and set TELEGRAM_BOT_TOKEN',
      );
    }
    return fail(name, `getMe answered HTTP ${status}`, `check TELEGRAM_API_ROOT (${t.apiRoot})`);
  } catch (err) {
    return fail(
      name,
      `cannot reach ${t.apiRoot}: ${errorText(err)}`,
      'check internet access, DNS, a proxy or the firewall from this server to the Bot API',
    );
  }
}

async function checkWaCloud(w: NonNullable<Config['channels']['waCloud']>, f: typeof fetch, ms: number) {
  const name = 'wacloud';
  try {
    const { status, body } = await getJson(
      f,
      `${w.graphUrl}/${w.phoneNumberId}?fields=display_phone_number,verified_name`,
      ms,
      { authorization: `Bearer ${w.accessToken}` },
    );
    if (status === 200) {
      const p = GraphPhone.safeParse(body);
      const who = p.success
        ? [p.data.display_phone_number, p.data.verified_name].filter(Boolean).join(' ')
        : '';
      return ok(name, `phone number ${w.phoneNumberId} reachable${who ? ` (${who})` : ''}`);
    }
    const e = GraphError.safeParse(body);
    const code = e.success ? e.data.error.code : undefined;
    if (status === 401 || code === 190) {
      return fail(
        name,
        `the Graph API rejects WACLOUD_ACCESS_TOKEN (HTTP ${status}${code ? `, code ${code}` : ''})`,
        'create a permanent system-user token with whatsapp_business_messaging and set WACLOUD_ACCESS_TOKEN',
      );
    }
    if (code === 100 || status === 404) {
      return fail(
        name,
        `phone number id ${w.phoneNumberId} is unknown to this token (HTTP ${status})`,
        'copy the Phone number ID from WhatsApp → API Setup into WACLOUD_PHONE_NUMBER_ID',
      );
    }
    return fail(name, `the Graph API answered HTTP ${status}`, `check WACLOUD_GRAPH_URL (${w.graphUrl})`);
  } catch (err) {
    return fail(
      name,
      `cannot reach ${w.graphUrl}: ${errorText(err)}`,
      'check internet access, DNS, a proxy or the firewall from this server to graph.facebook.com',
    );
  }
}

async function checkWaWeb(w: NonNullable<Config['channels']['waWeb']>): Promise<Check> {
  const fix = "install Debian's chromium (apt-get install chromium) or set WHATSAPP_CHROMIUM_PATH";
  try {
    const s = await stat(w.chromiumPath);
    if (!s.isFile()) return fail('whatsapp', `${w.chromiumPath} is not a file`, fix);
    await access(w.chromiumPath, constants.X_OK);
    return ok('whatsapp', `chromium at ${w.chromiumPath} is executable`);
  } catch (err) {
    const missing = err instanceof Error && 'code' in err && err.code === 'ENOENT';
    return fail('whatsapp', `${w.chromiumPath} ${missing ? 'does not exist' : 'is not executable'}`, fix);
  }
}

const ok = (name: string, detail: string): Check => ({ mark: 'ok', name, detail });
const fail = (name: string, detail: string, fix: string): Check => ({ mark: 'fail', name, detail, fix });

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
  checks.push(...checkDatabase(config, deps.full ?? false));
  checks.push(await checkDisk(config, deps));
  checks.push(await checkAttachments(config));
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
