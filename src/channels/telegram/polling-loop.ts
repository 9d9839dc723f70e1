// Long polling with telegraf's getUpdates: an update is confirmed (offset moved past it) only once it was handled.
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { type Sleep, realSleep } from './token-bucket.js';

/** What Telegram sends us, polling and webhook alike; `my_chat_member` says when a citizen blocks the bot. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

export type PollingOptions = {
  /** Seconds Telegram holds a getUpdates request open when there is nothing new. */
  timeoutSec?: number;
  limit?: number;
  /** After a failed getUpdates or a failed update: wait, doubling from min to max. */
  backoffMs?: { min: number; max: number };
  /** An update that keeps failing is skipped after this many tries, so one bad update cannot stall the bot. */
  maxTriesPerUpdate?: number;
  sleep?: Sleep;
};

export type PollingEvents = {
  /** Handles one update; called in update order and synchronously enqueued, so per-chat order holds. */
  handle(update: Update): Promise<void>;
  polled(ok: boolean, err?: unknown): void;
  skipped(update: Update, err: unknown): void;
};

export class PollingLoop {
  private running: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private offset = 0;
  private readonly tries = new Map<number, number>();
  private readonly timeoutSec: number;
  private readonly limit: number;
  private readonly backoff: { min: number; max: number };
  private readonly maxTries: number;
  private readonly sleep: Sleep;

  constructor(
    private readonly telegram: Telegram,
    private readonly events: PollingEvents,
    opts: PollingOptions = {},
  ) {
    this.timeoutSec = opts.timeoutSec ?? 25;
    this.limit = opts.limit ?? 100;
    this.backoff = opts.backoffMs ?? { min: 1000, max: 30_000 };
    this.maxTries = opts.maxTriesPerUpdate ?? 5;
    this.sleep = opts.sleep ?? realSleep;
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /**
   * Stops after the batch being handled. An unanswered getUpdates is abandoned, not awaited: what it would return
   * is unconfirmed, so Telegram serves it again to the next start.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    let delay = this.backoff.min;
    const pause = async () => {
      await this.interruptible(this.sleep(delay));
      delay = Math.min(this.backoff.max, delay * 2);
    };
    while (!this.stopped) {
      let updates: Update[] | null;
      try {
        updates = await this.interruptible(
          this.telegram.callApi('getUpdates', {
            offset: this.offset,
            timeout: this.timeoutSec,
            limit: this.limit,
            allowed_updates: ALLOWED_UPDATES,
          }),
        );
      } catch (err) {
        if (this.stopped) break;
        this.events.polled(false, err);
        await pause();
        continue;
      }
      if (updates === null || this.stopped) break;
      this.events.polled(true);
      if (await this.handleBatch(updates)) delay = this.backoff.min;
      else await pause();
    }
  }

  /** Handles a batch; moves the offset past every update up to the first failure. False when one failed. */
  private async handleBatch(updates: Update[]): Promise<boolean> {
    const results = await Promise.allSettled(updates.map((u) => this.events.handle(u)));
    for (const [i, result] of results.entries()) {
      const update = updates[i];
      if (!update) continue;
      if (result.status === 'rejected') {
        const tries = (this.tries.get(update.update_id) ?? 0) + 1;
        this.tries.set(update.update_id, tries);
        if (tries < this.maxTries) return false;
        this.events.skipped(update, result.reason);
      }
      this.tries.delete(update.update_id);
      this.offset = update.update_id + 1;
    }
    return true;
  }

  /** The promise's value, or null as soon as stop() is called. */
  private interruptible<T>(p: Promise<T>): Promise<T | null> {
    if (this.stopped) return Promise.resolve(null);
    return new Promise<T | null>((resolve, reject) => {
      this.wake = () => resolve(null);
      p.then(resolve, reject).finally(() => {
        this.wake = null;
      });
    });
  }
}
