// `npm run compare [-- --rounds 4 --seconds 20 --chats 50 --warmup-seconds 3 --self --out FILE --profile DIR]`
//
// Aduan against a plain telegraf bot (scripts/plain-bot/), both in webhook mode against the same fake Bot API (a
// child process of its own, fresh for every run of a bot), each bot a child process started on a fresh data folder.
// `chats` chats play whole complaint dialogues in a closed loop (scripts/compare/closed-loop.ts); the bots run in
// alternating order (A/B, B/A, …) so drift cancels. Prints one JSON object: per side round trips/s, p50/p99, CPU
// per round trip (user + system of the bot's process, all threads, over the measured window), peak RSS, tickets
// filed; the ratios Aduan / plain; the goal. `--self` runs the plain bot against itself (the rig's noise).
// `--profile DIR` writes a V8 CPU profile of each Aduan process (node --cpu-prof) into DIR, to see where the time goes.
// Exit code 1 when a side filed no ticket or a dialogue went wrong: that is an error, not a result.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { aduanReplyCounts } from './compare/aduan-reply-counts.js';
import { killAllBots } from './compare/bot-process.js';
import { type BotKind, VARIANTS, dialogue } from './compare/dialogue.js';
import { type SideRound, runSide } from './compare/side-run.js';
import { goals, problems, ratios, summariseSide } from './compare/summary.js';
import { num } from './lib/setup.js';
import { round } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    chats: { type: 'string' },
    'warmup-seconds': { type: 'string' },
    self: { type: 'boolean', default: false },
    out: { type: 'string' },
    profile: { type: 'string' },
  },
});

const log = (line: string): void => {
  process.stderr.write(`[compare] ${line}\n`);
};

type Side = { name: string; kind: BotKind; rounds: SideRound[] };

async function main(): Promise<number> {
  const rounds = num(values.rounds, 'rounds', 4, 1, 100);
  const seconds = num(values.seconds, 'seconds', 20, 1, 3600);
  const chats = num(values.chats, 'chats', 50, 1, 5000);
  const warmupSeconds = num(values['warmup-seconds'], 'warmup-seconds', 3, 0, 600);
  const self = values.self === true;
  const loadAtStart = loadavg()[0] ?? 0;

  // The plain bot sends one message per step by construction; Aduan's counts come from a dry run (not needed in --self).
  const plainCounts = dialogue(VARIANTS[0]!).map(() => 1);
  const counts: Partial<Record<BotKind, readonly number[]>> = self
    ? { plain: plainCounts }
    : { aduan: aduanReplyCounts(), plain: plainCounts };
  log(`reply counts per step: ${JSON.stringify(counts)}`);
  const subject: Side = self
    ? { name: 'plainAgain', kind: 'plain', rounds: [] }
    : { name: 'aduan', kind: 'aduan', rounds: [] };
  const baseline: Side = { name: 'plain', kind: 'plain', rounds: [] };

  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [subject, baseline] : [baseline, subject];
    for (const side of order) {
      log(`round ${r + 1}/${rounds}: ${side.name}`);
      side.rounds.push(
        await runSide({
          kind: side.kind,
          chats,
          warmupSeconds,
          seconds,
          replyCounts: counts[side.kind] ?? plainCounts,
          log,
          ...(values.profile ? { profileDir: values.profile } : {}),
        }),
      );
    }
  }

  const s = summariseSide(subject.rounds);
  const b = summariseSide(baseline.rounds);
  const r = ratios(s, b);
  const errors = [...problems(subject.name, subject.rounds), ...problems(baseline.name, baseline.rounds)];
  const report = {
    kind: 'compare',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      /** Other work on the machine disturbs the figures: the 1-minute load average at the start and the end. */
      loadAverage: [round(loadAtStart, 2), round(loadavg()[0] ?? 0, 2)],
    },
    config: { rounds, seconds, warmupSeconds, chats, self, dialogueSteps: plainCounts.length },
    setup: {
      order: 'A/B, B/A, … per round (A is the subject)',
      fakeBotApi: 'a child process of its own, fresh for every run of a bot',
      bots: 'node <bundle> (esbuild, packages external), as npm start runs the service; Aduan with TELEGRAM_SEND_LIMITS=0 and SENDER_MESSAGES_PER_MINUTE=0',
      replySetRule:
        "per-bot expected reply counts per step (Aduan's from a dry run of the same dialogue through its runtime, the plain bot's one per step); the last message must be the step's question",
      replyCountsPerStep: counts,
    },
    sides: { [subject.name]: s, [baseline.name]: b },
    ratios: { of: `${subject.name}/${baseline.name}`, ...r },
    goals: goals(self, r),
    errors,
    ok: errors.length === 0,
  };
  const json = JSON.stringify(report, null, 2);
  if (values.out) writeFileSync(values.out, `${json}\n`);
  process.stdout.write(`${json}\n`);
  if (errors.length > 0) log(`errors:\n  ${errors.join('\n  ')}`);
  return errors.length === 0 ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the bots`);
    killAllBots();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
