// One bot of the compare as a child process: `node <bundle>`, as `npm start` runs the service (each bot bundled by
// esbuild, scripts/lib/build-service.ts), on 127.0.0.1, with only the environment given (plus PATH and HOME). Ready
// when GET /healthz answers 200; stopped with SIGTERM (SIGKILL after a timeout), always by its own pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from '../lib/service-process.js';

const live = new Set<BotProcess>();

/** SIGKILLs every bot process still running that this module started, each by its pid (on Ctrl-C). */
export function killAllBots(): void {
  for (const bot of live) bot.kill();
}

export class BotProcess {
  private readonly proc: ChildProcess;
  private readonly exited: Promise<number | null>;
  private out = '';
  private gone = false;

  constructor(
    /** The bot's bundle (built). */
    readonly entry: string,
    readonly port: number,
    env: Record<string, string>,
    nodeArgs: readonly string[] = [],
  ) {
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    this.proc = spawn(process.execPath, [...nodeArgs, entry], {
      cwd: ROOT,
      env: { ...base, HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    const keep = (b: Buffer) => {
      this.out = (this.out + b.toString('utf8')).slice(-20_000);
    };
    this.proc.stdout?.on('data', keep);
    this.proc.stderr?.on('data', keep);
    this.exited = new Promise((ok) => {
      this.proc.on('exit', (code) => {
        this.gone = true;
        live.delete(this);
        ok(code);
      });
      this.proc.on('error', (err) => {
        keep(Buffer.from(`spawn error: ${err.message}\n`));
        this.gone = true;
        live.delete(this);
        ok(null);
      });
    });
  }

  get pid(): number {
    if (this.proc.pid === undefined) throw new Error(`${this.entry} did not start\n${this.out}`);
    return this.proc.pid;
  }

  /** The end of the process's stdout and stderr. */
  output(): string {
    return this.out.slice(-4000);
  }

  /** Polls /healthz until 200; the time it took in ms. */
  async ready(timeoutMs = 30_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.gone) throw new Error(`${this.entry} exited before it was ready\n${this.output()}`);
      const ok = await fetch(`http://127.0.0.1:${this.port}/healthz`, { signal: AbortSignal.timeout(1000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${this.entry} not ready after ${timeoutMs} ms\n${this.output()}`);
  }

  kill(): void {
    if (!this.gone) this.proc.kill('SIGKILL');
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; the exit code (null when killed). */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (!this.gone) this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
