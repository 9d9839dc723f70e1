// Crash tests: the real service is SIGKILLed at a named point (ADUAN_FAULT) and restarted on the same data;
// a committed message must not be processed twice, an uncommitted one must leave no trace, and a send cut
// off mid-way is repeated once after its lease, never more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../src/domain/reply.js';
import type { OutboundChannel } from '../../src/outbox/outbound-channel.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { Harness } from '../helpers/harness.js';
import { type ServiceChild, killAll, startService, tsxAvailable } from './child.js';

const TEST_TIMEOUT = 60_000;
const STORY =
  'Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.';

const dirs: string[] = [];
const harnesses: Harness[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-crash-'));
  dirs.push(dir);
  return dir;
}

function inspectDb(dataDir: string): { inbound: number; integrity: string } {
  const db = new Database(join(dataDir, 'aduan.db'), { readonly: true, fileMustExist: true });
  try {
    const inbound = db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get() as number;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { inbound, integrity };
  } finally {
    db.close();
  }
}

/** Posts a message the fault point kills the service on: the request fails and the child dies of SIGKILL. */
async function postAndDie(child: ServiceChild, sender: string, id: string, text: string): Promise<void> {
  const outcome = await child.post(sender, id, text).then(
    (r) => ({ ok: true as const, r }),
    (err: unknown) => ({ ok: false as const, err }),
  );
  expect(outcome.ok, `the request should have been cut off by the kill\n${child.output()}`).toBe(false);
  const exit = await child.waitExit();
  expect(exit, child.output()).toEqual({ code: null, signal: 'SIGKILL' });
}

beforeAll(() => {
  expect(tsxAvailable(), 'node_modules/.bin/tsx and node_modules/tsx must exist').toBe(true);
});

afterEach(async () => {
  await killAll();
  for (const h of harnesses.splice(0)) {
    try {
      h.close();
    } catch {
      // already closed
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('crash at a fault point in the real service', () => {
  it(
    'after_commit: the committed message survives the kill and a resend is a duplicate',
    async () => {
      const dataDir = tempDir();
      const sender = 'crash-after-1';

      const first = await startService({
        DATA_DIR: dataDir,
        ADUAN_FAULT: 'after_commit',
        ADUAN_FAULT_AFTER: '2',
      });
      const r1 = await first.post(sender, 'm1', 'halo');
      expect(r1.duplicate).toBe(false);
      expect(r1.replies.map((r) => r.expecting)).toEqual(['consent']);
      await postAndDie(first, sender, 'm2', 'ya');

      // Straight after the kill: m2 and its replies were committed, the file is sound.
      expect(inspectDb(dataDir)).toEqual({ inbound: 2, integrity: 'ok' });

      const second = await startService({ DATA_DIR: dataDir });
      const again = await second.post(sender, 'm2', 'ya');
      expect(again.duplicate, second.output()).toBe(true);
      expect(again.replies.map((r) => r.expecting)).toEqual(['story']);

      // A second resend after the restart still gets the same replies (ids included).
      const third = await second.post(sender, 'm2', 'ya');
      expect(third).toEqual(again);

      const r3 = await second.post(sender, 'm3', STORY);
      expect(r3.duplicate).toBe(false);
      expect(r3.replies.map((r) => r.expecting)).toEqual(['confirm_guess']);

      expect(await second.stop(), second.output()).toEqual({ code: 0, signal: null });
      expect(inspectDb(dataDir)).toEqual({ inbound: 3, integrity: 'ok' });
    },
    TEST_TIMEOUT,
  );

  it(
    'before_commit: the kill inside the transaction leaves no trace and a resend is processed fresh',
    async () => {
      const dataDir = tempDir();
      const sender = 'crash-before-1';

      const first = await startService({
        DATA_DIR: dataDir,
        ADUAN_FAULT: 'before_commit',
        ADUAN_FAULT_AFTER: '2',
      });
      const r1 = await first.post(sender, 'm1', 'halo');
      expect(r1.duplicate).toBe(false);
      expect(r1.replies.map((r) => r.expecting)).toEqual(['consent']);
      await postAndDie(first, sender, 'm2', 'ya');

      // Rolled back: only m1 is there.
      expect(inspectDb(dataDir)).toEqual({ inbound: 1, integrity: 'ok' });

      const second = await startService({ DATA_DIR: dataDir });
      const again = await second.post(sender, 'm2', 'ya');
      expect(again.duplicate, second.output()).toBe(false);
      expect(again.replies.map((r) => r.expecting)).toEqual(['story']);

      const r3 = await second.post(sender, 'm3', STORY);
      expect(r3.duplicate).toBe(false);
      expect(r3.replies.map((r) => r.expecting)).toEqual(['confirm_guess']);

      expect(await second.stop(), second.output()).toEqual({ code: 0, signal: null });
      expect(inspectDb(dataDir)).toEqual({ inbound: 3, integrity: 'ok' });
    },
    TEST_TIMEOUT,
  );
});

describe('crash mid-send (outbox lease, in-process)', () => {
  const quiet = { warn() {}, error() {} };

  it(
    'a send cut off by a crash is repeated exactly once, after its lease expires',
    async () => {
      const h = new Harness();
      harnesses.push(h);
      const chat = 'tg-crash-1';
      const handled = h.core.runtime.handle({
        channel: 'telegram',
        chatId: chat,
        messageId: 'm1',
        text: 'halo',
      });
      expect(handled.outgoing).toHaveLength(1);
      const outboxId = handled.outgoing[0]!.id;
      expect(h.core.store.outbox.get(outboxId)?.status).toBe('pending');

      // The "crashed" process: its send never returns, so the row stays claimed.
      let hangingCalls = 0;
      const hanging: OutboundChannel = {
        channel: 'telegram',
        send: () => {
          hangingCalls++;
          return new Promise(() => {});
        },
      };
      void new OutboxSender(h.core.store.outbox, [hanging], h.clock, quiet).drain();
      await new Promise((r) => setTimeout(r, 20));
      expect(hangingCalls).toBe(1);
      expect(h.core.store.outbox.get(outboxId)).toMatchObject({ status: 'sending', attempts: 1 });

      // The restart: a new sender on the same store.
      const sent: { chatId: string; message: RenderedMessage }[] = [];
      const recording: OutboundChannel = {
        channel: 'telegram',
        send: async (chatId, message) => {
          sent.push({ chatId, message });
          return { platformMessageId: `tg-${sent.length}` };
        },
      };
      const restarted = new OutboxSender(h.core.store.outbox, [recording], h.clock, quiet);

      h.clock.advance(59_000);
      expect(await restarted.drain()).toBe(0);
      expect(sent).toHaveLength(0);
      expect(h.core.store.outbox.get(outboxId)?.status).toBe('sending');

      h.clock.advance(2_000); // 61 s after the claim: the lease has expired
      expect(await restarted.drain()).toBe(1);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toEqual({ chatId: chat, message: handled.outgoing[0]!.message });

      expect(await restarted.drain()).toBe(0);
      h.clock.advance(120_000);
      expect(await restarted.drain()).toBe(0);
      expect(sent).toHaveLength(1);

      expect(h.core.store.outbox.get(outboxId)).toMatchObject({ status: 'sent', attempts: 2 });
      const statuses = h.core.db.prepare('SELECT DISTINCT status FROM outbox').pluck().all();
      expect(statuses).toEqual(['sent']);
    },
    TEST_TIMEOUT,
  );
});
