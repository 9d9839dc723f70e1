// Drill: the process dies after the last part of a message with files went out but before the outbox marked the
// row sent. After the restart the row's lease runs out, it is sent again, and no part reaches the citizen twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundFile, RenderedMessage } from '../../src/domain/reply.js';
import { withFiles } from '../../src/outbox/file-delivery.js';
import type { OutboundChannel } from '../../src/outbox/outbound-channel.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { Outbox } from '../../src/storage/outbox.js';
import { Harness } from '../helpers/harness.js';

const quiet = { warn: () => {}, error: () => {} };
const POLICY = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 1000, leaseMs: 60_000 };
const LIMIT = 1000;

/** The outbox of a process killed right after the send: nothing after it is recorded. */
class KilledAfterSend extends Outbox {
  override markSent(): void {
    throw new Error('killed before markSent');
  }
  override retryLater(): void {
    throw new Error('killed');
  }
  override markDead(): void {
    throw new Error('killed');
  }
}

describe('a crash between the last part and markSent', () => {
  let h: Harness;
  const sent: string[] = [];

  /** A channel that records every message and file it sends; files up to LIMIT bytes go as files. */
  const channel = () =>
    withFiles(
      {
        channel: 'telegram',
        send: async (_chat: string, m: RenderedMessage) => {
          sent.push(`text:${m.text}`);
          return { platformMessageId: String(sent.length) };
        },
      } satisfies OutboundChannel,
      {
        fits: (f) => f.size <= LIMIT,
        sendFile: async (_chat, f) => {
          sent.push(`file:${f.name}`);
          return String(sent.length);
        },
      },
      { read: async () => new Uint8Array([1]), fallbackText: (_c, fs) => `links:${fs.map((f) => f.name)}` },
    );
  const file = (name: string, size: number): OutboundFile => ({
    id: `f-${name}`,
    sha256: 'a'.repeat(64),
    mime: 'application/pdf',
    name,
    size,
  });
  const queue = (files: OutboundFile[]) => {
    const conv = h.core.store.conversations.findOrCreate('telegram', '7001', 'intake', 2, h.clock.now()).id;
    const message: RenderedMessage = { text: 'Tiket selesai.', choices: [], expecting: 'none', files };
    return h.core.store.outbox.add(conv, 'telegram', '7001', null, message, h.clock.now(), 'ADU-2611-AB12');
  };
  /** Sends until the kill, restarts, lets the lease run out and drains again with a fresh sender. */
  const crashAndRestart = async (id: number) => {
    await new OutboxSender(new KilledAfterSend(h.core.db), [channel()], h.clock, quiet, POLICY).drain();
    expect(h.core.store.outbox.get(id)?.status).toBe('sending');
    const before = [...sent];
    h.restart();
    h.clock.advance(POLICY.leaseMs + 1);
    await new OutboxSender(h.core.store.outbox, [channel()], h.clock, quiet, POLICY).drain();
    return before;
  };

  beforeEach(() => {
    h = new Harness();
    sent.length = 0;
  });
  afterEach(() => h.close());

  it('sends neither the text nor any file again', async () => {
    const id = queue([file('surat.pdf', 10), file('foto.pdf', 20)]);
    const before = await crashAndRestart(id);
    expect(before).toEqual(['text:Tiket selesai.', 'file:surat.pdf', 'file:foto.pdf']);
    expect(sent).toEqual(before);
    expect(h.core.store.outbox.get(id)?.status).toBe('sent');
    expect(h.core.store.outbox.parts.of(id)).toBeNull();
  });

  it('does not send the message of links again either', async () => {
    const id = queue([file('surat.pdf', 10), file('besar.pdf', LIMIT + 1)]);
    const before = await crashAndRestart(id);
    expect(before).toEqual(['text:Tiket selesai.', 'file:surat.pdf', 'text:links:besar.pdf']);
    expect(sent).toEqual(before);
    expect(h.core.store.outbox.get(id)?.status).toBe('sent');
  });

  it('keeps the parts until the row is marked sent, and forgets them with that record', async () => {
    const id = queue([file('surat.pdf', 10)]);
    await new OutboxSender(new KilledAfterSend(h.core.db), [channel()], h.clock, quiet, POLICY).drain();
    expect(h.core.store.outbox.parts.of(id)).toEqual({ done: 2, textId: '1', fallback: [] });
    h.core.store.outbox.markSent(id, h.clock.now(), '1');
    expect(h.core.store.outbox.parts.of(id)).toBeNull();
  });
});
