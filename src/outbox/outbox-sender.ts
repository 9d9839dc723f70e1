// Drains the outbox: sends due messages through their channel, several chats at once and each chat in order,
// retries with backoff, dead-letters, and holds the messages of chats whose citizen blocked the bot.
import type { Clock } from '../clock.js';
import type { ChatRef, Outbox, OutboxEntry } from '../storage/outbox.js';
import type { OutboundChannel } from './outbound-channel.js';
import { SendError } from './outbound-channel.js';

export type RetryPolicy = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  leaseMs: number;
  /** Chats sent to at the same time; one chat's messages always go one after another. */
  concurrency?: number;
  /** How long messages wait for a citizen who blocked the bot before they die (default 30 days). */
  blockedHoldMs?: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 10 * 60_000,
  leaseMs: 60_000,
  // A chat's lane waits for two group commits per message besides the send itself (its claim before, its sent
  // mark after), so 16 lanes kept few sends in flight: 50 busy chats waited ~300 ms (p99) for a lane. The
  // platforms' own limits are the channels' rate limiters, not this.
  concurrency: 64,
};

const DAY = 24 * 60 * 60_000;
const BLOCKED_HOLD_MS = 30 * DAY;
/** The dead-letter reason of messages that waited too long for a citizen who blocked the bot. */
export const BLOCKED_REASON = 'blocked by the citizen';
/** Held messages of long-blocked chats are looked for this often, not on every poll. */
const EXPIRY_EVERY_MS = 60_000;

/** Exponential backoff after the `attempts`-th failed try (1, 2, 4… times the base, capped). */
export function backoffMs(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export type SenderLog = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Runs a write and resolves once it is committed (the store's group commit); by default at once, on its own. */
export type CommitWrite = <T>(fn: () => T) => Promise<T>;

export type SenderHooks = {
  /** Crash tests: a kill after the platform acknowledged a send, before it is recorded. */
  fault?: (point: 'mid_send') => void;
  /** Each send's outcome (metrics). */
  onResult?: (channel: string, result: 'sent' | 'retry' | 'dead') => void;
  /** A message given up on, with the platform's error code ('error' when it gave none; 'blocked'). */
  onFailed?: (channel: string, code: string) => void;
  /**
   * How a claim and a sent mark are committed. The service passes its group commit, so the sends in flight share
   * commits with each other and with the inbound messages instead of paying one each.
   */
  commit?: CommitWrite;
};

/** What a send needs of a claimed row. */
type Sendable = Pick<OutboxEntry, 'id' | 'channel' | 'chatId' | 'message' | 'attempts'>;

/** A message written already claimed for its first attempt, until `claimedUntil` (its lease). */
export type Handed = Pick<OutboxEntry, 'id' | 'channel' | 'chatId' | 'message'> & { claimedUntil: number };

/** One chat's place in the sender: its lane, its handed messages, its send-limit timer. */
const laneKey = (chat: ChatRef): string => `${chat.channel}:${chat.chatId}`;

/** How many due chats one look at the whole outbox picks up, and how many messages a chat's lane reads at once. */
const SCAN_LIMIT = 200;
const CHAT_BATCH = 20;

export class OutboxSender {
  private readonly channels: Map<string, OutboundChannel>;
  private readonly concurrency: number;
  /** Chats whose lane is running, and those of them woken meanwhile (the lane looks again before it ends). */
  private readonly lanes = new Set<string>();
  private readonly again = new Set<string>();
  /** Chats waiting for a free lane, oldest first. */
  private readonly waiting = new Map<string, ChatRef>();
  /** Messages claimed at their insert, by chat, for its lane to send before it reads anything. */
  private readonly handed = new Map<string, Handed[]>();
  /** Chats held back by the platform's send limits: their timer puts them back in line. */
  private readonly deferred = new Map<string, NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private sent = 0;
  private lastExpiry: number | null = null;
  private readonly commit: CommitWrite;

  constructor(
    private readonly outbox: Outbox,
    channels: OutboundChannel[],
    private readonly clock: Clock,
    private readonly log: SenderLog,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly hooks: SenderHooks = {},
  ) {
    this.channels = new Map(channels.map((c) => [c.channel, c]));
    this.concurrency = Math.max(1, policy.concurrency ?? 1);
    this.commit = hooks.commit ?? ((fn) => Promise.resolve(fn()));
  }

  /**
   * Whether a message to this chat, queued now, may be written already claimed (the lease it is claimed with), to be
   * handed over by `wake` once committed: the channel is connected and would send to the chat at once, and the
   * chat's lane is running or one is free. The caller also checks that no earlier message of the chat waits.
   */
  claimUntil(chat: ChatRef): number | null {
    const channel = this.channels.get(chat.channel);
    if (!channel || (channel.state && channel.state() !== 'connected')) return null;
    const key = laneKey(chat);
    if (this.deferred.has(key)) return null;
    if (!this.lanes.has(key) && this.lanes.size >= this.concurrency) return null;
    if ((channel.delayFor?.(chat.chatId) ?? 0) > 0) return null;
    return this.clock.now() + this.policy.leaseMs;
  }

  /**
   * Starts sending to chats that just had messages queued, without looking at the rest of the outbox. A message
   * written already claimed (`claimedUntil`, see `claimUntil`) goes to its chat's lane as it is.
   */
  wake(queued: readonly (ChatRef & Partial<Handed>)[]): void {
    const handedTo = new Map<string, ChatRef>();
    for (const q of queued) {
      if (q.claimedUntil !== undefined && q.id !== undefined && q.message !== undefined) {
        const key = laneKey(q);
        const entry = {
          id: q.id,
          channel: q.channel,
          chatId: q.chatId,
          message: q.message,
          claimedUntil: q.claimedUntil,
        };
        const list = this.handed.get(key);
        if (list) list.push(entry);
        else this.handed.set(key, [entry]);
        handedTo.set(key, { channel: q.channel, chatId: q.chatId });
      } else this.enqueue(q);
    }
    // Once all are handed over: a lane must see a step's messages together, so that a failed send holds back the rest.
    for (const [key, chat] of handedTo) {
      if (this.lanes.has(key)) continue;
      // Lanes were counted when the messages were claimed; a few claimed in one group commit may pass the limit.
      this.start(key, chat, this.waiting.delete(key));
    }
    this.pump();
  }

  /**
   * Looks at the whole outbox (retries that came due, leases of a crashed process that ran out) and starts sending
   * what is due. Returns at once; the deadline sweep calls it every second.
   */
  poll(): void {
    const now = this.clock.now();
    this.outbox.recoverExpiredLeases(now);
    this.expireBlocked(now);
    // Only connected channels: a logged-out channel's backlog must not take the others' places.
    const ready = [...this.channels.values()]
      .filter((c) => !c.state || c.state() === 'connected')
      .map((c) => c.channel);
    if (ready.length > 0) for (const chat of this.outbox.dueChats(ready, now, SCAN_LIMIT)) this.enqueue(chat);
    this.pump();
  }

  /** Messages that waited too long for a citizen who blocked the bot die (at most once a minute). */
  private expireBlocked(now: number): void {
    if (this.lastExpiry !== null && now - this.lastExpiry < EXPIRY_EVERY_MS && now >= this.lastExpiry) return;
    this.lastExpiry = now;
    const expired = this.outbox.expireBlocked(
      now - (this.policy.blockedHoldMs ?? BLOCKED_HOLD_MS),
      BLOCKED_REASON,
    );
    for (const e of expired) {
      this.hooks.onFailed?.(e.channel, 'blocked');
      this.log.error({ outboxId: e.id, channel: e.channel, reason: BLOCKED_REASON }, 'message dead-lettered');
    }
  }

  /** Polls, then waits until nothing is being sent; returns how many messages were sent meanwhile. */
  async drain(): Promise<number> {
    const before = this.sent;
    this.poll();
    if (!this.idle()) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
    return this.sent - before;
  }

  private idle(): boolean {
    return this.lanes.size === 0 && this.waiting.size === 0 && this.deferred.size === 0;
  }

  private enqueue(chat: ChatRef): void {
    const key = laneKey(chat);
    if (this.deferred.has(key)) return; // its timer brings it back
    if (this.lanes.has(key)) this.again.add(key);
    else if (!this.waiting.has(key)) this.waiting.set(key, { channel: chat.channel, chatId: chat.chatId });
  }

  private pump(): void {
    for (const [key, chat] of this.waiting) {
      if (this.lanes.size >= this.concurrency) break;
      this.waiting.delete(key);
      this.start(key, chat, true);
    }
    if (this.idle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Runs a chat's lane; `read`: it reads the chat's due messages, not only the ones handed to it. */
  private start(key: string, chat: ChatRef, read: boolean): void {
    this.lanes.add(key);
    void this.lane(key, chat, read).then(() => {
      this.lanes.delete(key);
      // Handed a message after the lane's last look (a commit between its end and this): it runs again at once.
      if (this.handed.has(key)) this.start(key, chat, this.again.delete(key));
      // Woken after the lane's last look: it goes back in line (unless its send-limit timer will bring it back).
      else if (this.again.delete(key) && !this.deferred.has(key)) this.waiting.set(key, chat);
      this.pump();
    });
  }

  /** Frees the chat's lane until the platform lets it send again. */
  private defer(key: string, chat: ChatRef, ms: number): void {
    if (this.deferred.has(key)) return;
    const timer = setTimeout(() => {
      this.deferred.delete(key);
      this.enqueue(chat);
      this.pump();
    }, ms);
    timer.unref();
    this.deferred.set(key, timer);
  }

  /**
   * Sends one chat's messages in order: those handed to it first, then (when `read`, or woken meanwhile) the due ones
   * it reads. A failure holds back the chat's later messages until the retry.
   */
  private async lane(key: string, chat: ChatRef, read: boolean): Promise<void> {
    const channel = this.channels.get(chat.channel);
    if (!channel) return;
    let more = read;
    try {
      for (;;) {
        const handed = this.handed.get(key);
        if (handed) {
          this.handed.delete(key);
          const done = await this.sendHanded(key, chat, channel, handed);
          if (done === 'stop') {
            // Handed over while the lane stopped: they wait behind what stopped it, like the rest.
            const late = this.handed.get(key);
            this.handed.delete(key);
            if (late) await this.release(late);
            return;
          }
          if (done === 'look') more = true;
          continue;
        }
        if (!more && !this.again.has(key)) return;
        this.again.delete(key);
        // The chat's due ids are read inside the first claim's commit: a read on its own pays for a transaction.
        const look: { due: number[] | null } = { due: null };
        for (let i = 0; look.due === null || i < look.due.length; i++) {
          // A channel that is logged out or reconnecting keeps its messages pending, without spending attempts.
          if (channel.state && channel.state() !== 'connected') return;
          const wait = channel.delayFor?.(chat.chatId) ?? 0;
          if (wait > 0) {
            this.defer(key, chat, wait);
            return;
          }
          // Committed before the send: a crash after the platform took the message leaves it 'sending', never
          // 'pending'. What goes out is the row as claimed, not as read before the claim's commit.
          const leaseUntil = this.clock.now() + this.policy.leaseMs;
          const at = i;
          const claimed = await this.commit(() => {
            look.due ??= this.outbox.dueInChat(chat, this.clock.now(), CHAT_BATCH);
            const id = look.due[at];
            return id === undefined ? null : this.outbox.claim(id, leaseUntil);
          });
          // Nothing due, or the message was taken or changed meanwhile (the next look decides).
          if (!claimed || !(await this.sendOne(channel, claimed))) return;
        }
        more = look.due?.length === CHAT_BATCH;
      }
    } catch (err) {
      // The database refused (busy, disk full): the messages stay in the outbox for the next poll.
      this.log.error({ channel: chat.channel, err }, 'outbox sender lane failed');
    }
  }

  /**
   * Sends messages claimed at their insert, in order. 'stop': the lane ends (a failed send, or the channel cannot
   * send now: what is left is pending again); 'look': a lease ran out while waiting, so the rest go back to the
   * outbox and the lane reads the chat's due messages instead.
   */
  private async sendHanded(
    key: string,
    chat: ChatRef,
    channel: OutboundChannel,
    handed: readonly Handed[],
  ): Promise<'next' | 'stop' | 'look'> {
    for (const [i, entry] of handed.entries()) {
      if (channel.state && channel.state() !== 'connected') {
        await this.release(handed.slice(i));
        return 'stop';
      }
      const wait = channel.delayFor?.(chat.chatId) ?? 0;
      if (wait > 0) {
        await this.release(handed.slice(i));
        this.defer(key, chat, wait);
        return 'stop';
      }
      // Never sent after its lease: the lease recovery may have made it pending again, for the lane's next look.
      if (this.clock.now() >= entry.claimedUntil) {
        await this.release(handed.slice(i));
        return 'look';
      }
      if (!(await this.sendOne(channel, { ...entry, attempts: 1 }))) {
        await this.release(handed.slice(i + 1));
        return 'stop';
      }
    }
    return 'next';
  }

  /** Messages claimed at their insert that will not be sent now: pending again (kept 'sending' if this fails). */
  private async release(entries: readonly Handed[]): Promise<void> {
    if (entries.length === 0) return;
    const ids = entries.map((e) => e.id);
    await this.commit(() => this.outbox.release(ids, this.clock.now()));
  }

  /** One claimed message: sent and recorded. False when it failed: the chat's lane stops. */
  private async sendOne(channel: OutboundChannel, entry: Sendable): Promise<boolean> {
    let platformMessageId: string | null;
    try {
      // A message with files goes in several parts: how far an earlier try got is kept with its row.
      const parts = this.outbox.parts;
      const result = await channel.send(
        entry.chatId,
        entry.message,
        entry.message.files?.length
          ? { saved: parts.of(entry.id), save: (p) => parts.save(entry.id, p) }
          : undefined,
      );
      platformMessageId = result.platformMessageId;
    } catch (err) {
      this.failed(entry, err);
      return false;
    }
    this.hooks.fault?.('mid_send');
    return this.recordSent(entry, platformMessageId);
  }

  /**
   * The platform has the message: it is recorded as sent and is never retried as a failed send would be. When its
   * group's commit fails (another message in it broke the transaction), the mark is tried once more on its own; if
   * that fails too, the row stays 'sending' and the chat's later messages wait, as after a crash mid-send.
   */
  private async recordSent(entry: Sendable, platformMessageId: string | null): Promise<boolean> {
    const sentAt = this.clock.now();
    try {
      await this.commit(() => this.outbox.markSent(entry.id, sentAt, platformMessageId));
    } catch {
      try {
        this.outbox.markSent(entry.id, sentAt, platformMessageId);
      } catch (err) {
        this.log.error(
          { outboxId: entry.id, channel: entry.channel, err },
          'a sent message could not be recorded: it stays "sending" until its lease runs out',
        );
        return false;
      }
    }
    this.hooks.onResult?.(entry.channel, 'sent');
    this.sent++;
    return true;
  }

  /** A send that failed: held for a blocked chat, dead-lettered, or retried with backoff. */
  private failed(entry: Sendable, err: unknown): void {
    // The claim counted this attempt.
    const attempts = entry.attempts;
    const retryable = !(err instanceof SendError) || err.retryable;
    const reason = err instanceof Error ? err.message : String(err);
    if (err instanceof SendError && err.recipientBlocked) {
      // Not a failure of ours: the chat waits for the citizen, its messages keep their attempts.
      this.outbox.holdForBlockedChat(entry.id, entry, this.clock.now(), reason);
      this.log.warn(
        { outboxId: entry.id, channel: entry.channel, reason },
        'the citizen blocked the bot: messages wait until they write again',
      );
    } else if (!retryable || attempts >= this.policy.maxAttempts) {
      this.outbox.markDead(entry.id, reason);
      this.hooks.onResult?.(entry.channel, 'dead');
      this.hooks.onFailed?.(entry.channel, (err instanceof SendError ? err.code : undefined) ?? 'error');
      this.log.error(
        { outboxId: entry.id, channel: entry.channel, attempts, reason },
        'message dead-lettered',
      );
    } else {
      const backoff = backoffMs(this.policy, attempts);
      const delay = err instanceof SendError && err.retryAfterMs !== undefined ? err.retryAfterMs : backoff;
      this.outbox.retryLater(entry.id, this.clock.now() + delay, reason);
      this.hooks.onResult?.(entry.channel, 'retry');
      this.log.warn(
        { outboxId: entry.id, channel: entry.channel, attempts, delayMs: delay, reason },
        'send failed, will retry',
      );
    }
  }
}
