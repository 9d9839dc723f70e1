// `npm run simulate` as another program uses it: a live conversation over a pipe, one JSON line at a time.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

type Out = { to?: string; text?: string; expecting?: string; type?: string; seq?: number; error?: string };

class Sim {
  private readonly lines: Out[] = [];
  private waiting: (() => void) | null = null;
  constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (l) => {
      this.lines.push(JSON.parse(l) as Out);
      this.waiting?.();
    });
  }
  /** Sends one line and waits for its `done`; returns what came before it. */
  async send(line: object): Promise<Out[]> {
    this.child.stdin.write(`${JSON.stringify(line)}\n`);
    for (;;) {
      const done = this.lines.findIndex((l) => l.type === 'done');
      if (done >= 0) return this.lines.splice(0, done + 1).slice(0, -1);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
  }
}

describe('npm run simulate', () => {
  let child: ChildProcessWithoutNullStreams | null = null;
  afterEach(() => child?.kill());

  it('holds a live conversation: a complaint in at most 16 citizen messages, advancing the clock', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const sim = new Sim(child);
    let sent = 0;
    let last: Out[] = [];
    const say = async (text: string) => {
      sent++;
      last = await sim.send({ from: 'warga', text });
      return last;
    };
    expect((await say('halo'))[0]?.expecting).toBe('consent');
    await say('ya');
    // A story in short pieces: the first is acknowledged, the next kept quietly.
    expect((await say('di depan rumah saya di Martapura'))[0]?.expecting).toBe('story');
    expect(await say('sudah 2 minggu')).toEqual([]);
    // The citizen says no more; after the quiet time the flow continues by itself.
    const after = await sim.send({ type: 'advance', seconds: 120 });
    expect(after.map((o) => o.expecting)).toEqual(['confirm_guess']);
    const answers: Record<string, string> = {
      confirm_guess: 'ya',
      location: 'Jl. Sekumpul depan SDN 2, Martapura',
      category: 'jalan rusak',
      agency: 'tidak tahu',
      prior_report: 'belum',
      expectation: 'jalan segera diperbaiki',
      evidence: 'lewati',
      identity_mode: '2',
      name: 'Rahmat Hidayat',
      nik: 'lewati',
      phone: '0813 5000 1234',
      confirm: 'kirim',
    };
    last = after;
    while (!last.some((o) => o.text?.includes('ADU-')) && sent < 20) {
      const expecting = last.at(-1)?.expecting ?? '';
      await say(answers[expecting] ?? 'ya');
    }
    expect(last.some((o) => /ADU-\d{4}-[A-Z0-9]{4}/.test(o.text ?? ''))).toBe(true);
    expect(sent).toBeLessThanOrEqual(16);
    const bad = await sim.send({ nonsense: true });
    expect(bad[0]?.type).toBe('error');
  }, 30_000);
});
