// Short versions of `npm run loadtest` and `npm run crashdrill`, run side by side as child processes (each starts its
// own fake Bot API and service process on 127.0.0.1): their JSON reports must show no violation. About 50 s together.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = 150_000;
const dir = mkdtempSync(join(tmpdir(), 'aduan-drills-'));
const children = new Set<ChildProcess>();

type Run = { code: number | null; stderr: string; report: Record<string, unknown> | null };

/** Runs a drill script with tsx; resolves with its exit code, its stderr tail and the report it wrote. */
function drill(script: string, args: string[]): Promise<Run> {
  const out = join(dir, `${script.replace(/\W/g, '_')}.json`);
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args, '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString('utf8')).slice(-20_000);
    });
    const timer = setTimeout(() => child.kill('SIGINT'), TIMEOUT_MS - 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      let report: Record<string, unknown> | null = null;
      try {
        report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
      } catch {
        report = null;
      }
      ok({ code, stderr, report });
    });
  });
}

afterAll(() => {
  // Only the drill processes this file started, each by its own pid (they stop their services on SIGINT).
  for (const c of children) c.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

const num = (r: Record<string, unknown> | null, ...path: string[]): number => {
  let v: unknown = r;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return typeof v === 'number' ? v : Number.NaN;
};

describe.concurrent('drills (short versions)', () => {
  it(
    'loadtest --rate 50 --seconds 10: every update committed once, every reply delivered, no violation',
    async () => {
      const run = await drill('scripts/loadtest.ts', [
        '--rate',
        '50',
        '--seconds',
        '10',
        '--drain-seconds',
        '15',
      ]);
      const r = run.report;
      expect(r, run.stderr).not.toBeNull();
      expect(r?.violations, run.stderr).toEqual([]);
      expect(run.code, run.stderr).toBe(0);
      expect(num(r, 'driver', 'updates', 'ok')).toBeGreaterThan(200);
      expect(num(r, 'driver', 'updates', 'failed')).toBe(0);
      expect(num(r, 'replies', 'delivered')).toBe(num(r, 'replies', 'updatesWithReply'));
      expect(num(r, 'checks', 'exactlyOnce', 'inboundRows')).toBe(num(r, 'driver', 'updates', 'ok'));
      expect(num(r, 'rss', 'samples')).toBeGreaterThan(5);
      expect(num(r, 'cpu', 'msPerUpdate')).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'crashdrill --rate 30 --seconds 20 --kills 3: exactly once, replies delivered, one ticket per confirmation, upgrade salvaged',
    async () => {
      const run = await drill('scripts/crashdrill.ts', [
        '--rate',
        '30',
        '--seconds',
        '20',
        '--kills',
        '3',
        '--think-ms',
        '1000-1400',
        '--finish-seconds',
        '60',
      ]);
      const r = run.report;
      expect(r, run.stderr).not.toBeNull();
      expect(r?.violations, run.stderr).toEqual([]);
      expect(run.code, run.stderr).toBe(0);
      expect(num(r, 'kills', 'sigkillsByDriver')).toBeGreaterThanOrEqual(3);
      expect((r?.checks as { integrity: { integrityCheck: string } }).integrity.integrityCheck).toBe('ok');
      expect(num(r, 'checks', 'tickets', 'tickets')).toBeGreaterThan(0);
      expect(num(r, 'checks', 'tickets', 'tickets')).toBe(num(r, 'checks', 'tickets', 'confirmedDialogues'));
      expect(num(r, 'upgrade', 'conversationsRewritten')).toBeGreaterThan(0);
      expect(num(r, 'upgrade', 'reachedOneTicket')).toBe(num(r, 'upgrade', 'meantToFile'));
    },
    TIMEOUT_MS,
  );
});
