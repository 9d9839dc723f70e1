// Starts the compare's fake Bot API as a child process (fake-api-child.ts) and relays what it reports: each
// sendMessage as it arrives, and the count of calls per method on request.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROOT } from '../lib/service-process.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'fake-api-child.ts');

const Report = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), apiRoot: z.string() }),
  z.object({ type: z.literal('send'), chatId: z.string(), text: z.string(), at: z.number() }),
  z.object({ type: z.literal('calls'), calls: z.record(z.string(), z.number()) }),
]);

export type SendReport = { chatId: string; text: string; at: number };

export class FakeApiProcess {
  /** Called for every sendMessage the fake answered. */
  onSend: (m: SendReport) => void = () => {};
  private callsWaiting: ((calls: Record<string, number>) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly apiRoot: string,
  ) {
    child.on('message', (raw) => {
      const m = Report.safeParse(raw);
      if (!m.success) return;
      if (m.data.type === 'send') this.onSend(m.data);
      else if (m.data.type === 'calls') for (const w of this.callsWaiting.splice(0)) w(m.data.calls);
    });
  }

  static start(timeoutMs = 20_000): Promise<FakeApiProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error('the fake Bot API did not start'));
      }, timeoutMs);
      child.once('exit', (code) => fail(new Error(`the fake Bot API exited (${code})`)));
      const onReady = (raw: unknown) => {
        const m = Report.safeParse(raw);
        if (!m.success || m.data.type !== 'ready') return;
        clearTimeout(timer);
        child.off('message', onReady);
        ok(new FakeApiProcess(child, m.data.apiRoot));
      };
      child.on('message', onReady);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Calls per Bot API method so far. */
  calls(): Promise<Record<string, number>> {
    return new Promise((ok) => {
      this.callsWaiting.push(ok);
      this.child.send({ type: 'calls' });
    });
  }

  /** Ends the child (it closes its server) and waits for it, killing it after 5 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((ok) => this.child.once('exit', () => ok()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
