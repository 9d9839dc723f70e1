// The deliveries repository: idempotent enqueue, due order, atomic claims, leases, outcomes, redelivery, stats.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/storage/db.js';
import { Deliveries, deliveryKey } from '../../src/storage/deliveries.js';
import { createStore } from '../../src/storage/store.js';
import { T0, addTicket, tempDb } from './fixtures.js';

describe('deliveries repository', () => {
  let db: Db;
  let d: Deliveries;
  let ticket: number;
  const to = (destinationId: string, method: 'webhook' | 'email' | 'open311' = 'webhook', now = T0) => ({
    ticketId: ticket,
    agencyId: 'pupr-bjm',
    destinationId,
    method,
    idempotencyKey: deliveryKey('ADN-2611-0001', 'pupr-bjm', destinationId),
    now,
  });
  beforeEach(() => {
    db = tempDb().db;
    d = new Deliveries(db);
    ticket = addTicket(db, 'ADN-2611-0001');
  });
  afterEach(() => db.close());

  it('builds the idempotency key from ticket, agency and destination', () => {
    expect(deliveryKey('ADN-2611-0001', 'pupr-bjm', 'utama')).toBe('aduan-ADN-2611-0001-pupr-bjm-utama');
  });

  it('enqueues once per key, due at once, pending with no attempts', () => {
    const id = d.enqueue(to('utama'));
    expect(id).toBeTypeOf('number');
    expect(d.enqueue(to('utama', 'webhook', T0 + 5))).toBeNull();
    expect(d.forTicket(ticket)).toEqual([
      {
        id,
        ticketId: ticket,
        ticketNumber: 'ADN-2611-0001',
        agencyId: 'pupr-bjm',
        destinationId: 'utama',
        method: 'webhook',
        idempotencyKey: 'aduan-ADN-2611-0001-pupr-bjm-utama',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
        leaseUntil: null,
        createdAt: T0,
        deliveredAt: null,
        remoteId: null,
        lastError: null,
      },
    ]);
  });

  it('is part of the store and joins the ticket transaction', () => {
    const store = createStore(db);
    expect(() =>
      store.tx(() => {
        store.deliveries.enqueue(to('utama'));
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(store.deliveries.forTicket(ticket)).toEqual([]);
  });

  it('lists due rows soonest first, only the methods asked for, up to the limit', () => {
    const a = d.enqueue(to('a', 'webhook', T0 + 2));
    const b = d.enqueue(to('b', 'email', T0 + 1));
    const c = d.enqueue(to('c', 'open311', T0 + 3));
    d.enqueue(to('later', 'webhook', T0 + 10_000));
    expect(d.due(T0 + 5, 10).map((r) => r.id)).toEqual([b, a, c]);
    expect(d.due(T0 + 5, 2).map((r) => r.id)).toEqual([b, a]);
    expect(d.due(T0 + 5, 10, ['webhook', 'open311']).map((r) => r.id)).toEqual([a, c]);
    expect(d.due(T0 + 5, 10, [])).toEqual([]);
    expect(d.dueMethods(T0 + 5)).toEqual(['email', 'open311', 'webhook']);
  });

  it('claims atomically, counting an attempt; a claimed row is not due', () => {
    const id = d.enqueue(to('utama')) ?? 0;
    expect(d.claim(id, T0 + 70_000)).toBe(true);
    expect(d.claim(id, T0 + 70_000)).toBe(false);
    expect(d.get(id)).toMatchObject({ status: 'sending', attempts: 1, leaseUntil: T0 + 70_000 });
    expect(d.due(T0 + 1_000_000, 10)).toEqual([]);
  });

  it('records delivered, retry and dead, only for a row being sent', () => {
    const ok = d.enqueue(to('ok')) ?? 0;
    const again = d.enqueue(to('again')) ?? 0;
    const gone = d.enqueue(to('gone')) ?? 0;
    d.delivered(ok, 'AG-1', T0); // not claimed: nothing happens
    expect(d.get(ok)?.status).toBe('pending');
    for (const id of [ok, again, gone]) d.claim(id, T0 + 60_000);
    d.delivered(ok, 'AG-1', T0 + 100);
    d.retry(again, T0 + 30_000, 'HTTP 503');
    d.dead(gone, `HTTP 400: ${'x'.repeat(1000)}`);
    expect(d.get(ok)).toMatchObject({
      status: 'delivered',
      deliveredAt: T0 + 100,
      remoteId: 'AG-1',
      leaseUntil: null,
    });
    expect(d.get(again)).toMatchObject({
      status: 'pending',
      nextAttemptAt: T0 + 30_000,
      lastError: 'HTTP 503',
    });
    expect(d.get(gone)?.status).toBe('dead');
    expect(d.get(gone)?.lastError).toHaveLength(500);
    expect(d.due(T0 + 29_999, 10)).toEqual([]);
    expect(d.due(T0 + 30_000, 10).map((r) => r.id)).toEqual([again]);
  });

  it('returns a send cut off by a crash to pending once its lease ran out, with the same key', () => {
    const id = d.enqueue(to('utama')) ?? 0;
    d.claim(id, T0 + 60_000);
    expect(d.recoverExpiredLeases(T0 + 59_999)).toBe(0);
    expect(d.recoverExpiredLeases(T0 + 60_000)).toBe(1);
    const row = d.get(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, leaseUntil: null });
    expect(d.due(T0 + 60_000, 10).map((r) => r.idempotencyKey)).toEqual([
      'aduan-ADN-2611-0001-pupr-bjm-utama',
    ]);
  });

  it('lists the dead and redelivers one or all with a fresh start', () => {
    const ids = ['a', 'b', 'c'].map((x) => d.enqueue(to(x)) ?? 0);
    for (const id of ids) {
      d.claim(id, T0 + 60_000);
      d.dead(id, 'HTTP 410 Gone');
    }
    const ok = d.enqueue(to('ok')) ?? 0;
    expect(d.listDead().map((r) => r.id)).toEqual([...ids].reverse());
    expect(d.redeliver(ok, T0 + 5)).toBe(0); // pending, not dead
    expect(d.redeliver(ids[0] ?? 0, T0 + 5)).toBe(1);
    expect(d.get(ids[0] ?? 0)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 5,
      createdAt: T0 + 5,
      lastError: 'HTTP 410 Gone',
    });
    expect(d.redeliver('all-dead', T0 + 6)).toBe(2);
    expect(d.listDead()).toEqual([]);
    expect(d.listWaiting().map((r) => r.id)).toEqual([...ids, ok]);
  });

  it('counts depth, oldest and dead per method', () => {
    expect(d.stats()).toEqual([]);
    d.enqueue(to('a', 'webhook', T0 + 10));
    d.enqueue(to('b', 'webhook', T0 + 20));
    const e = d.enqueue(to('c', 'email', T0 + 30)) ?? 0;
    const f = d.enqueue(to('f', 'open311', T0 + 40)) ?? 0;
    d.claim(e, T0 + 60_000); // being sent still counts as waiting
    d.claim(f, T0 + 60_000);
    d.dead(f, 'HTTP 404');
    const stats = d.stats().sort((x, y) => x.method.localeCompare(y.method));
    expect(stats).toEqual([
      { method: 'email', depth: 1, oldestCreatedAt: T0 + 30, dead: 0 },
      { method: 'open311', depth: 0, oldestCreatedAt: null, dead: 1 },
      { method: 'webhook', depth: 2, oldestCreatedAt: T0 + 10, dead: 0 },
    ]);
  });
});
