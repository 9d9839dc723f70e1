// Crash-test helpers: the real service (`node --import tsx src/app/main.ts`) as a child process on a free port,
// waited for on /healthz, talked to over HTTP, and killed (or stopped) by its own pid only.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TSX_BIN = join(ROOT, 'node_modules', '.bin', 'tsx');

/** `--import tsx` needs the tsx package (and its bin, which `npm start` uses). */
export function tsxAvailable(): boolean {
  return existsSync(TSX_BIN) && existsSync(join(ROOT, 'node_modules', 'tsx', 'package.json'));
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Reply = { id: number; text: string; expecting: string; choices: unknown[] };
export type PostResult = { replies: Reply[]; duplicate: boolean };

/** A free TCP port on 127.0.0.1: listen on 0, read the port, close (a tiny race, acceptable in tests). */
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

/** Every child started by this module and not yet seen to exit; `killAll` ends them one by one. */
const live = new Set<ServiceChild>();

export class ServiceChild {
  readonly proc: ChildProcess;
  readonly base: string;
  private out = '';
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;

  constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    this.base = `http://127.0.0.1:${port}`;
    const base = { ...process.env };
    for (const k of ['ADUAN_FAULT', 'ADUAN_FAULT_AFTER', 'DB_PATH', 'PORT', 'HOST', 'DATA_DIR'])
      delete base[k];
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
      cwd: ROOT,
      env: {
        ...base,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        WEB_DEV_SENDERS: '1',
        ...env,
      },
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

  private append(b: Buffer): void {
    this.out += b.toString('utf8');
    if (this.out.length > 200_000) this.out = this.out.slice(-100_000);
  }

  /** The child's stdout and stderr so far (for failure messages). */
  output(): string {
    return this.out;
  }

  /** Polls /healthz until it answers 200; fails early (with the output) if the child exits first. */
  async ready(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit)
        throw new Error(`service exited before it was healthy: ${JSON.stringify(this.exit)}\n${this.out}`);
      try {
        const res = await fetch(`${this.base}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`service not healthy after ${timeoutMs} ms\n${this.out}`);
  }

  /** POST /api/chat/messages as a dev sender. */
  async post(sender: string, id: string, text: string): Promise<PostResult> {
    const res = await fetch(`${this.base}/api/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-sender': sender },
      body: JSON.stringify({ id, text }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`POST ${id}: HTTP ${res.status} ${body}\n${this.out}`);
    return JSON.parse(body) as PostResult;
  }

  /** Waits for the exit, failing after `timeoutMs` (with the output). */
  async waitExit(timeoutMs = 10_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`child did not exit in ${timeoutMs} ms\n${this.out}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A clean stop (SIGTERM: the service closes HTTP, drains and closes the database). */
  async stop(timeoutMs = 10_000): Promise<Exit> {
    if (!this.exit) this.proc.kill('SIGTERM');
    return this.waitExit(timeoutMs);
  }

  kill(): void {
    if (!this.exit && this.proc.pid !== undefined) this.proc.kill('SIGKILL');
  }
}

/** Starts the service on a fresh free port and waits until it is healthy. */
export async function startService(env: Record<string, string>): Promise<ServiceChild> {
  const child = new ServiceChild(await freePort(), env);
  await child.ready();
  return child;
}

/** SIGKILLs every child still alive (each by its own pid) and waits for them to be gone. */
export async function killAll(): Promise<void> {
  const children = [...live];
  for (const c of children) c.kill();
  await Promise.all(children.map((c) => c.waitExit(5000).catch(() => undefined)));
}
