// The outbox sender: order per chat, retries with backoff or the platform's retry_after, dead letters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../src/domain/reply.js';
import { type OutboundChannel, SendError } from '../../src/outbox/outbound-channel.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { Harness } from '../helpers/harness.js';

const quiet = { warn: () => {}, error: () => {} };

class FakeChannel implements OutboundChannel {
  readonly channel = 'telegram';
  readonly sent: { chatId: string; text: string }[] = [];
  failures: (SendError | Error)[] = [];
  async send(chatId: string, message: RenderedMessage) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ chatId, text: message.text });
    return { platformMessageId: String(this.sent.length) };
  }
}

describe('outbox sender', () => {
  let h: Harness;
  let channel: FakeChannel;
  let sender: OutboxSender;
  beforeEach(() => {
    h = new Harness();
    channel = new FakeChannel();
    sender = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet, {
      maxAttempts: 3,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      leaseMs: 60_000,
    });
  });
  afterEach(() => h.close());

  const queue = (chat: string, text: string) =>
    h.core.runtime.handle({
      channel: 'telegram',
      chatId: chat,
      messageId: `${chat}:${text}:${h.clock.now()}`,
      text,
    });

  it('keeps one chat in order when a send fails, while other chats go on', async () => {
    queue('a', 'halo');
    queue('a', 'ya');
    queue('b', 'halo');
    channel.failures.push(new SendError('timeout', true));
    expect(await sender.drain()).toBe(1); // a's first failed; a's second waits; b goes
    expect(channel.sent.map((s) => s.chatId)).toEqual(['b']);
    h.clock.advance(500);
    expect(await sender.drain()).toBe(0); // a's first is not due yet, and a's second still waits behind it
    h.clock.advance(600);
    expect(await sender.drain()).toBe(2);
    expect(channel.sent.map((s) => s.chatId)).toEqual(['b', 'a', 'a']);
    expect(channel.sent[1]?.text).toContain('Aduan');
  });

  it('waits the retry_after a platform asks for (429)', async () => {
    queue('a', 'halo');
    channel.failures.push(new SendError('429 Too Many Requests', true, 7000));
    await sender.drain();
    h.clock.advance(6000);
    expect(await sender.drain()).toBe(0);
    h.clock.advance(1001);
    expect(await sender.drain()).toBe(1);
  });

  it('dead-letters after the last attempt and on a permanent error', async () => {
    queue('a', 'halo');
    queue('c', 'halo');
    channel.failures.push(new SendError('chat not found', false));
    await sender.drain();
    expect(h.core.store.outbox.dead().map((e) => e.chatId)).toEqual(['a']);
    for (let i = 0; i < 3; i++) channel.failures.push(new Error('ECONNRESET'));
    queue('d', 'halo');
    for (let i = 0; i < 4; i++) {
      await sender.drain();
      h.clock.advance(120_000);
    }
    expect(
      h.core.store.outbox
        .dead()
        .map((e) => e.chatId)
        .sort(),
    ).toEqual(['a', 'd']);
    expect(channel.sent.map((s) => s.chatId)).toEqual(['c']);
  });

  describe('several chats at once', () => {
    /** A channel whose sends to chat "slow" wait until released; the others answer at once. */
    class GatedChannel implements OutboundChannel {
      readonly channel = 'telegram';
      readonly sent: string[] = [];
      inFlight = 0;
      maxInFlight = 0;
      private gate: (() => void) | null = null;
      release(): void {
        this.gate?.();
      }
      async send(chatId: string, message: RenderedMessage) {
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        if (chatId === 'slow')
          await new Promise<void>((resolve) => {
            this.gate = resolve;
          });
        else await new Promise((resolve) => setTimeout(resolve, 2));
        this.inFlight--;
        this.sent.push(`${chatId}:${message.text.slice(0, 12)}`);
        return { platformMessageId: String(this.sent.length) };
      }
    }
    const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000, leaseMs: 60_000, concurrency: 4 };

    it("a chat that waits for its platform does not hold back the others' replies", async () => {
      const gated = new GatedChannel();
      const s = new OutboxSender(h.core.store.outbox, [gated], h.clock, quiet, policy);
      queue('slow', 'halo');
      for (const chat of ['a', 'b', 'c', 'd', 'e', 'f']) queue(chat, 'halo');
      const drained = s.drain();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(gated.sent.map((x) => x.split(':')[0]).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      expect(gated.maxInFlight).toBeLessThanOrEqual(4);
      expect(gated.maxInFlight).toBeGreaterThan(1);
      gated.release();
      expect(await drained).toBe(7);
    });

    it('keeps each chat in order, and a message queued while its chat is being sent to follows it', async () => {
      const gated = new GatedChannel();
      const s = new OutboxSender(h.core.store.outbox, [gated], h.clock, quiet, policy);
      const first = queue('slow', 'halo');
      s.wake(first.outgoing);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const second = queue('slow', 'ya');
      s.wake(second.outgoing); // the lane is busy with the first: it looks again before it ends
      const other = queue('a', 'halo');
      s.wake(other.outgoing); // another chat goes at once, without a poll of the outbox
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(gated.sent).toEqual([`a:${other.outgoing[0]?.message.text.slice(0, 12)}`]);
      gated.release();
      await new Promise((resolve) => setTimeout(resolve, 10));
      gated.release();
      await s.drain();
      const slow = gated.sent.filter((x) => x.startsWith('slow:'));
      expect(slow).toEqual(
        [...first.outgoing, ...second.outgoing].map((o) => `slow:${o.message.text.slice(0, 12)}`),
      );
    });

    it('a chat held back by the send limit gives its place to other chats and is sent once the limit allows', async () => {
      const sent: string[] = [];
      // The clock starts before the limit is set: queueing the rows under load must not count as waiting.
      const started = Date.now();
      let openAt = started + 40;
      const limited: OutboundChannel = {
        channel: 'telegram',
        delayFor: (chatId) => (chatId === 'busy' ? Math.max(0, openAt - Date.now()) : 0),
        send: async (chatId) => {
          sent.push(chatId);
          if (chatId === 'busy') openAt = Date.now() + 40; // ~1 message per 40 ms to this chat
          return { platformMessageId: String(sent.length) };
        },
      };
      const s = new OutboxSender(h.core.store.outbox, [limited], h.clock, quiet, {
        ...policy,
        concurrency: 1,
      });
      queue('busy', 'halo');
      queue('busy', 'ya');
      for (const chat of ['a', 'b', 'c']) queue(chat, 'halo');
      expect(await s.drain()).toBe(5);
      expect(sent).toEqual(['a', 'b', 'c', 'busy', 'busy']); // one lane, never spent waiting
      expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    });
  });

  describe('through the group commit', () => {
    const status = (id: number) =>
      h.core.db.prepare('SELECT status FROM outbox WHERE id = ?').pluck().get(id);

    it('sends a message once when the group carrying its sent mark is rolled back, and records it on its own', async () => {
      const [out] = queue('g', 'halo').outgoing;
      let marks = 0;
      const grouped = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet, undefined, {
        // The claim commits; the group carrying the sent mark fails (another message broke it).
        commit: (fn) =>
          ++marks === 2
            ? Promise.reject(new Error('rolled back with its group'))
            : h.core.store.txGrouped(fn),
      });
      expect(await grouped.drain()).toBe(1);
      expect(channel.sent).toHaveLength(1);
      expect(status(out?.id ?? 0)).toBe('sent');
      // Nothing is retried later either.
      h.clock.advance(120_000);
      expect(await grouped.drain()).toBe(0);
      expect(channel.sent).toHaveLength(1);
    });

    it('leaves a sent message "sending" when it cannot be recorded at all, never sending it again as a failure', async () => {
      const [out] = queue('h', 'halo').outgoing;
      let marks = 0;
      const markSent = h.core.store.outbox.markSent.bind(h.core.store.outbox);
      const errors: string[] = [];
      const grouped = new OutboxSender(
        h.core.store.outbox,
        [channel],
        h.clock,
        { warn: () => {}, error: (_o, m) => errors.push(m) },
        undefined,
        {
          commit: (fn) =>
            ++marks === 2 ? Promise.reject(new Error('disk full')) : h.core.store.txGrouped(fn),
        },
      );
      h.core.store.outbox.markSent = () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      };
      expect(await grouped.drain()).toBe(0);
      h.core.store.outbox.markSent = markSent;
      expect(channel.sent).toHaveLength(1);
      expect(status(out?.id ?? 0)).toBe('sending');
      expect(errors).toEqual([
        'a sent message could not be recorded: it stays "sending" until its lease runs out',
      ]);
      // Within its lease nothing goes out again.
      h.clock.advance(30_000);
      expect(await grouped.drain()).toBe(0);
      expect(channel.sent).toHaveLength(1);
    });

    it('sends the row as claimed: a payload changed while the claim waited for its commit goes out changed', async () => {
      const [out] = queue('m', 'halo').outgoing;
      const grouped = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet, undefined, {
        commit: (fn) => {
          // Between the lane's read and the claim's commit, the row's text is masked.
          h.core.db
            .prepare("UPDATE outbox SET payload = json_set(payload, '$.text', 'disamarkan') WHERE id = ?")
            .run(out?.id ?? 0);
          return h.core.store.txGrouped(fn);
        },
      });
      expect(await grouped.drain()).toBe(1);
      expect(channel.sent[0]?.text).toBe('disamarkan');
    });
  });
});
