// The real service as a second process, on 127.0.0.1 and a fixed port so a restarted service answers at the same
// address. This checkout runs as `npm start` runs it, its bundle (built once per drill into .tmp/drill-service-<pid>/);
// another version's worktree (the upgrade drill) runs its sources with tsx, as releases before the bundle started.
// Started, waited for on /healthz, stopped with SIGTERM or killed with SIGKILL, always by its own pid. Also samples
// its resident memory from /proc/<pid>/status.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ROOT, SERVICE_ENTRY, bundleOnce } from './build-service.js';

export { ROOT };

/** This checkout's service as `npm start` runs it: its bundle, built on first use (scripts/lib/build-service.ts). */
export function serviceBundle(): string {
  return bundleOnce(SERVICE_ENTRY, 'drill-service');
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        fail(new Error('no port'));
        return;
      }
      srv.close(() => ok(addr.port));
    });
  });
}

/** Variables of the parent that must not leak into the service (other channels, fault injection, paths). */
const SCRUBBED = /^(ADUAN_|TELEGRAM_|WACLOUD_|WHATSAPP_|DB_PATH$|DATA_DIR$|PORT$|HOST$|WEB_DEV_SENDERS$)/;

const live = new Set<ServiceProcess>();

/** USER_HZ: 100 on Linux for every architecture Node supports. */
const CLOCK_TICKS = 100;

export class ServiceProcess {
  readonly proc: ChildProcess;
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;
  readonly startedAt = Date.now();
  private out = '';

  constructor(
    readonly port: number,
    env: Record<string, string>,
    /** Extra node options before the script: `--import` preloads (measurement only), `--cpu-prof`. */
    nodeArgs: string[] = [],
    /** The checkout to run: this one, or another version's worktree (the upgrade drill). */
    root: string = ROOT,
  ) {
    const base: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED.test(k)) base[k] = v;
    const args =
      root === ROOT ? [...nodeArgs, serviceBundle()] : ['--import', 'tsx', ...nodeArgs, 'src/app/main.ts'];
    this.proc = spawn(process.execPath, args, {
      cwd: root,
      env: { ...base, HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    this.proc.stdout?.on('data', (b: Buffer) => this.append(b));
    this.proc.stderr?.on('data', (b: Buffer) => this.append(b));
    this.exited = new Promise((ok) => {
      this.proc.on('exit', (code, signal) => {
        this.exit = { code, signal };
        live.delete(this);
        ok(this.exit);
      });
      this.proc.on('error', (err) => {
        this.append(Buffer.from(`spawn error: ${err.message}\n`));
        this.exit = { code: null, signal: null };
        live.delete(this);
        ok(this.exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  private append(b: Buffer): void {
    this.out += b.toString('utf8');
    if (this.out.length > 200_000) this.out = this.out.slice(-100_000);
  }

  /** The last part of the service's stdout and stderr. */
  output(max = 4000): string {
    return this.out.slice(-max);
  }

  /** Polls /healthz until 200 (bounded); fails early if the process exits. */
  async ready(timeoutMs = 30_000): Promise<number> {
    const started = Date.now();
    const deadline = started + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit)
        throw new Error(
          `service exited before it was healthy: ${JSON.stringify(this.exit)}\n${this.output()}`,
        );
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/healthz`, {
          signal: AbortSignal.timeout(1000),
        });
        if (res.ok) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`service not healthy after ${timeoutMs} ms\n${this.output()}`);
  }

  async waitExit(timeoutMs: number): Promise<Exit | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((ok) => {
      timer = setTimeout(() => ok(null), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGTERM (the service closes HTTP, drains the outbox once, closes the database); SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<Exit> {
    if (!this.exit) this.proc.kill('SIGTERM');
    const exit = await this.waitExit(timeoutMs);
    if (exit) return exit;
    this.kill();
    return (await this.waitExit(10_000)) ?? { code: null, signal: null };
  }

  /** SIGKILL, and wait until the process is gone. */
  async killNow(): Promise<Exit> {
    this.kill();
    return (await this.waitExit(10_000)) ?? { code: null, signal: null };
  }

  kill(): void {
    if (!this.exit && this.proc.pid !== undefined) this.proc.kill('SIGKILL');
  }

  /** CPU seconds used so far (user + system, /proc/<pid>/stat), or null when the process is gone. */
  cpuSeconds(): number | null {
    if (this.exit || this.proc.pid === undefined) return null;
    try {
      const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start at ")"; utime and stime are 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  /** Resident memory in MB from /proc/<pid>/status (VmRSS), or null when the process is gone. */
  rssMb(): number | null {
    if (this.exit || this.proc.pid === undefined) return null;
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kb === undefined ? null : Number(kb) / 1024;
    } catch {
      return null;
    }
  }
}

/** SIGKILLs every service process this module started that is still alive, one by one (used on abort). */
export async function killAllServices(): Promise<void> {
  const all = [...live];
  for (const s of all) s.kill();
  await Promise.all(all.map((s) => s.waitExit(5000)));
}

/** One sample a second of whichever service process is current: RSS (MB) and CPU use (share of one core). */
export class RssSampler {
  readonly samples: { t: number; mb: number; cpu: number | null }[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly t0 = Date.now();
  private last: { pid: number | undefined; at: number; cpu: number } | null = null;

  constructor(current: () => ServiceProcess | null, everyMs = 1000) {
    this.timer = setInterval(() => {
      const svc = current();
      const mb = svc?.rssMb();
      const cpu = svc?.cpuSeconds();
      const at = Date.now();
      if (mb === null || mb === undefined || cpu === null || cpu === undefined) return;
      const prev = this.last;
      const share = prev && prev.pid === svc?.pid ? (cpu - prev.cpu) / ((at - prev.at) / 1000) : null;
      this.last = { pid: svc?.pid, at, cpu };
      this.samples.push({ t: (at - this.t0) / 1000, mb, cpu: share });
    }, everyMs);
    this.timer.unref();
  }

  /** Seconds since the sampler started (the time axis of the samples). */
  elapsed(): number {
    return (Date.now() - this.t0) / 1000;
  }

  stop(): { t: number; mb: number; cpu: number | null }[] {
    clearInterval(this.timer);
    return this.samples;
  }
}
