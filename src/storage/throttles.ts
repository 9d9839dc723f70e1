// The stored throttle: one attempt counter per key in the database, shared by every process on it and kept across a
// restart (sign-in, password links, the status page, /tautkan). Keys are stored as an HMAC under the database's own
// secret, never as the address, number or id they count; counters a day old are pruned as new attempts come.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import {
  THROTTLE_FORGET_MS,
  type ThrottleCounter,
  type ThrottleRule,
  throttleSpanMs,
  throttleWaitMs,
} from '../domain/throttle-rule.js';
import type { Db } from './db.js';

const Counter = z.object({ window_start: z.number(), count: z.number() });
const Secret = z.instanceof(Uint8Array);

export class Throttles {
  private readonly read;
  private readonly upsert;
  private readonly remove;
  private readonly prune;
  private secret: Uint8Array | null = null;

  constructor(private readonly db: Db) {
    this.read = db.prepare('SELECT window_start, count FROM throttles WHERE key = ?');
    // A counter past its span starts again at this attempt; a backoff's (`slide`) always moves to the last attempt.
    this.upsert = db.prepare(
      `INSERT INTO throttles (key, window_start, count) VALUES (@key, @now, 1)
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN @slide = 1 OR @now - window_start >= @span THEN @now ELSE window_start END,
         count = CASE WHEN @now - window_start >= @span THEN 1 ELSE count + 1 END`,
    );
    this.remove = db.prepare('DELETE FROM throttles WHERE key = ?');
    this.prune = db.prepare('DELETE FROM throttles WHERE window_start < ?');
  }

  /** The stored form of a key: an HMAC-SHA256 under this database's secret (read once, on first use). */
  private hashed(key: string): string {
    this.secret ??= Secret.parse(
      this.db.prepare('SELECT secret FROM throttle_key WHERE id = 1').pluck().get(),
    );
    return createHmac('sha256', this.secret).update(key).digest('hex');
  }

  /** The key's counter as stored, or null. */
  counter(key: string): ThrottleCounter | null {
    const raw = this.read.get(this.hashed(key));
    if (raw === undefined) return null;
    const row = Counter.parse(raw);
    return { windowStart: row.window_start, count: row.count };
  }

  /** Milliseconds before `key` may try again under `rule` (0: now). */
  waitMs(key: string, rule: ThrottleRule, now: number): number {
    return throttleWaitMs(rule, this.counter(key), now);
  }

  /** Counts one attempt of `key` (and forgets the counters a day old). */
  hit(key: string, rule: ThrottleRule, now: number): void {
    this.prune.run(now - THROTTLE_FORGET_MS);
    this.upsert.run({
      key: this.hashed(key),
      now,
      span: throttleSpanMs(rule),
      slide: rule.kind === 'backoff' ? 1 : 0,
    });
  }

  /** Forgets `key`'s attempts (a success). */
  clear(key: string): void {
    this.remove.run(this.hashed(key));
  }
}
