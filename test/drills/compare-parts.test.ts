// The parts of `npm run compare` (a whole run takes well over 20 s here): /proc parsing, the reply-set rule, the
// figures and goals, Telegram-shaped updates, Aduan's reply counts for the dialogue, and the plain bot playing it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aduanReplyCounts } from '../../scripts/compare/aduan-reply-counts.js';
import { textUpdate } from '../../scripts/compare/closed-loop.js';
import { VARIANTS, asksExpected, dialogue } from '../../scripts/compare/dialogue.js';
import { cpuMs, parseStatTicks, parseStatusKb, peakRssMb } from '../../scripts/compare/proc-stats.js';
import { ReplySet } from '../../scripts/compare/reply-set.js';
import type { SideRound } from '../../scripts/compare/side-run.js';
import { goals, problems, ratios, summariseSide } from '../../scripts/compare/summary.js';
import { FakeBotApi } from '../../scripts/lib/fake-bot-api.js';
import { BOT_TOKEN } from '../../scripts/lib/setup.js';
import { createBot } from '../../scripts/plain-bot/bot.js';
import { openDatabase } from '../../scripts/plain-bot/database.js';

const dir = mkdtempSync(join(tmpdir(), 'aduan-compare-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('/proc parsing', () => {
  it('reads utime + stime after the command name, even one with spaces and parentheses', () => {
    const stat = '4242 (node (a) b) S 1 4242 4242 0 -1 4194560 5000 0 12 0 150 37 0 0 20 0 11 0 1000 1 2';
    expect(parseStatTicks(stat)).toBe(187);
    expect(parseStatTicks('garbage')).toBeNull();
    expect(parseStatTicks('1 (x) S 1 2')).toBeNull();
  });

  it('reads a kB line of /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t  900000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n';
    expect(parseStatusKb(status, 'VmHWM')).toBe(123456);
    expect(parseStatusKb(status, 'VmSwap')).toBeNull();
  });

  it('reads this process, and null for a process that does not exist', () => {
    expect(cpuMs(process.pid)).toBeGreaterThan(0);
    expect(peakRssMb(process.pid)).toBeGreaterThan(10);
    expect(cpuMs(2 ** 30)).toBeNull();
    expect(peakRssMb(2 ** 30)).toBeNull();
  });
});

describe('the reply-set rule', () => {
  const isQuestion = (t: string) => t.startsWith('Q');

  it('completes at the expected count when the last message is the question; more is a surplus', () => {
    const set = new ReplySet(2, isQuestion);
    expect(set.add('notice', 10)).toBe('waiting');
    expect(set.add('Q: next?', 12)).toBe('complete');
    expect(set.lastAt).toBe(12);
    expect(set.add('Q: again?', 13)).toBe('surplus');
    expect(set.count).toBe(2);
  });

  it('a set whose last message is not the question went wrong', () => {
    const set = new ReplySet(1, isQuestion);
    expect(set.add('something else', 5)).toBe('wrong_question');
  });

  it('needs at least one message', () => {
    expect(() => new ReplySet(0, isQuestion)).toThrow();
  });
});

function sideRound(over: Partial<SideRound>): SideRound {
  return {
    kind: 'plain',
    startMs: 1000,
    measuredSeconds: 10,
    roundTrips: 1000,
    latencies: Array.from({ length: 1000 }, (_, i) => 1 + i / 100),
    cpuMs: 2000,
    peakRssMb: 100,
    fakeApiCpuPercent: 20,
    driverCpuPercent: 20,
    dialoguesCompleted: 76,
    ticketsFiled: 76,
    surplusReplies: 0,
    errors: {},
    exitCode: 0,
    ...over,
  };
}

describe('figures and goals', () => {
  it('pools the rounds: round trips over all seconds, CPU over all round trips, the highest peak', () => {
    const s = summariseSide([sideRound({}), sideRound({ roundTrips: 500, cpuMs: 1500, peakRssMb: 120 })]);
    expect(s.roundTripsPerSecond).toBe(75);
    expect(s.cpuMsPerRoundTrip).toBeCloseTo(3500 / 1500, 3);
    expect(s.peakRssMb).toBe(120);
    expect(s.p50Ms).toBe(5.99);
    expect(s.rounds).toHaveLength(2);
    expect(s.ticketsFiled).toBe(152);
  });

  it('ratios are subject / baseline, and the self goal passes only inside 0.95–1.05', () => {
    const base = summariseSide([sideRound({})]);
    const close = ratios(summariseSide([sideRound({ roundTrips: 1030, cpuMs: 2040 })]), base);
    expect(close.roundTripsPerSecond).toBe(1.03);
    expect(goals(true, close)[0]?.pass).toBe(true);
    const far = ratios(summariseSide([sideRound({ roundTrips: 400, cpuMs: 2400 })]), base);
    expect(far.cpuPerRoundTrip).toBe(3);
    expect(goals(true, far)[0]?.pass).toBe(false);
    expect(goals(false, far)[0]?.pass).toBeNull();
  });

  it("Aduan's three goals (CPU ≤ 1.5×, round trips ≥ 0.8×, p99 ≤ plain + 5 ms) pass or fail in a normal run only", () => {
    const base = summariseSide([sideRound({})]);
    const near = ratios(summariseSide([sideRound({ roundTrips: 900, cpuMs: 2800 })]), base);
    const [, cpu, trips, p99] = goals(false, near);
    expect(near.cpuPerRoundTrip).toBeCloseTo(1.556, 3);
    expect(cpu?.pass).toBe(false);
    expect(trips?.pass).toBe(true);
    expect(p99?.pass).toBe(true);
    const fine = ratios(summariseSide([sideRound({ roundTrips: 1000, cpuMs: 2900 })]), base);
    expect(goals(false, fine)[1]?.pass).toBe(true);
    expect(
      goals(true, fine)
        .slice(1)
        .map((g) => g.pass),
    ).toEqual([null, null, null]);
  });

  it('a side that filed no ticket, or a dialogue that went wrong, is an error', () => {
    expect(problems('plain', [sideRound({})])).toEqual([]);
    const bad = problems('aduan', [
      sideRound({ ticketsFiled: 0, dialoguesCompleted: 0, errors: { 'aduan step 3: another question': 2 } }),
    ]);
    expect(bad).toContain('aduan round 1: no ticket filed');
    expect(bad.some((p) => p.includes('another question'))).toBe(true);
  });
});

describe('the dialogue', () => {
  it('a command comes with its bot_command entity, as Telegram sends it', () => {
    expect(textUpdate(1, 5, 'Siti', 1, '/start').message.entities).toEqual([
      { type: 'bot_command', offset: 0, length: 6 },
    ]);
    expect(textUpdate(2, 5, 'Siti', 2, 'ya').message.entities).toBeUndefined();
  });

  it("matches Aduan's intake: every variant through the runtime gets one message per step", () => {
    expect(aduanReplyCounts()).toEqual(dialogue(VARIANTS[0]!).map(() => 1));
  });

  it('the plain bot asks the same questions, one message per step, and files a ticket per dialogue', async () => {
    const fake = await new FakeBotApi({ token: BOT_TOKEN }).start();
    const db = openDatabase(join(dir, 'plain-bot.db'));
    try {
      const bot = createBot(db, BOT_TOKEN, fake.apiRoot);
      let updateId = 0;
      for (const [v, variant] of VARIANTS.entries()) {
        const chatId = 900 + v;
        for (const [n, step] of dialogue(variant).entries()) {
          const before = fake.chat(String(chatId)).length;
          await bot.handleUpdate(textUpdate(++updateId, chatId, 'Warga', n + 1, step.say.plain));
          const got = fake.chat(String(chatId)).slice(before);
          expect(got, `variant ${v} step ${n}`).toHaveLength(1);
          expect(asksExpected('plain', step, got[0]?.text ?? ''), `variant ${v} step ${n}`).toBe(true);
        }
      }
      const tickets = db.prepare('SELECT count(*) FROM tickets').pluck().get();
      expect(tickets).toBe(VARIANTS.length);
    } finally {
      db.close();
      await fake.close();
    }
  });
});
