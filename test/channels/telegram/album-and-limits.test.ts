// The album buffer (injected timer), per-chat ordering, the token buckets (injected clock), error mapping.
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { type Album, AlbumBuffer, type Schedule } from '../../../src/channels/telegram/album-buffer.js';
import { ChatQueue } from '../../../src/channels/telegram/chat-queue.js';
import type { AlbumPart } from '../../../src/channels/telegram/normalize-update.js';
import { NO_SEND_LIMIT, SendRateLimiter, TokenBucket } from '../../../src/channels/telegram/token-bucket.js';
import { SendError } from '../../../src/outbox/outbound-channel.js';
import { toSendError } from '../../../src/platforms/telegram/send-errors.js';

/** A manual timer: `tick(ms)` runs what falls due. */
function manualTimers() {
  let now = 0;
  let tasks: { at: number; fn: () => void }[] = [];
  const schedule: Schedule = (fn, ms) => {
    const task = { at: now + ms, fn };
    tasks.push(task);
    return () => {
      tasks = tasks.filter((x) => x !== task);
    };
  };
  const tick = (ms: number) => {
    now += ms;
    const due = tasks.filter((x) => x.at <= now);
    tasks = tasks.filter((x) => x.at > now);
    for (const d of due) d.fn();
  };
  return { schedule, tick, now: () => now };
}

const part = (messageId: number, caption?: string, group = 'g1'): AlbumPart => ({
  kind: 'album_part',
  chatId: '555',
  albumKey: `album:555:${group}`,
  messageId,
  ...(caption ? { caption } : {}),
  file: { kind: 'photo', fileId: `f${messageId}`, mime: 'image/jpeg' },
});

describe('AlbumBuffer', () => {
  it('delivers the parts as one album after 800 ms of quiet, in message order, with the caption', () => {
    const timers = manualTimers();
    const flushed: Album[] = [];
    const buffer = new AlbumBuffer((a) => flushed.push(a), { schedule: timers.schedule, now: timers.now });
    expect(buffer.add(part(11))).toBe('opened');
    timers.tick(500);
    expect(buffer.add(part(10, 'jalan berlubang'))).toBe('joined');
    expect(buffer.add(part(10, 'jalan berlubang'))).toBe('joined'); // redelivered: counted once
    timers.tick(500);
    expect(buffer.add(part(12))).toBe('joined');
    timers.tick(799);
    expect(flushed).toEqual([]);
    timers.tick(1);
    expect(flushed).toHaveLength(1);
    expect(flushed[0]?.messageId).toBe('album:555:g1');
    expect(flushed[0]?.caption).toBe('jalan berlubang');
    expect(flushed[0]?.parts.map((p) => p.messageId)).toEqual([10, 11, 12]);
  });

  it('gives a straggler arriving after delivery a key of its own, and caps the wait', () => {
    const timers = manualTimers();
    const flushed: Album[] = [];
    const buffer = new AlbumBuffer((a) => flushed.push(a), {
      schedule: timers.schedule,
      now: timers.now,
      waitMs: 800,
      maxWaitMs: 2000,
    });
    buffer.add(part(1));
    for (let i = 2; i <= 5; i++) {
      timers.tick(700);
      buffer.add(part(i));
    }
    expect(flushed).toHaveLength(1); // 2000 ms after the first part, though parts kept coming
    timers.tick(800);
    expect(flushed).toHaveLength(2);
    expect(flushed[1]?.messageId).toBe('album:555:g1:4');
  });

  it('drops a part redelivered after its album was delivered (no second album, no new key)', () => {
    const timers = manualTimers();
    const flushed: Album[] = [];
    const buffer = new AlbumBuffer((a) => flushed.push(a), { schedule: timers.schedule, now: timers.now });
    buffer.add(part(1));
    buffer.add(part(2));
    timers.tick(800);
    expect(flushed).toHaveLength(1);
    expect(buffer.add(part(1))).toBe('repeat');
    expect(buffer.add(part(2))).toBe('repeat');
    timers.tick(5000);
    expect(flushed).toHaveLength(1);
    expect(buffer.add(part(3))).toBe('opened'); // a genuinely late part still counts, under a key of its own
    timers.tick(800);
    expect(flushed[1]?.messageId).toBe('album:555:g1:3');
  });
});

describe('ChatQueue', () => {
  it('keeps one chat in order while other chats go on', async () => {
    const queue = new ChatQueue();
    const log: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const a1 = queue.run('a', async () => {
      await gate;
      log.push('a1');
    });
    const a2 = queue.run('a', async () => {
      log.push('a2');
    });
    await queue.run('b', async () => {
      log.push('b1');
    });
    expect(log).toEqual(['b1']);
    release();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
    await expect(queue.run('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await queue.run('a', async () => log.push('a3'));
    expect(log.at(-1)).toBe('a3');
  });
});

describe('token buckets', () => {
  it('lends tokens and says how long to wait', () => {
    const b = new TokenBucket(1, 3, 0);
    expect([b.reserve(0), b.reserve(0), b.reserve(0)]).toEqual([0, 0, 0]);
    expect(b.reserve(0)).toBe(1000);
    expect(b.reserve(0)).toBe(2000);
    expect(b.reserve(5000)).toBe(0);
  });

  it('waits ~1 s per chat after a burst and ~30/s overall, without failing', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new SendRateLimiter({
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    for (let i = 0; i < 5; i++) await limiter.acquire('a');
    expect(waits).toEqual([1000, 1000]); // a burst of 3, then one a second
    waits.length = 0;
    now += 60_000;
    for (let i = 0; i < 40; i++) await limiter.acquire(`chat${i}`);
    expect(waits.length).toBe(10); // 30 at once, then the overall bucket makes the rest wait
    expect(Math.max(...waits)).toBeLessThanOrEqual(34);
  });

  it('tells how long a chat would wait without taking a token (the sender comes back then)', async () => {
    let now = 0;
    const limiter = new SendRateLimiter({ now: () => now, sleep: async () => {} });
    expect(limiter.delay('a')).toBe(0);
    for (let i = 0; i < 3; i++) await limiter.acquire('a');
    expect(limiter.delay('a')).toBe(1000);
    expect(limiter.delay('a')).toBe(1000); // asking twice takes nothing
    expect(limiter.delay('b')).toBe(0);
    now += 400;
    expect(limiter.delay('a')).toBe(600);
    now += 600;
    expect(limiter.delay('a')).toBe(0);
  });

  it('TELEGRAM_SEND_LIMITS=0 (NO_SEND_LIMIT): a thousand sends to one chat never wait', async () => {
    let slept = 0;
    const limiter = new SendRateLimiter({ ...NO_SEND_LIMIT, now: () => 0, sleep: async () => void slept++ });
    for (let i = 0; i < 1000; i++) await limiter.acquire('a');
    expect(slept).toBe(0);
    expect(limiter.delay('a')).toBe(0);
  });
});

describe('toSendError', () => {
  const tgError = (code: number, description: string, retryAfter?: number) =>
    new TelegramError({
      error_code: code,
      description,
      ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}),
    });

  it('maps 429 to a retry after retry_after, 5xx and network errors to retries, 400/403 to giving up', () => {
    const limited = toSendError(tgError(429, 'Too Many Requests: retry after 7', 7));
    expect(limited).toBeInstanceOf(SendError);
    expect([limited.retryable, limited.retryAfterMs]).toEqual([true, 7000]);
    expect(toSendError(tgError(502, 'Bad Gateway')).retryable).toBe(true);
    expect(toSendError(new Error('connect ECONNREFUSED')).retryable).toBe(true);
    expect(toSendError(tgError(403, 'Forbidden: bot was blocked by the user')).retryable).toBe(false);
    expect(toSendError(tgError(400, 'Bad Request: chat not found')).retryable).toBe(false);
  });

  it('never leaks the bot token', () => {
    const e = toSendError(new Error('request to http://x/bot123456:SECRET_abc/sendMessage failed'));
    expect(e.message).not.toContain('SECRET');
  });
});
