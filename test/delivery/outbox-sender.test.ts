// The outbox sender: order per chat, retries with backoff or the platform's retry_after, dead letters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OutboundChannel, SendError } from '../../src/channels/channel.js';
import { OutboxSender } from '../../src/delivery/outbox-sender.js';
import type { RenderedMessage } from '../../src/i18n/locales.js';
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
});
