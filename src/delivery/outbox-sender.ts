// Drains the outbox: claims due messages, sends them through their channel, retries with backoff, dead-letters.
import type { OutboundChannel } from '../channels/channel.js';
import { SendError } from '../channels/channel.js';
import type { Clock } from '../clock.js';
import type { Outbox } from '../storage/outbox.js';

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; leaseMs: number };

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 10 * 60_000,
  leaseMs: 60_000,
};

export type SenderLog = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export class OutboxSender {
  private readonly channels: Map<string, OutboundChannel>;
  private running: Promise<number> | null = null;

  constructor(
    private readonly outbox: Outbox,
    channels: OutboundChannel[],
    private readonly clock: Clock,
    private readonly log: SenderLog,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    /** Crash tests: a kill after the platform acknowledged a send, before it is recorded. */
    private readonly fault?: (point: 'mid_send') => void,
    /** Each send's outcome (metrics). */
    private readonly onResult?: (channel: string, result: 'sent' | 'retry' | 'dead') => void,
  ) {
    this.channels = new Map(channels.map((c) => [c.channel, c]));
  }

  /** Sends what is due; concurrent calls share one pass. Returns how many messages were sent. */
  drain(): Promise<number> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock.now();
    this.outbox.recoverExpiredLeases(now);
    // Only connected channels: a logged-out channel's backlog must not take the others' places in the batch.
    const ready = [...this.channels.values()]
      .filter((c) => !c.state || c.state() === 'connected')
      .map((c) => c.channel);
    const due = ready.length > 0 ? this.outbox.dueFor(ready, now, 200) : [];
    let sent = 0;
    // One chat's messages go in order; a failure holds back that chat's later messages until the retry.
    const blocked = new Set<string>();
    for (const entry of due) {
      const key = `${entry.channel}:${entry.chatId}`;
      if (blocked.has(key)) continue;
      const channel = this.channels.get(entry.channel);
      if (!channel) continue;
      // A channel that is logged out or reconnecting keeps its messages pending, without spending attempts.
      if (channel.state && channel.state() !== 'connected') continue;
      if (!this.outbox.claim(entry.id, now + this.policy.leaseMs)) continue;
      try {
        const result = await channel.send(entry.chatId, entry.message);
        this.fault?.('mid_send');
        this.outbox.markSent(entry.id, this.clock.now(), result.platformMessageId);
        this.onResult?.(entry.channel, 'sent');
        sent++;
      } catch (err) {
        blocked.add(key);
        const attempts = entry.attempts + 1;
        const retryable = !(err instanceof SendError) || err.retryable;
        const reason = err instanceof Error ? err.message : String(err);
        if (!retryable || attempts >= this.policy.maxAttempts) {
          this.outbox.markDead(entry.id, reason);
          this.onResult?.(entry.channel, 'dead');
          this.log.error(
            { outboxId: entry.id, channel: entry.channel, attempts, reason },
            'message dead-lettered',
          );
        } else {
          const backoff = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempts - 1));
          const delay =
            err instanceof SendError && err.retryAfterMs !== undefined ? err.retryAfterMs : backoff;
          this.outbox.retryLater(entry.id, this.clock.now() + delay, reason);
          this.onResult?.(entry.channel, 'retry');
          this.log.warn(
            { outboxId: entry.id, channel: entry.channel, attempts, delayMs: delay, reason },
            'send failed, will retry',
          );
        }
      }
    }
    return sent;
  }
}
