// The stored throttle: a window rule and a doubling backoff over one counter per key, keys kept only as an HMAC under
// the database's own secret, counters a day old pruned, and the counts kept across a restart of the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ThrottleRule, throttleWaitMs } from '../../src/domain/throttle-rule.js';
import { Harness } from '../helpers/harness.js';

const WINDOW: ThrottleRule = { kind: 'window', limit: 3, windowMs: 60_000 };
const BACKOFF: ThrottleRule = { kind: 'backoff', baseMs: 1000, maxMs: 8000 };

describe('the stored throttle', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());
  const now = () => h.clock.now();
  const rows = () => h.core.db.prepare('SELECT key, window_start, count FROM throttles').all();

  it('lets `limit` attempts through a window, then waits for its end, then opens a new one', () => {
    const t = h.core.store.throttles;
    for (let i = 0; i < 3; i++) {
      expect(t.waitMs('ip:10.0.0.7', WINDOW, now())).toBe(0);
      t.hit('ip:10.0.0.7', WINDOW, now());
      h.clock.advance(10_000);
    }
    expect(t.waitMs('ip:10.0.0.7', WINDOW, now())).toBe(30_000);
    expect(t.waitMs('ip:10.0.0.8', WINDOW, now())).toBe(0);
    h.clock.advance(30_000);
    expect(t.waitMs('ip:10.0.0.7', WINDOW, now())).toBe(0);
    t.hit('ip:10.0.0.7', WINDOW, now());
    expect(t.counter('ip:10.0.0.7')).toEqual({ windowStart: now(), count: 1 });
  });

  it('doubles a backoff from each failure up to its cap, and a success clears it', () => {
    const t = h.core.store.throttles;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      t.hit('user:budi', BACKOFF, now());
      waits.push(t.waitMs('user:budi', BACKOFF, now()));
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    h.clock.advance(8000);
    expect(t.waitMs('user:budi', BACKOFF, now())).toBe(0);
    t.clear('user:budi');
    t.hit('user:budi', BACKOFF, now());
    expect(t.waitMs('user:budi', BACKOFF, now())).toBe(1000);
  });

  it('stores no key in clear: an HMAC under a secret of this database', () => {
    h.core.store.throttles.hit('tautkan:123456789', WINDOW, now());
    h.core.store.throttles.hit('status:ip:10.0.0.7', WINDOW, now());
    const keys = rows().map((r) => (r as { key: string }).key);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(rows());
    expect(dump).not.toContain('123456789');
    expect(dump).not.toContain('10.0.0.7');
    // Another database has another secret: the same key hashes differently.
    const other = new Harness();
    other.core.store.throttles.hit('tautkan:123456789', WINDOW, other.clock.now());
    const otherKey = other.core.db.prepare('SELECT key FROM throttles').pluck().get();
    other.close();
    expect(keys).not.toContain(otherKey);
  });

  it('prunes counters a day old as new attempts come, and keeps the rest across a restart', () => {
    h.core.store.throttles.hit('a', BACKOFF, now());
    h.clock.advance(23 * 3600_000);
    h.core.store.throttles.hit('b', WINDOW, now());
    h.clock.advance(2 * 3600_000);
    h.restart();
    expect(h.core.store.throttles.counter('b')).toEqual({ windowStart: now() - 2 * 3600_000, count: 1 });
    h.core.store.throttles.hit('c', WINDOW, now());
    expect(rows()).toHaveLength(2);
    expect(h.core.store.throttles.counter('a')).toBeNull();
  });

  it('forgets a counter past its span even before it is pruned', () => {
    expect(throttleWaitMs(WINDOW, { windowStart: 0, count: 99 }, 60_000)).toBe(0);
    expect(throttleWaitMs(WINDOW, { windowStart: 0, count: 99 }, 59_000)).toBe(1000);
    expect(throttleWaitMs(BACKOFF, { windowStart: 0, count: 99 }, 24 * 3600_000)).toBe(0);
    expect(throttleWaitMs(BACKOFF, null, 5)).toBe(0);
  });
});
