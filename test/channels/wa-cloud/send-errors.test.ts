// Sending: Graph API failures mapped to retry decisions, and multi-part messages never sent twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaCloudChannel } from '../../../src/channels/wa-cloud/wa-cloud-channel.js';
import { ManualClock } from '../../../src/clock.js';
import type { RenderedMessage } from '../../../src/domain/reply.js';
import { SendError } from '../../../src/outbox/outbound-channel.js';
import { memoryWaCloudStore } from '../../../src/ports/wa-cloud-chat-store.js';
import { FakeGraphApi } from '../../fakes/graph-api.js';
import { Citizen, TOKEN, WaWorld, quiet, testConfig } from './wa-cloud-helpers.js';

const CHAT = '6281234567890';
const hello: RenderedMessage = { text: 'Halo', choices: [], expecting: 'none' };

describe('wacloud send errors', () => {
  let graph: FakeGraphApi;
  let channel: WaCloudChannel;
  const clock = new ManualClock(Date.parse('2026-11-23T02:00:00Z'));

  beforeEach(async () => {
    graph = await FakeGraphApi.start({ token: TOKEN });
    const store = memoryWaCloudStore();
    store.recordInbound(CHAT, clock.now());
    channel = new WaCloudChannel({ config: testConfig(graph.url), store, clock, log: quiet });
    await channel.start(async () => {});
  });
  afterEach(async () => {
    await channel.stop();
    await graph.close();
  });

  const failure = async (message = hello): Promise<SendError> => {
    try {
      await channel.send(CHAT, message);
    } catch (err) {
      if (err instanceof SendError) return err;
      throw err;
    }
    throw new Error('send did not fail');
  };

  it('returns the wamid of a sent message', async () => {
    expect(await channel.send(CHAT, hello)).toEqual({ platformMessageId: 'wamid.out.1' });
    expect(graph.sent[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: CHAT,
      type: 'text',
      text: { body: 'Halo' },
    });
  });

  it('retries rate limits after Retry-After or a short pause, the pair limit after 6 s', async () => {
    graph.failNext(429, 130429, 7);
    expect(await failure()).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    graph.failNext(400, 130429);
    expect(await failure()).toMatchObject({ retryable: true, retryAfterMs: 5000 });
    graph.failNext(400, 131056);
    expect(await failure()).toMatchObject({ retryable: true, retryAfterMs: 6000 });
  });

  it('retries server errors and network failures with the outbox backoff', async () => {
    graph.failNext(500);
    expect(await failure()).toMatchObject({ retryable: true, retryAfterMs: undefined });
    graph.failNext(400, 131000);
    expect(await failure()).toMatchObject({ retryable: true });
    const store = memoryWaCloudStore();
    store.recordInbound(CHAT, clock.now());
    const unreachable = new WaCloudChannel({
      config: testConfig('http://127.0.0.1:9/v21.0'),
      store,
      clock,
      log: quiet,
      timeoutMs: 2000,
    });
    await expect(unreachable.send(CHAT, hello)).rejects.toMatchObject({ retryable: true });
  });

  it('gives up on other client errors, and reports a rejected token as failing until a send succeeds', async () => {
    graph.failNext(400, 100);
    expect(await failure()).toMatchObject({ retryable: false });
    graph.failNext(401, 190);
    expect(await failure()).toMatchObject({ retryable: true, retryAfterMs: 5 * 60_000 });
    expect(channel.state()).toBe('failing');
    await channel.send(CHAT, hello);
    expect(channel.state()).toBe('connected');
  });

  it('does not send the parts of a long message again when a later part failed', async () => {
    const long: RenderedMessage = {
      text: Array.from({ length: 400 }, (_, i) => `Kalimat ${i + 1} dari penjelasan panjang.`).join(' '),
      choices: [
        { id: 'yes', label: 'Ya' },
        { id: 'no', label: 'Tidak' },
      ],
      expecting: 'confirm_guess',
    };
    expect(long.text.length).toBeGreaterThan(4096 * 2);
    const parts = await countParts(long);
    expect(parts).toBeGreaterThanOrEqual(3);
    graph.failAfter(1, 500);
    await expect(channel.send(CHAT, long)).rejects.toMatchObject({ retryable: true });
    const first = graph.takeSent();
    expect(first).toHaveLength(1);
    await channel.send(CHAT, long);
    const rest = graph.takeSent();
    expect(rest).toHaveLength(parts - 1);
    expect(rest.at(-1)?.body.type).toBe('interactive');
  });

  async function countParts(message: RenderedMessage): Promise<number> {
    const probe = await FakeGraphApi.start({ token: TOKEN });
    const store = memoryWaCloudStore();
    store.recordInbound(CHAT, clock.now());
    const c = new WaCloudChannel({ config: testConfig(probe.url), store, clock, log: quiet });
    await c.send(CHAT, message);
    const n = probe.sent.length;
    await probe.close();
    return n;
  }
});

describe('wacloud send errors through the outbox', () => {
  let w: WaWorld;
  beforeEach(async () => {
    w = await WaWorld.create();
  });
  afterEach(() => w.close());

  it('waits for Retry-After on a 429, then sends; a 500 retries with backoff', async () => {
    w.graph.failNext(429, 130429, 7);
    const citizen = new Citizen(w);
    expect(await citizen.text('halo')).toEqual([]);
    const row = () =>
      w.h.core.db.prepare('SELECT status, next_attempt_at AS at, attempts FROM outbox').get() as {
        status: string;
        at: number;
        attempts: number;
      };
    expect(row()).toEqual({ status: 'pending', at: w.h.clock.now() + 7000, attempts: 1 });
    w.h.clock.advance(7000);
    w.graph.failNext(500);
    await w.sender.drain();
    expect(row()).toMatchObject({ status: 'pending', attempts: 2 });
    w.h.clock.advance(60_000);
    await w.sender.drain();
    expect(row()).toMatchObject({ status: 'sent', attempts: 3 });
    expect(w.graph.takeSent().map((s) => s.body.type)).toEqual(['interactive']);
  });
});
