// One bot for one round of `npm run compare`: a fresh data folder and fake Bot API, the bot started and waited for,
// the closed loop warmed up and then measured (round trips that end inside the window; the bot's CPU from /proc at
// its two ends; its peak RSS), then everything stopped and the tickets it filed counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, bundleOnce } from '../lib/build-service.js';
import { nowMs } from '../lib/fake-bot-api.js';
import { freePort, serviceBundle } from '../lib/service-process.js';
import { BOT_TOKEN, WEBHOOK_PATH, newSecret, serviceEnv, sleep } from '../lib/setup.js';
import { BotProcess } from './bot-process.js';
import { ClosedLoop } from './closed-loop.js';
import type { BotKind } from './dialogue.js';
import { FakeApiProcess } from './fake-api-process.js';
import { cpuMs, peakRssMb } from './proc-stats.js';

const PLAIN_PATH = '/telegram/webhook';

export type SideRunOptions = {
  kind: BotKind;
  chats: number;
  warmupSeconds: number;
  seconds: number;
  replyCounts: readonly number[];
  log: (line: string) => void;
  /** A folder for a V8 CPU profile of Aduan's process (`--cpu-prof`), written when it stops. */
  profileDir?: string;
};

export type SideRound = {
  kind: BotKind;
  startMs: number;
  measuredSeconds: number;
  roundTrips: number;
  /** Round-trip times (ms) of the round trips that ended in the measured window. */
  latencies: number[];
  cpuMs: number;
  peakRssMb: number;
  /** CPU of the fake Bot API and of the driver over the window, in % of one core. */
  fakeApiCpuPercent: number;
  driverCpuPercent: number;
  dialoguesCompleted: number;
  ticketsFiled: number;
  surplusReplies: number;
  errors: Record<string, number>;
  exitCode: number | null;
};

function launch(
  kind: BotKind,
  dataDir: string,
  port: number,
  apiRoot: string,
  secret: string,
  profileDir: string | undefined,
): BotProcess {
  if (kind === 'aduan') {
    return new BotProcess(
      serviceBundle(),
      port,
      {
        ...serviceEnv({ dataDir, apiRoot, secret }),
        // The measurement is of the service, not of Telegram's limits or the flood guard.
        TELEGRAM_SEND_LIMITS: '0',
        SENDER_MESSAGES_PER_MINUTE: '0',
      },
      profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    );
  }
  return new BotProcess(bundleOnce(PLAIN_ENTRY, 'plain-bot'), port, {
    DATA_DIR: dataDir,
    BOT_TOKEN,
    API_ROOT: apiRoot,
    WEBHOOK_PATH: PLAIN_PATH,
    WEBHOOK_SECRET: secret,
  });
}

/** The plain bot's entry point (scripts/plain-bot). */
const PLAIN_ENTRY = join(ROOT, 'scripts', 'plain-bot', 'main.ts');

function countTickets(kind: BotKind, dataDir: string): number {
  const db = new Database(join(dataDir, kind === 'aduan' ? 'aduan.db' : 'plain-bot.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const n: unknown = db.prepare('SELECT count(*) FROM tickets').pluck().get();
    return typeof n === 'number' ? n : 0;
  } finally {
    db.close();
  }
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await sleep(50);
  }
  return false;
}

export async function runSide(opts: SideRunOptions): Promise<SideRound> {
  const dataDir = mkdtempSync(join(tmpdir(), `aduan-compare-${opts.kind}-`));
  const fake = await FakeApiProcess.start();
  let bot: BotProcess | null = null;
  try {
    const port = await freePort();
    const secret = newSecret();
    bot = launch(opts.kind, dataDir, port, fake.apiRoot, secret, opts.profileDir);
    const startMs = await bot.ready();
    // Aduan's channel takes updates once it has met the Bot API (getMe); the plain bot asks on its first update.
    if (opts.kind === 'aduan' && !(await waitFor(async () => ((await fake.calls()).getMe ?? 0) > 0, 10_000)))
      throw new Error(`Aduan never called getMe\n${bot.output()}`);
    const loop = new ClosedLoop({
      kind: opts.kind,
      webhookUrl: `http://127.0.0.1:${port}${opts.kind === 'aduan' ? WEBHOOK_PATH : PLAIN_PATH}`,
      secret,
      chats: opts.chats,
      replyCounts: opts.replyCounts,
      stallMs: 30_000,
    });
    fake.onSend = loop.onSend;
    loop.start();
    await sleep(opts.warmupSeconds * 1000);

    const pid = bot.pid;
    const fakePid = fake.pid;
    const t0 = nowMs();
    const cpu0 = cpuMs(pid);
    const fake0 = fakePid === undefined ? null : cpuMs(fakePid);
    const driver0 = process.cpuUsage();
    await sleep(opts.seconds * 1000);
    const cpu1 = cpuMs(pid);
    const fake1 = fakePid === undefined ? null : cpuMs(fakePid);
    const driver1 = process.cpuUsage(driver0);
    const t1 = nowMs();
    const peak = peakRssMb(pid);
    if (cpu0 === null || cpu1 === null || peak === null)
      throw new Error(`${opts.kind} exited during the round\n${bot.output()}`);

    await loop.stop();
    const exitCode = await bot.stop();
    const measured = loop.roundTrips.filter((r) => r.endedAt >= t0 && r.endedAt < t1);
    const seconds = (t1 - t0) / 1000;
    const round: SideRound = {
      kind: opts.kind,
      startMs,
      measuredSeconds: seconds,
      roundTrips: measured.length,
      latencies: measured.map((r) => r.endedAt - r.startedAt),
      cpuMs: cpu1 - cpu0,
      peakRssMb: peak,
      fakeApiCpuPercent: fake0 === null || fake1 === null ? 0 : (fake1 - fake0) / (10 * seconds),
      driverCpuPercent: (driver1.user + driver1.system) / 1000 / (10 * seconds),
      dialoguesCompleted: loop.dialoguesCompleted,
      ticketsFiled: countTickets(opts.kind, dataDir),
      surplusReplies: loop.surplusReplies,
      errors: Object.fromEntries(loop.errors),
      exitCode,
    };
    opts.log(
      `${opts.kind}: ${round.roundTrips} round trips in ${seconds.toFixed(1)} s, ${round.ticketsFiled} tickets, cpu ${round.cpuMs} ms`,
    );
    return round;
  } finally {
    if (bot) await bot.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
