// `npm run loadtest -- --rate 500 --seconds 300 [--citizens 2000] [--pacing reply|think] [--no-send-limit]
//  [--warmup-seconds 10] [--pause-at 20 --pause-seconds 35]`
//
// Starts a fake Telegram Bot API in this process and the real service as a second process (webhook mode), then
// offers `rate` webhook POSTs a second for `seconds` (open loop) from citizens playing whole dialogues, and prints one
// JSON report: the sustained rate, POST → 200 (the webhook answers after the commit) and POST → reply arrival
// percentiles, errors, the service's RSS every second and its CPU per update (`cpu`). The `steady` figures leave out
// the first `--warmup-seconds` of the load (a freshly started process compiles its hot code first); the whole run's
// are in `driver` and `replies`. Exit code 1 when a check fails (an update lost or
// duplicated, a reply dead, a ticket missing or doubled, a corrupt database); the latency goal is reported, not
// enforced. See the `bottleneck` field: the adapter sends at most ~30 messages/s, so replies cannot keep up with
// 500 updates/s whatever the rest does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RETRY } from '../src/outbox/outbox-sender.js';
import { exactlyOnce, integrity, outboxDelivered, replyLatency, ticketsMatch } from './lib/checks.js';
import { Rng, makePersona } from './lib/citizen.js';
import { finalState, unsentCount } from './lib/db-check.js';
import { Driver, type Pacing } from './lib/driver.js';
import { DryRun } from './lib/dry-run.js';
import { FakeBotApi } from './lib/fake-bot-api.js';
import { RssSampler, ServiceProcess, freePort } from './lib/service-process.js';
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
import { latencySummary, round, rssSummary } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    citizens: { type: 'string' },
    pacing: { type: 'string' },
    'think-ms': { type: 'string' },
    'drain-seconds': { type: 'string' },
    'warmup-seconds': { type: 'string' },
    'max-in-flight': { type: 'string' },
    seed: { type: 'string' },
    'no-send-limit': { type: 'boolean', default: false },
    'keep-data': { type: 'boolean', default: false },
    out: { type: 'string' },
    /** Writes a V8 CPU profile of the service process into this folder (node --cpu-prof), for finding hot spots. */
    'cpu-prof': { type: 'string' },
    /**
     * Holds the service up (SIGSTOP, then SIGCONT) this many seconds into the load for --pause-seconds, as a long
     * garbage collection, a paused VM or a long synchronous task would: what was in flight must still go out once.
     */
    'pause-at': { type: 'string' },
    'pause-seconds': { type: 'string' },
  },
});

/** The --pause-at/--pause-seconds window, inside the load's `seconds`; null without them. */
function pauseOf(seconds: number): { at: number; seconds: number } | null {
  if (values['pause-at'] === undefined && values['pause-seconds'] === undefined) return null;
  const at = num(values['pause-at'], 'pause-at', 20, 0, seconds);
  const length = num(values['pause-seconds'], 'pause-seconds', 35, 1, seconds - at);
  return { at, seconds: length };
}

async function main(): Promise<number> {
  const rate = num(values.rate, 'rate', 500, 1, 5000);
  const seconds = num(values.seconds, 'seconds', 300, 1, 3600);
  const citizens = Math.round(
    num(values.citizens, 'citizens', Math.max(20, Math.ceil(rate * 4)), 1, 100_000),
  );
  const pacing = (values.pacing ?? 'reply') as Pacing;
  if (pacing !== 'reply' && pacing !== 'think') throw new Error('--pacing must be "reply" or "think"');
  const thinkMs = range(values['think-ms'], 'think-ms', [1000, 3000]);
  if (thinkMs[0] < 1000)
    log('think time under 1 s: a citizen may outrun the ~1 message/s per chat send limit');
  const warmupSeconds = num(
    values['warmup-seconds'],
    'warmup-seconds',
    Math.min(10, seconds / 5),
    0,
    seconds,
  );
  const drainSeconds = num(values['drain-seconds'], 'drain-seconds', 20, 0, 600);
  const maxInFlight = num(values['max-in-flight'], 'max-in-flight', 1000, 1, 10_000);
  const seed = num(values.seed, 'seed', 1, 0, 2 ** 31);
  const noSendLimit = values['no-send-limit'] === true;

  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-loadtest-'));
  const cleanup = () => {
    if (!values['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  };
  onAbort(cleanup);
  const secret = newSecret();
  let driver: Driver | null = null;
  const fake = await new FakeBotApi({ token: BOT_TOKEN, onSend: (m) => driver?.onSend(m) }).start();

  let scripts: ConstructorParameters<typeof Driver>[0]['scripts'];
  if (pacing === 'think') {
    // Record a pool of dialogues beforehand: these citizens do not wait for (possibly late) replies.
    const dry = new DryRun();
    const rng = new Rng(seed);
    scripts = [];
    for (let i = 0; i < 400 && scripts.length < 64; i++) {
      const persona = makePersona(rng, { cancelShare: 0.05 });
      const script = dry.script(persona);
      if (script.end !== 'stuck') scripts.push({ persona, script });
    }
    dry.close();
    log(`recorded ${scripts.length} dialogue scripts`);
  }

  const port = await freePort();
  const env = serviceEnv({ dataDir, apiRoot: fake.apiRoot, secret });
  const service = new ServiceProcess(port, noSendLimit ? { ...env, TELEGRAM_SEND_LIMITS: '0' } : env, [
    ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []),
  ]);
  const startMs = await service.ready();
  log(`service pid ${service.pid} on port ${port}, healthy after ${startMs} ms; data ${dataDir}`);
  const sampler = new RssSampler(() => service);

  const d = new Driver({
    rate,
    citizens,
    thinkMs,
    pacing,
    webhookUrl: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    secret,
    seed,
    cancelShare: 0.05,
    chatBase: 710_000_000,
    scripts,
    replyTimeoutMs: 180_000,
    retryDeadlineMs: 60_000,
    maxInFlight,
    log,
  });
  driver = d;
  // Make sure the channel is connected (getMe answered) before the clock starts.
  const channelUp = await d.until(() => (fake.calls.get('getMe') ?? 0) > 0, 10_000);
  if (!channelUp) throw new Error(`the service never called getMe on the fake\n${service.output()}`);
  await sleep(200);

  log(`offering ${rate} updates/s for ${seconds} s from ${citizens} citizens (pacing ${pacing})`);
  const loadFrom = sampler.elapsed();
  const cpuFrom = service.cpuSeconds();
  d.start();
  const pause = pauseOf(seconds);
  if (pause) {
    await sleep(pause.at * 1000);
    const pid = service.pid;
    if (pid !== undefined) {
      log(`holding the service up (SIGSTOP) for ${pause.seconds} s`);
      process.kill(pid, 'SIGSTOP');
      await sleep(pause.seconds * 1000);
      process.kill(pid, 'SIGCONT');
    }
    await sleep((seconds - pause.at - pause.seconds) * 1000);
  } else await sleep(seconds * 1000);
  d.stopScheduler();
  const loadTo = sampler.elapsed();
  const cpuTo = service.cpuSeconds();
  d.closeAdmission();
  const sentDuringRun = fake.sent.length;
  const inFlightDone = await d.until(() => d.inFlightPosts() === 0, 35_000);
  log(`load stopped; waiting up to ${drainSeconds} s for replies still queued`);
  const dbPath = join(dataDir, 'aduan.db');
  const drainStart = Date.now();
  await d.until(() => unsentCount(dbPath) === 0, drainSeconds * 1000);
  const drainedIn = Date.now() - drainStart;
  d.abandonAll();
  const unsentBeforeStop = unsentCount(dbPath);
  const exit = await service.stop(60_000);
  const rss = rssSummary(sampler.stop(), [loadFrom, loadTo]);
  await fake.close();

  const state = finalState(dbPath);
  const driverSummary = d.summary();
  const checks = {
    exactlyOnce: exactlyOnce(d.records, state, false),
    replies: outboxDelivered(state, fake, [], false),
    tickets: ticketsMatch(d.citizensRun, state),
    integrity: integrity(state),
  };
  const violations = Object.values(checks).flatMap((c) => c.violations);
  if (!inFlightDone) violations.push('POSTs still in flight 35 s after the load stopped');
  if (exit.code !== 0) violations.push(`the service did not stop cleanly: ${JSON.stringify(exit)}`);
  // Without send limits nothing holds a reply back: one still unsent after the drain is a sender that stopped.
  if (noSendLimit && unsentBeforeStop > 0)
    violations.push(
      `${unsentBeforeStop} replies still unsent ${drainSeconds} s after the load, with no send limit`,
    );
  const stuck = driverSummary.citizens.outcomes.unknown_prompt ?? 0;
  if (stuck > 0) violations.push(`${stuck} citizens got a message they could not read as a question`);
  if (driverSummary.replies.forUnknownChats > 0)
    violations.push(`${driverSummary.replies.forUnknownChats} replies went to chats no citizen uses`);

  const latency = replyLatency(d.records, state, fake);
  const steadyRecords = d.records.filter((r) => r.slotAt >= d.runStartedAt + warmupSeconds * 1000);
  const steady = {
    fromSecond: warmupSeconds,
    updates: steadyRecords.length,
    postToOkMs: latencySummary(
      steadyRecords.map((r) => (r.okAt === null ? Number.POSITIVE_INFINITY : r.okAt - r.slotAt)),
    ),
    postToReplyMs: replyLatency(steadyRecords, state, fake).postToReplyMs,
  };
  const repliesPerUpdate = state.outbox.length / Math.max(1, checks.exactlyOnce.figures.acknowledged);
  const replyCapUpdates = SEND_LIMITS.overallPerSecond / Math.max(repliesPerUpdate, 0.01);
  const sendRate = sentDuringRun / Math.max(driverSummary.seconds, 0.001);
  const goal = {
    target: '500 updates/s for 300 s, p99 < 20 ms, flat memory',
    offeredRate: rate,
    sustainedRate: driverSummary.sustainedRate,
    rateReached: driverSummary.sustainedRate >= 0.98 * 500 && seconds >= 300,
    postToOkP99Ms: driverSummary.postToOkMs.p99,
    steadyPostToOkP99Ms: steady.postToOkMs.p99,
    steadyReplyP99Ms: steady.postToReplyMs.p99,
    p99Under20ms: steady.postToOkMs.p99 !== null && steady.postToOkMs.p99 < 20,
    replyP99Ms: latency.postToReplyMs.p99,
    memoryFlat: rss !== null && Math.abs(rss.trendMbPerMinAfterWarmup) < 1,
  };
  // The service's CPU over the load, per update posted: it moves with the machine's speed, which latency hides.
  const cpu =
    cpuFrom === null || cpuTo === null
      ? null
      : {
          msPerUpdate: round((1000 * (cpuTo - cpuFrom)) / Math.max(1, driverSummary.postsSent), 3),
          coresDuringLoad: round((cpuTo - cpuFrom) / Math.max(seconds, 0.001), 2),
          note: 'User + system CPU of the service process (all threads) from the start to the end of the load, per update posted. Runs on a slower or faster stretch of the same machine compare by msPerUpdate; near one core, the thread that steps the conversations is saturated, queues build in bursts and no latency goal can hold.',
        };
  const report = {
    kind: 'loadtest',
    config: {
      rate,
      seconds,
      warmupSeconds,
      citizens,
      pacing,
      thinkMs,
      drainSeconds,
      seed,
      noSendLimit,
      maxInFlight,
      pause,
    },
    service: {
      pid: service.pid,
      startMs,
      exit,
      unsentRepliesAtStop: unsentBeforeStop,
      drainedInMs: drainedIn,
    },
    steady,
    driver: driverSummary,
    replies: {
      ...latency,
      sendMessageRateDuringRun: round(sendRate, 1),
      repliesPerUpdate: round(repliesPerUpdate, 3),
    },
    bottleneck: {
      sendLimits: noSendLimit
        ? {
            ...SEND_LIMITS,
            perChatPerSecond: 'off (TELEGRAM_SEND_LIMITS=0, measurement only)',
            overallPerSecond: 'off (TELEGRAM_SEND_LIMITS=0, measurement only)',
          }
        : SEND_LIMITS,
      maxUpdatesPerSecondTheRepliesCanFollow: noSendLimit ? null : round(replyCapUpdates, 1),
      note: noSendLimit
        ? `The Telegram send limiter was off (TELEGRAM_SEND_LIMITS=0): replies are bounded by the outbox sender (${DEFAULT_RETRY.concurrency ?? 1} chats at a time) and the fake.`
        : `Each update causes ~${round(repliesPerUpdate, 2)} sendMessage calls and the Telegram adapter sends at most ${SEND_LIMITS.overallPerSecond}/s overall (TELEGRAM_RATES in src/channels/telegram/token-bucket.ts; TELEGRAM_SEND_LIMITS=0 switches it off for measurements), so replies can follow at most ~${round(replyCapUpdates, 0)} updates/s. With pacing "reply" citizens wait for replies and the offered rate collapses to that; with pacing "think" the POSTs keep the offered rate and replies fall further behind every second. POST → 200 (commit) is measured separately from POST → reply.`,
    },
    rss,
    cpu,
    checks: Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, v.figures])),
    goal,
    violations,
    ok: violations.length === 0,
  };
  emit(report, values.out);
  if (violations.length > 0) log(`violations:\n  ${violations.join('\n  ')}\n${service.output(2000)}`);
  cleanup();
  return violations.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
