// Per-sender limits (messages per minute, uploads and bytes per day) applied before a message reaches the runtime.
import { z } from 'zod';
import { DEFAULT_FLOW } from '../../flows/registry.js';
import type { Clock } from '../clock.js';
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { nextWitaMidnight, witaDay } from '../domain/wita.js';
import { t } from '../i18n/locales.js';
import type { Store } from '../storage/store.js';
import type { InboundMessage } from './inbound.js';
import type { HandleResult, Outgoing } from './runtime.js';

export type LimitReason = 'rate' | 'uploads' | 'bytes';

export type LimitDecision =
  | { allowed: true }
  | {
      allowed: false;
      reason: LimitReason;
      /** When the same message would be accepted again. */
      retryAfterMs: number;
      /** True for at most one refused message per sender per `noticeEveryMs`: answer that one, drop the rest. */
      reply: boolean;
    };

export type SenderLimitsOptions = {
  clock: Clock;
  /** Default 20: a burst of 20, then one more every 3 s (a token bucket). 0: no limit. */
  messagesPerMinute?: number;
  /** Attachments per sender per day (WITA calendar day). Default 20. 0: no limit. */
  uploadsPerDay?: number;
  /** Attachment bytes per sender per day. Default 50 MB. 0: no limit. */
  bytesPerDay?: number;
  /** Senders kept in memory; the least recently seen are forgotten first. Default 50,000 (about 10 MB). */
  maxSenders?: number;
  /** At most one polite reply per sender this often. Default 60 s. */
  noticeEveryMs?: number;
};

const MINUTE = 60_000;

/** A Map bounded by size that forgets the least recently used key. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error('LruMap needs max >= 1');
  }
  get size(): number {
    return this.map.size;
  }
  /** Reads and marks as recently used. */
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }
}

/**
 * A token bucket refilled continuously: `capacity` tokens per `periodMs`. Counted in integer credit (one token is
 * `periodMs` credit, refilled at `capacity` credit per ms), so waits are exact milliseconds.
 */
export type Bucket = { credit: number; at: number };

export function fullBucket(capacity: number, periodMs: number, now: number): Bucket {
  return { credit: capacity * periodMs, at: now };
}

/** Refills `b` to `now`; returns 0 when a token is available, else the wait for one (ms). */
export function bucketWait(b: Bucket, capacity: number, periodMs: number, now: number): number {
  if (now > b.at) b.credit = Math.min(capacity * periodMs, b.credit + (now - b.at) * capacity);
  b.at = Math.max(b.at, now);
  return b.credit >= periodMs ? 0 : Math.ceil((periodMs - b.credit) / capacity);
}

/** Takes one token (after `bucketWait` returned 0). */
export function bucketTake(b: Bucket, periodMs: number): void {
  b.credit -= periodMs;
}

type SenderState = {
  bucket: Bucket;
  day: number;
  uploads: number;
  bytes: number;
  noticeAt: number | null;
};

/** What a message costs: its attachments and their bytes. */
export type MessageCost = { uploads: number; bytes: number };

export function costOf(message: Pick<InboundMessage, 'media'>): MessageCost {
  const media = message.media ?? [];
  return { uploads: media.length, bytes: media.reduce((sum, m) => sum + m.data.byteLength, 0) };
}

/**
 * The limits themselves: pure, in memory, with an injected clock. A refused message costs nothing (it takes no
 * token and no upload budget), so a sender who floods gets exactly the configured rate through.
 */
export class SenderLimits {
  readonly perMinute: number;
  readonly uploadsPerDay: number;
  readonly bytesPerDay: number;
  private readonly noticeEveryMs: number;
  private readonly senders: LruMap<string, SenderState>;

  constructor(private readonly opts: SenderLimitsOptions) {
    this.perMinute = opts.messagesPerMinute ?? 20;
    this.uploadsPerDay = opts.uploadsPerDay ?? 20;
    this.bytesPerDay = opts.bytesPerDay ?? 50 * 1024 * 1024;
    this.noticeEveryMs = opts.noticeEveryMs ?? MINUTE;
    this.senders = new LruMap(opts.maxSenders ?? 50_000);
  }

  /** How many senders are remembered (bounded by `maxSenders`). */
  get size(): number {
    return this.senders.size;
  }

  /** Decides on one message from `sender` (a channel-qualified chat id) and, when allowed, charges it. */
  check(sender: string, cost: MessageCost): LimitDecision {
    const now = this.opts.clock.now();
    const s = this.senders.get(sender) ?? {
      bucket: fullBucket(this.perMinute, MINUTE, now),
      day: witaDay(now),
      uploads: 0,
      bytes: 0,
      noticeAt: null,
    };
    this.senders.set(sender, s);
    if (s.day !== witaDay(now)) {
      s.day = witaDay(now);
      s.uploads = 0;
      s.bytes = 0;
    }
    const wait = this.perMinute > 0 ? bucketWait(s.bucket, this.perMinute, MINUTE, now) : 0;
    const refusal: { reason: LimitReason; retryAfterMs: number } | null =
      wait > 0
        ? { reason: 'rate', retryAfterMs: wait }
        : this.uploadsPerDay > 0 && cost.uploads > 0 && s.uploads + cost.uploads > this.uploadsPerDay
          ? { reason: 'uploads', retryAfterMs: nextWitaMidnight(now) - now }
          : this.bytesPerDay > 0 && cost.bytes > 0 && s.bytes + cost.bytes > this.bytesPerDay
            ? { reason: 'bytes', retryAfterMs: nextWitaMidnight(now) - now }
            : null;
    if (refusal) {
      const reply = s.noticeAt === null || now - s.noticeAt >= this.noticeEveryMs;
      if (reply) s.noticeAt = now;
      return { allowed: false, ...refusal, reply };
    }
    if (this.perMinute > 0) bucketTake(s.bucket, MINUTE);
    s.uploads += cost.uploads;
    s.bytes += cost.bytes;
    return { allowed: true };
  }
}

/** The polite reply to a refused message, in the citizen's language. */
export function limitNotice(
  lang: Lang,
  decision: Extract<LimitDecision, { allowed: false }>,
  limits: Pick<SenderLimits, 'uploadsPerDay' | 'bytesPerDay'>,
): RenderedMessage {
  const text =
    decision.reason === 'rate'
      ? t(lang, 'limit.rate', { seconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) })
      : decision.reason === 'uploads'
        ? t(lang, 'limit.uploads', { max: limits.uploadsPerDay })
        : t(lang, 'limit.bytes', { mb: Math.round(limits.bytesPerDay / 1048576) });
  return { text, choices: [], expecting: 'none' };
}

const LangOf = z.object({ context: z.object({ lang: z.enum(['id', 'en']) }) });

export type LimitSendersDeps = {
  limits: SenderLimits;
  store: Store;
  clock: Clock;
  /** Wakes the sender for the chat a notice was queued to. */
  onQueued?: (outgoing: readonly Outgoing[]) => void;
  /** Every refused message, answered or not: count it, log it (ids only). */
  onLimited?: (message: InboundMessage, decision: Extract<LimitDecision, { allowed: false }>) => void;
};

/**
 * Puts the limits in front of the runtime's `handle`. A refused message never reaches the runtime and is not
 * stored; the one reply a minute is queued in the outbox like any other reply (so every channel, the web chat
 * included, delivers it in order with the chat's other messages).
 */
export function limitSenders(
  handle: (message: InboundMessage) => HandleResult,
  deps: LimitSendersDeps,
): (message: InboundMessage) => HandleResult {
  const { limits, store, clock } = deps;
  return (message) => {
    const decision = limits.check(`${message.channel}\u0000${message.chatId}`, costOf(message));
    if (decision.allowed) return handle(message);
    deps.onLimited?.(message, decision);
    if (!decision.reply) {
      const conv = store.conversations.find(message.channel, message.chatId);
      return { duplicate: false, conversationId: conv?.id ?? null, outgoing: [] };
    }
    const now = clock.now();
    const result = store.tx((): HandleResult => {
      const conv = store.conversations.findOrCreate(
        message.channel,
        message.chatId,
        DEFAULT_FLOW.id,
        DEFAULT_FLOW.version,
        now,
      );
      const parsed = LangOf.safeParse(conv.snapshot);
      const notice = limitNotice(parsed.success ? parsed.data.context.lang : 'id', decision, limits);
      const id = store.outbox.add(conv.id, message.channel, message.chatId, null, notice, now);
      const outgoing = [{ id, channel: message.channel, chatId: message.chatId, message: notice }];
      // Woken once the notice is committed (with the group it may share), never before.
      store.afterCommit(() => deps.onQueued?.(outgoing));
      return { duplicate: false, conversationId: conv.id, outgoing };
    });
    return result;
  };
}
