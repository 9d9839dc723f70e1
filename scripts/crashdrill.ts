// `npm run crashdrill -- --rate 100 --seconds 120 --kills 20`
//
// The load test's citizens, while the service is SIGKILLed at random moments and restarted at once on the same
// DATA_DIR (OUTBOX_LEASE_S=5, so a send cut off mid-flight is retried soon). A share of the restarts also arm one of
// the service's own fault points (ADUAN_FAULT: after_commit, before_commit, mid_send), so the narrow windows get hit
// too. A POST that fails is retried until it gets 200, as Telegram would. Then three phases:
//   1. crash:   `seconds` of load with at least `kills` SIGKILLs;
//   2. upgrade: a clean stop, every conversation in the middle of a complaint rewritten to flow version 0 (what a
//               start of version N+1 finds), a start: the salvage path must carry them on to a ticket;
//   3. finish:  no new citizens; those in a dialogue finish; every reply goes out; a clean stop.
// The checks (service stopped): each update recorded exactly once; each outbox row 'sent' and seen by the fake, a
// repeat only as the second copy of a send a kill cut off; one ticket per confirmed dialogue and none twice;
// PRAGMA integrity_check ok; every citizen finished. One JSON report on stdout; exit code 1 on any violation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CutOff,
  exactlyOnce,
  integrity,
  outboxDelivered,
  replyLatency,
  ticketsMatch,
} from './lib/checks.js';
import { Rng, plainText } from './lib/citizen.js';
import { finalState, rewriteToOldVersion, sendingRows, unsentCount } from './lib/db-check.js';
import { Driver } from './lib/driver.js';
import { FakeBotApi } from './lib/fake-bot-api.js';
import { type Exit, RssSampler, ServiceProcess, freePort } from './lib/service-process.js';
import {
  BOT_TOKEN,
  SEND_LIMITS,
  WEBHOOK_PATH,
  emit,
  log,
  newSecret,
  num,
  onAbort,
  range,
  serviceEnv,
  sleep,
} from './lib/setup.js';
import { latencySummary, round, rssSummary, tally } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    kills: { type: 'string' },
    citizens: { type: 'string' },
    'think-ms': { type: 'string' },
    'fault-share': { type: 'string' },
    'finish-seconds': { type: 'string' },
    seed: { type: 'string' },
    'no-upgrade': { type: 'boolean', default: false },
    'keep-data': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const LEASE_S = 5;
const FAULTS = ['after_commit', 'before_commit', 'mid_send'] as const;

type Death = {
  kind: 'sigkill' | 'fault' | 'other';
  fault: string | null;
  exit: Exit;
  /** Kill (or death) → the next process healthy, ms. */
  restartMs: number | null;
  cutOff: number;
};

/** Keeps one service process running on the same port and data; restarts it whenever it dies unasked. */
class Supervisor {
  current: ServiceProcess | null = null;
  currentFault: string | null = null;
  readyAt = 0;
  stopping = false;
  readonly deaths: Death[] = [];
  readonly cutOffs = new Map<string, CutOff>();
  private readonly killed = new WeakSet<ServiceProcess>();
  private restarting: Promise<void> | null = null;
  armFaults = true;

  constructor(
    private readonly port: number,
    private readonly env: Record<string, string>,
    private readonly dbPath: string,
    private readonly fake: FakeBotApi,
    private readonly driver: () => Driver | null,
    private readonly rng: Rng,
    private readonly faultShare: number,
  ) {}

  async start(withFault: boolean): Promise<void> {
    const fault =
      withFault && this.armFaults && this.rng.chance(this.faultShare) ? this.rng.pick(FAULTS) : null;
    const env = fault
      ? { ...this.env, ADUAN_FAULT: fault, ADUAN_FAULT_AFTER: String(this.rng.int(1, 40)) }
      : this.env;
    const svc = new ServiceProcess(this.port, env);
    this.current = svc;
    this.currentFault = fault;
    void svc.exited.then((exit) => this.died(svc, exit));
    try {
      await svc.ready();
      this.readyAt = Date.now();
    } catch (err) {
      // Died while starting (an armed fault can fire on the first commit): died() restarts it.
      if (!svc.exit) throw err;
    }
  }

  /** SIGKILL now (the exit handler inspects the database and restarts). */
  kill(): boolean {
    const svc = this.current;
    if (!svc || svc.exit) return false;
    this.killed.add(svc);
    svc.kill();
    return true;
  }

  /** Waits until a restart in progress is over and the current process is healthy (bounded). */
  async settled(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.restarting) await this.restarting;
      const svc = this.current;
      if (svc && !svc.exit && this.readyAt >= svc.startedAt) return;
      await sleep(50);
    }
    throw new Error('the service did not come back');
  }

  async stopClean(): Promise<Exit | null> {
    await this.settled();
    this.stopping = true;
    const svc = this.current;
    const exit = svc ? await svc.stop(60_000) : null;
    this.stopping = false;
    return exit;
  }

  private died(svc: ServiceProcess, exit: Exit): void {
    if (this.stopping || svc !== this.current) return;
    const diedAt = Date.now();
    const kind = this.killed.has(svc)
      ? 'sigkill'
      : this.currentFault && exit.signal === 'SIGKILL'
        ? 'fault'
        : 'other';
    const death: Death = {
      kind,
      fault: kind === 'fault' ? this.currentFault : null,
      exit,
      restartMs: null,
      cutOff: 0,
    };
    this.deaths.push(death);
    // The replies that were in flight: if the fake already has one, the service will send it once more.
    try {
      for (const row of sendingRows(this.dbPath)) {
        const claimAt = row.nextAttemptAt - LEASE_S * 1000;
        const key = `${row.id}:${row.nextAttemptAt}`;
        if (this.cutOffs.has(key)) continue;
        const last = this.fake.chat(row.chatId).at(-1);
        const reachedFake =
          last !== undefined &&
          last.at >= claimAt - 5 &&
          plainText(last.text).startsWith(plainText(row.text));
        this.cutOffs.set(key, { outboxId: row.id, chatId: row.chatId, text: row.text, reachedFake });
        death.cutOff++;
        if (reachedFake) this.driver()?.expectRepeat(row.chatId, last.text);
      }
    } catch (err) {
      log(`could not inspect the database after a kill: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.restarting = this.start(true).then(
      () => {
        death.restartMs = Date.now() - diedAt;
        this.restarting = null;
      },
      (err: unknown) => {
        this.restarting = null;
        log(`restart failed: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }
}

async function main(): Promise<number> {
  const rate = num(values.rate, 'rate', 100, 1, 2000);
  const seconds = num(values.seconds, 'seconds', 120, 5, 3600);
  const kills = Math.round(num(values.kills, 'kills', 20, 0, 1000));
  const thinkMs = range(values['think-ms'], 'think-ms', [1000, 2000]);
  const meanThink = (thinkMs[0] + thinkMs[1]) / 2000;
  const citizens = Math.round(
    num(values.citizens, 'citizens', Math.max(10, Math.ceil(rate * meanThink * 1.25)), 1, 20_000),
  );
  const faultShare = num(values['fault-share'], 'fault-share', 0.25, 0, 1);
  const finishSeconds = num(values['finish-seconds'], 'finish-seconds', 180, 5, 3600);
  const seed = num(values.seed, 'seed', 1, 0, 2 ** 31);
  const upgrade = values['no-upgrade'] !== true;

  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-crashdrill-'));
  const dbPath = join(dataDir, 'aduan.db');
  const cleanup = () => {
    if (!values['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  };
  onAbort(cleanup);
  const secret = newSecret();
  let driver: Driver | null = null;
  const fake = await new FakeBotApi({ token: BOT_TOKEN, onSend: (m) => driver?.onSend(m) }).start();
  const port = await freePort();
  const rng = new Rng(seed + 1);
  const sup = new Supervisor(
    port,
    serviceEnv({ dataDir, apiRoot: fake.apiRoot, secret, leaseS: LEASE_S }),
    dbPath,
    fake,
    () => driver,
    rng,
    faultShare,
  );
  await sup.start(false);
  log(`service pid ${sup.current?.pid} on port ${port}; data ${dataDir}`);
  const sampler = new RssSampler(() => sup.current);

  const d = new Driver({
    rate,
    citizens,
    thinkMs,
    pacing: 'reply',
    webhookUrl: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    secret,
    seed,
    cancelShare: 0.1,
    chatBase: 720_000_000,
    replyTimeoutMs: 120_000,
    retryDeadlineMs: 90_000,
    maxInFlight: 2000,
    log,
  });
  driver = d;
  await d.until(() => (fake.calls.get('getMe') ?? 0) > 0, 10_000);

  // Phase 1: load with kills at random moments (each at least 300 ms after the previous process became healthy).
  log(`phase crash: ${rate} updates/s offered for ${seconds} s, ${citizens} citizens, ${kills} kills`);
  const t0 = Date.now();
  const loadFrom = sampler.elapsed();
  const killAt = Array.from({ length: kills }, () => t0 + 1000 + rng.next() * (seconds * 1000 - 2000)).sort(
    (a, b) => a - b,
  );
  d.start();
  let sigkills = 0;
  for (const at of killAt) {
    await sleep(Math.max(0, at - Date.now()));
    await sup.settled();
    await sleep(Math.max(0, sup.readyAt + 300 - Date.now()) + rng.int(0, 200));
    if (sup.kill()) sigkills++;
    // Let the supervisor see the exit before the next kill is scheduled.
    await sleep(20);
  }
  await sleep(Math.max(0, t0 + seconds * 1000 - Date.now()));
  d.closeAdmission();
  const crashEnd = Date.now();
  await sup.settled();
  sup.armFaults = false;
  if (sup.currentFault) {
    // The current process has a fault armed: replace it with a plain one before the clean stop.
    if (sup.kill()) sigkills++;
    await sleep(50);
    await sup.settled();
  }

  // Phase 2: a clean stop, conversations in progress rewritten to an older flow version, a start.
  let upgradeReport: Record<string, unknown> | null = null;
  let upgradedChats: string[] = [];
  if (upgrade) {
    const stopExit = await sup.stopClean();
    upgradedChats = rewriteToOldVersion(dbPath, 0);
    const marked = d.markUpgraded(upgradedChats);
    await sup.start(false);
    log(
      `phase upgrade: clean stop ${JSON.stringify(stopExit)}, ${upgradedChats.length} conversations set to version 0`,
    );
    upgradeReport = { stopExit, conversationsRewritten: upgradedChats.length, citizensStillInThem: marked };
  }

  // Phase 3: the citizens in a dialogue finish; then every reply must go out.
  log(`phase finish: ${d.active()} citizens still in a dialogue`);
  const finished = await d.until(() => d.active() === 0, finishSeconds * 1000);
  const finishMs = Date.now() - crashEnd;
  const drained = await d.until(() => unsentCount(dbPath) === 0, (LEASE_S + 30) * 1000);
  d.stopScheduler();
  d.abandonAll();
  const finalExit = await sup.stopClean();
  const rss = rssSummary(sampler.stop(), [loadFrom, sampler.elapsed()]);
  await sleep(200);
  await fake.close();

  // Checks.
  const state = finalState(dbPath);
  const cutOffs = [...sup.cutOffs.values()];
  const checks = {
    exactlyOnce: exactlyOnce(d.records, state),
    replies: outboxDelivered(state, fake, cutOffs, true),
    tickets: ticketsMatch(d.citizensRun, state),
    integrity: integrity(state),
  };
  const violations = Object.values(checks).flatMap((c) => c.violations);
  const summary = d.summary();
  const unfinished = d.citizensRun.filter((c) => c.end !== 'submitted' && c.end !== 'cancelled');
  if (unfinished.length > 0)
    violations.push(
      `${unfinished.length} citizens did not finish their dialogue: ${JSON.stringify(tally(unfinished.map((c) => c.end ?? 'none')))} (e.g. chat ${unfinished[0]?.chatId}, prompts ${unfinished[0]?.prompts.slice(-3).join(' → ')})`,
    );
  if (!finished) violations.push(`citizens still in a dialogue ${finishSeconds} s after the crash phase`);
  if (!drained) violations.push('replies still unsent at the end');
  if (finalExit?.code !== 0) violations.push(`the final stop was not clean: ${JSON.stringify(finalExit)}`);
  if (sigkills < kills) violations.push(`only ${sigkills} of ${kills} kills happened`);
  if (summary.replies.forUnknownChats > 0)
    violations.push(`${summary.replies.forUnknownChats} replies to unknown chats`);
  const others = sup.deaths.filter((x) => x.kind === 'other');
  if (others.length > 0)
    violations.push(`${others.length} unexpected exits: ${JSON.stringify(others.map((x) => x.exit))}`);

  if (upgradeReport) {
    const up = d.citizensRun.filter((c) => c.upgraded);
    const continued = up.filter((c) => c.sentAfterUpgrade > 0);
    const wantTicket = up.filter((c) => c.persona.ending === 'kirim');
    const gotTicket = wantTicket.filter(
      (c) => c.end === 'submitted' && state.tickets.filter((t) => t.chatId === c.chatId).length === 1,
    );
    const noNotice = continued.filter((c) => !c.noticeSeen);
    const stillOld = state.conversations.filter(
      (c) => c.flowVersion === 0 && continued.some((u) => u.chatId === c.chatId),
    );
    Object.assign(upgradeReport, {
      citizensContinued: continued.length,
      sawTheUpdateNotice: continued.length - noNotice.length,
      meantToFile: wantTicket.length,
      reachedOneTicket: gotTicket.length,
      cancelledAsMeant: up.filter((c) => c.persona.ending === 'batal' && c.end === 'cancelled').length,
    });
    if (gotTicket.length < wantTicket.length)
      violations.push(
        `${wantTicket.length - gotTicket.length} upgraded conversations did not reach a ticket`,
      );
    if (noNotice.length > 0)
      violations.push(`${noNotice.length} upgraded conversations continued without the salvage notice`);
    if (stillOld.length > 0)
      violations.push(`${stillOld.length} continued conversations still stored as version 0`);
    if (upgradedChats.length === 0)
      violations.push('the upgrade phase found no conversation in progress to rewrite');
  }

  const crashSeconds = (crashEnd - t0) / 1000;
  const crashRecords = d.records.filter((r) => r.slotAt <= crashEnd);
  const report = {
    kind: 'crashdrill',
    config: {
      rate,
      seconds,
      kills,
      citizens,
      thinkMs,
      faultShare,
      leaseS: LEASE_S,
      finishSeconds,
      seed,
      upgrade,
    },
    sendLimits: SEND_LIMITS,
    crashPhase: {
      seconds: round(crashSeconds, 1),
      offeredRate: rate,
      postsSent: crashRecords.length,
      sustainedRate: round(crashRecords.filter((r) => r.status === 'ok').length / crashSeconds, 1),
      note:
        rate > SEND_LIMITS.overallPerSecond
          ? `Citizens answer only after the reply arrives, and replies leave at most ${SEND_LIMITS.overallPerSecond}/s: the offered rate is not reachable; slots with no citizen ready are skipped.`
          : undefined,
    },
    kills: {
      sigkillsByDriver: sigkills,
      deaths: sup.deaths.length,
      byKind: tally(sup.deaths.map((x) => (x.kind === 'fault' ? `fault:${x.fault}` : x.kind))),
      restartMs: latencySummary(sup.deaths.flatMap((x) => (x.restartMs === null ? [] : [x.restartMs]))),
      sendsInFlightAtDeath: cutOffs.length,
      ofWhichTheFakeHadReceived: cutOffs.filter((c) => c.reachedFake).length,
    },
    upgrade: upgradeReport,
    finishPhaseMs: finishMs,
    driver: summary,
    replies: replyLatency(d.records, state, fake),
    rss,
    checks: Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, v.figures])),
    violations,
    ok: violations.length === 0,
  };
  emit(report, values.out);
  if (violations.length > 0) {
    log(`violations:\n  ${violations.join('\n  ')}`);
    log(`data kept in ${dataDir}`);
  } else cleanup();
  return violations.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
