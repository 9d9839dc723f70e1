// Replies written already claimed: the runtime asks the sender, writes the row 'sending' and hands it over after the
// commit; what is not sent (a failure, a channel gone, a lease run out, an erasure, a crash) goes back to the outbox.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, buildCore } from '../../src/app/core.js';
import { ManualClock, seededIds } from '../../src/clock.js';
import type { RenderedMessage } from '../../src/domain/reply.js';
import { type OutboundChannel, SendError } from '../../src/outbox/outbound-channel.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { T0 } from '../helpers/harness.js';

const quiet = { warn: () => {}, error: () => {} };
const LEASE = 60_000;

class FakeChannel implements OutboundChannel {
  readonly channel = 'telegram';
  readonly sent: { chatId: string; text: string }[] = [];
  failures: Error[] = [];
  connected = true;
  delayMs = 0;
  private hold: Promise<void> | null = null;
  /** The next send waits until the returned function is called (a slow platform). */
  holdNext(): () => void {
    let release = () => {};
    this.hold = new Promise((ok) => {
      release = ok;
    });
    return release;
  }
  state() {
    return this.connected ? ('connected' as const) : ('failing' as const);
  }
  delayFor() {
    return this.delayMs;
  }
  async send(chatId: string, message: RenderedMessage) {
    const hold = this.hold;
    this.hold = null;
    if (hold) await hold;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ chatId, text: message.text });
    return { platformMessageId: String(this.sent.length) };
  }
}

type Row = { id: number; status: string; attempts: number; payload: string };

describe('replies written already claimed', () => {
  let clock: ManualClock;
  let core: Core;
  let channel: FakeChannel;
  let sender: OutboxSender;
  let seq = 0;
  let dir = '';
  /** False: a process that dies after the commit, before the hand-over. */
  let handOver = true;

  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-claim-'));
    clock = new ManualClock(T0);
    channel = new FakeChannel();
    core = buildCore({
      dbPath: join(dir, 'aduan.db'),
      dataDir: dir,
      clock,
      ids: seededIds(1),
      upgradeCleared: true,
      claimUntil: (c, chatId) => sender.claimUntil({ channel: c, chatId }),
      onQueued: (q) => {
        if (handOver) sender.wake(q.outgoing);
      },
    });
    sender = new OutboxSender(core.store.outbox, [channel], clock, quiet, {
      maxAttempts: 3,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      leaseMs: LEASE,
    });
  };
  beforeEach(() => {
    handOver = true;
    open();
  });
  afterEach(() => core.close());

  const say = (chat: string, text: string, extra: { notices?: { key: 'channel.unsupported' }[] } = {}) =>
    core.runtime.handle({ channel: 'telegram', chatId: chat, messageId: `m${++seq}`, text, ...extra });
  /** A platform notice before the flow's answer: two replies in one step. */
  const twoReplies = (chat: string) => say(chat, 'halo', { notices: [{ key: 'channel.unsupported' }] });
  const rows = (chat: string): Row[] =>
    core.db
      .prepare('SELECT id, status, attempts, payload FROM outbox WHERE chat_id = ? ORDER BY id')
      .all(chat) as Row[];
  /** Lets the handed-over sends run, then waits until nothing is being sent. */
  const settle = async () => {
    await new Promise((r) => setImmediate(r));
    await sender.drain();
  };

  it('writes a reply to an idle chat claimed, and sends it as it was handed over', async () => {
    const r = say('a', 'halo');
    expect(r.outgoing).toHaveLength(1);
    expect(r.outgoing[0]?.claimedUntil).toBe(T0 + LEASE);
    // Committed already claimed for its first attempt: a crash now leaves it to the lease, never sent twice.
    expect(rows('a')).toMatchObject([{ status: 'sending', attempts: 1 }]);
    await settle();
    expect(channel.sent.map((s) => s.text)).toEqual([r.outgoing[0]?.message.text]);
    expect(rows('a')).toMatchObject([{ status: 'sent', attempts: 1 }]);
  });

  it('writes a reply pending while an earlier message of the chat waits for its retry, and sends both in order', async () => {
    channel.failures.push(new SendError('timeout', true));
    const first = say('a', 'halo');
    await settle();
    expect(rows('a')).toMatchObject([{ status: 'pending', attempts: 1 }]);
    const second = say('a', 'ya');
    expect(second.outgoing[0]?.claimedUntil).toBeUndefined();
    expect(rows('a')).toMatchObject([{ status: 'pending' }, { status: 'pending', attempts: 0 }]);
    await settle();
    expect(channel.sent).toEqual([]);
    clock.advance(1001);
    await settle();
    expect(channel.sent.map((s) => s.text)).toEqual([
      first.outgoing[0]?.message.text,
      second.outgoing[0]?.message.text,
    ]);
  });

  it('writes replies pending while the channel is not connected or holds the chat back', async () => {
    channel.connected = false;
    expect(say('a', 'halo').outgoing[0]?.claimedUntil).toBeUndefined();
    channel.connected = true;
    channel.delayMs = 500;
    expect(say('b', 'halo').outgoing[0]?.claimedUntil).toBeUndefined();
    expect([...rows('a'), ...rows('b')]).toMatchObject([{ status: 'pending' }, { status: 'pending' }]);
  });

  it('gives a step’s later claimed replies back when the first one fails, and sends them after its retry', async () => {
    // A platform notice before the flow's answer: two replies in one step, both claimed.
    channel.failures.push(new SendError('timeout', true));
    const r = twoReplies('a');
    expect(r.outgoing.map((o) => o.claimedUntil)).toEqual([T0 + LEASE, T0 + LEASE]);
    await settle();
    expect(channel.sent).toEqual([]);
    // The failed one waits for its retry with its attempt; the other is pending again without one.
    expect(rows('a')).toMatchObject([
      { status: 'pending', attempts: 1 },
      { status: 'pending', attempts: 0 },
    ]);
    clock.advance(1001);
    await settle();
    expect(channel.sent.map((s) => s.text)).toEqual(r.outgoing.map((o) => o.message.text));
  });

  it('gives claimed replies back when the channel goes away before they are sent', async () => {
    const release = channel.holdNext();
    const r = twoReplies('a');
    expect(r.outgoing.map((o) => o.claimedUntil)).toEqual([T0 + LEASE, T0 + LEASE]);
    await new Promise((ok) => setImmediate(ok));
    // The first send is under way when the channel goes; the second is pending again, without an attempt.
    channel.connected = false;
    release();
    await settle();
    expect(channel.sent).toHaveLength(1);
    expect(rows('a')).toMatchObject([{ status: 'sent' }, { status: 'pending', attempts: 0 }]);
    channel.connected = true;
    await sender.drain();
    expect(channel.sent.map((s) => s.text)).toEqual(r.outgoing.map((o) => o.message.text));
  });

  it('sends a claimed reply whose lease ran out while an earlier one was slow exactly once', async () => {
    const release = channel.holdNext();
    const r = twoReplies('a');
    await new Promise((ok) => setImmediate(ok));
    // The first send hangs past the second's lease; the lease recovery makes the second pending meanwhile.
    clock.advance(LEASE + 1);
    sender.poll();
    release();
    await settle();
    expect(channel.sent.map((s) => s.text)).toEqual(r.outgoing.map((o) => o.message.text));
    expect(rows('a').map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('sends what a step queued before its erasure, then the erasure’s answer, each recorded on its own row', async () => {
    say('a', 'halo');
    say('a', 'hapus data saya');
    await settle();
    const before = channel.sent.length;
    const r = say('a', 'ya hapus', { notices: [{ key: 'channel.unsupported' }] });
    // The notice, written before the erasure, is being sent: it stays (emptied) and goes out, then the answer.
    expect(r.outgoing.map((o) => o.claimedUntil)).toEqual([T0 + LEASE, T0 + LEASE]);
    await settle();
    expect(channel.sent.slice(before).map((s) => s.text)).toEqual(r.outgoing.map((o) => o.message.text));
    expect(channel.sent.at(-1)?.text).toContain('dihapus');
    const answer = core.store.outbox.get(r.outgoing[1]?.id ?? 0);
    expect(answer).toMatchObject({ status: 'sent' });
  });

  it('keeps a message being sent when the chat is erased, so the erasure’s answer never takes its id', async () => {
    say('a', 'halo');
    await settle();
    const release = channel.holdNext();
    const question = say('a', 'hapus data saya');
    await new Promise((ok) => setImmediate(ok));
    // The question is still being sent when the citizen confirms: its row stays (under the chat's pseudonym), the
    // answer gets an id of its own and goes out after it, in the chat's lane.
    const done = say('a', 'ya hapus');
    expect(done.outgoing[0]?.id).not.toBe(question.outgoing[0]?.id);
    release();
    await settle();
    expect(channel.sent.slice(-2).map((s) => s.text)).toEqual([
      question.outgoing[0]?.message.text,
      done.outgoing[0]?.message.text,
    ]);
    const platformIds = core.db
      .prepare('SELECT platform_message_id FROM outbox WHERE id IN (?, ?) ORDER BY id')
      .pluck()
      .all(question.outgoing[0]?.id, done.outgoing[0]?.id);
    expect(platformIds).toEqual([String(channel.sent.length - 1), String(channel.sent.length)]);
  });

  it('leaves a claimed reply of a process that died before sending it to the lease, then sends it once', async () => {
    handOver = false;
    const r = say('a', 'halo');
    expect(r.outgoing[0]?.claimedUntil).toBeDefined();
    // The process dies after the commit, before the hand-over ran.
    core.close();
    clock = new ManualClock(T0 + 1000);
    core = buildCore({
      dbPath: join(dir, 'aduan.db'),
      dataDir: dir,
      clock,
      ids: seededIds(2),
      upgradeCleared: true,
    });
    channel = new FakeChannel();
    sender = new OutboxSender(core.store.outbox, [channel], clock, quiet, {
      maxAttempts: 3,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      leaseMs: LEASE,
    });
    expect(await sender.drain()).toBe(0);
    clock.advance(LEASE);
    expect(await sender.drain()).toBe(1);
    expect(channel.sent.map((s) => s.text)).toEqual([r.outgoing[0]?.message.text]);
    expect(rows('a')).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });
});
