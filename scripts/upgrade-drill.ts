// `npm run drill:upgrade -- --previous /tmp/v010 [--out FILE]`
//
// The upgrade and rollback drill with the real previous release (a worktree of its tag, node_modules linked in):
//   1. previous: its service on a fresh data folder, a made-up citizen files a complaint with a photo on the web chat;
//      a clean stop;
//   2. upgrade:  this checkout's service on the same folder: the pre-upgrade backup (BACKUP_DIR/pre-upgrade), the
//      migrations, /readyz, the citizen's complaint still listed; a clean stop; `npm run doctor`;
//   3. rollback: the previous release's `npm run restore -- <pre-upgrade backup>`, its service started again: the
//      complaint is there, a second one is filed, its doctor's migrations line;
//   4. no restore: the previous release started on a copy of the UPGRADED folder (what an operator who only checks out
//      the old tag gets): whether it starts, files a complaint, and what its doctor says.
// One JSON report on stdout (and in --out); exit 1 when the upgrade or the rollback did not work.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { type Run, runCli, versionOf } from './lib/release-tools.js';
import { ROOT, ServiceProcess, freePort, killAllServices } from './lib/service-process.js';
import { type Citizen, WebChat, fileComplaint } from './lib/web-citizen.js';

const { values } = parseArgs({ options: { previous: { type: 'string' }, out: { type: 'string' } } });
if (!values.previous) {
  process.stderr.write('usage: npm run drill:upgrade -- --previous WORKTREE [--out FILE]\n');
  process.exit(2);
}
const previous = resolve(values.previous);

/** Made-up; the third tells a phone number in the story, which the newer code masks in the search index (039). */
const citizen = (n: number, photo: boolean): Citizen => ({
  sender: `upgrade-drill-${n}`,
  story:
    `Drill ${n}: KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.` +
    (n === 3 ? ' Hubungi saya di 0812-3456-7890.' : ''),
  photo,
  expectation: 'KTP saya segera dicetak',
  identity: 'rahasia',
  name: 'Warga Latihan',
  nik: '6371045708900001',
  phone: '0812-3456-7890',
});

/** The doctor's migrations line (`✓ migrations: 34 of 34 applied`), or its first failing line. */
const doctorLine = (run: Run) =>
  run.stdout.split('\n').find((l) => /migrations:/.test(l)) ??
  run.stdout.split('\n').find((l) => l.startsWith('✗')) ??
  run.stderr.trim();

/** How many rows of the search index hold `digits` (the newer code stores them masked). */
function searchRowsWith(dbPath: string, digits: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return Number(
      db.prepare('SELECT count(*) FROM ticket_search WHERE body LIKE ?').pluck().get(`%${digits}%`),
    );
  } finally {
    db.close();
  }
}

type Session = { startMs: number; readyz: number; exit: unknown; output: string };

/** Starts `root`'s service on `env`, runs `work` against it, stops it; a start that fails is reported, not thrown. */
async function session<T>(
  root: string,
  env: Record<string, string>,
  work: (base: string) => Promise<T>,
): Promise<{ session: Session; result: T | null; error: string | null }> {
  const port = await freePort();
  const svc = new ServiceProcess(port, env, [], root);
  const base = `http://127.0.0.1:${port}`;
  let result: T | null = null;
  let error: string | null = null;
  let startMs = -1;
  let readyz = 0;
  try {
    startMs = await svc.ready(60_000);
    readyz = (await fetch(`${base}/readyz`)).status;
    result = await work(base);
  } catch (err) {
    error = err instanceof Error ? err.message.slice(0, 600) : String(err);
  }
  const exit = await svc.stop();
  return { session: { startMs, readyz, exit, output: svc.output(20_000) }, result, error };
}

async function main(): Promise<number> {
  const prev = versionOf(previous);
  const current = versionOf(ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'aduan-upgrade-drill-'));
  const data = join(dir, 'data');
  const backups = join(dir, 'backups');
  const env = {
    DATA_DIR: data,
    BACKUP_DIR: backups,
    LOG_LEVEL: 'info',
    WEB_DEV_SENDERS: '1',
    SENDER_MESSAGES_PER_MINUTE: '0',
  };
  const t0 = Date.now();
  const report: Record<string, unknown> = { previous: prev, current, dir };

  // 1. The previous release files a complaint.
  const before = await session(previous, env, async (base) => {
    const filed = await fileComplaint(base, citizen(1, true));
    return { ...filed, listed: await new WebChat(base, 'upgrade-drill-1').complaints() };
  });
  report.previousRun = {
    startMs: before.session.startMs,
    readyz: before.session.readyz,
    exit: before.session.exit,
    filed: before.result,
    error: before.error,
  };
  const number = before.result?.number;
  if (!number)
    throw new Error(`the previous release filed nothing: ${before.error}\n${before.session.output}`);

  // 2. This checkout upgrades it.
  const upgradeStarted = Date.now();
  const upgraded = await session(ROOT, env, async (base) => ({
    listed: await new WebChat(base, 'upgrade-drill-1').complaints(),
  }));
  const preUpgrade = existsSync(join(backups, 'pre-upgrade'))
    ? readdirSync(join(backups, 'pre-upgrade'))
    : [];
  const backupPath = preUpgrade[0] ? join(backups, 'pre-upgrade', preUpgrade[0]) : null;
  const doctorAfter = await runCli(ROOT, 'doctor', [], env);
  report.upgrade = {
    startMs: upgraded.session.startMs,
    wallMs: Date.now() - upgradeStarted,
    readyz: upgraded.session.readyz,
    exit: upgraded.session.exit,
    preUpgradeBackups: preUpgrade,
    logged: /pre-upgrade backup written to/.test(upgraded.session.output),
    backupMs: Number(
      /pre-upgrade backup written to \S+ in (\d+) ms/.exec(upgraded.session.output)?.[1] ?? -1,
    ),
    complaintListed: upgraded.result?.listed.includes(number) ?? false,
    doctor: doctorLine(doctorAfter),
    error: upgraded.error,
  };
  if (!backupPath) throw new Error(`no pre-upgrade backup was taken\n${upgraded.session.output}`);
  const upgradedCopy = join(dir, 'upgraded-copy');
  cpSync(data, upgradedCopy, { recursive: true });

  // 3. Roll back: the previous release restores the pre-upgrade backup and runs again.
  const rollbackStarted = Date.now();
  // PORT 0: restore's "is it running?" port check would otherwise look at 3000, which another service may hold.
  const restored = await runCli(previous, 'restore', [backupPath], { ...env, PORT: '0' });
  const after = await session(previous, env, async (base) => ({
    listed: await new WebChat(base, 'upgrade-drill-1').complaints(),
    second: await fileComplaint(base, citizen(2, false)),
  }));
  const doctorRolledBack = await runCli(previous, 'doctor', [], env);
  report.rollback = {
    restoreExit: restored.code,
    restoreLines: restored.stdout.trim().split('\n'),
    wallMs: Date.now() - rollbackStarted,
    startMs: after.session.startMs,
    readyz: after.session.readyz,
    complaintListed: after.result?.listed.includes(number) ?? false,
    secondFiled: after.result?.second.number ?? null,
    doctor: doctorLine(doctorRolledBack),
    error: after.error,
  };

  // 4. What happens without the restore: the previous release on the upgraded database.
  const copyEnv = { ...env, DATA_DIR: upgradedCopy, BACKUP_DIR: join(dir, 'copy-backups') };
  const blind = await session(previous, copyEnv, async (base) => ({
    listed: await new WebChat(base, 'upgrade-drill-1').complaints(),
    third: await fileComplaint(base, citizen(3, false)),
  }));
  const doctorBlind = await runCli(previous, 'doctor', [], copyEnv);
  const backAgain = await session(ROOT, copyEnv, async (base) => ({
    listed: await new WebChat(base, 'upgrade-drill-3').complaints(),
  }));
  report.withoutRestore = {
    previousStarted: blind.session.startMs >= 0,
    readyz: blind.session.readyz,
    complaintListed: blind.result?.listed.includes(number) ?? false,
    filedOnUpgradedDb: blind.result?.third.number ?? null,
    previousDoctor: doctorLine(doctorBlind),
    error: blind.error,
    thenCurrentAgain: {
      startMs: backAgain.session.startMs,
      readyz: backAgain.session.readyz,
      listsThatComplaint: backAgain.result?.listed.length ?? 0,
      error: backAgain.error,
    },
    unmaskedPhoneInSearchIndex: searchRowsWith(join(upgradedCopy, 'aduan.db'), '3456'),
  };
  report.totalMs = Date.now() - t0;
  const ok =
    upgraded.result?.listed.includes(number) === true &&
    restored.code === 0 &&
    after.result?.listed.includes(number) === true &&
    after.result?.second.number !== undefined;
  report.ok = ok;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  process.stdout.write(json);
  if (values.out) writeFileSync(values.out, json);
  rmSync(dir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    await killAllServices();
    process.stderr.write(`✗ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
