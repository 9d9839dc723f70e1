// The forwarder: every fault at the network edge until each ticket arrived once per key; dead letters; bounds.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, seededIds } from '../../src/clock.js';
import {
  type DeliveryMethodName,
  type Destination,
  EmailDestination,
  Open311Destination,
  WebhookDestination,
} from '../../src/domain/destination.js';
import {
  type FailureKind,
  type ForwardPolicy,
  type ForwardResult,
  type ForwardTarget,
  Forwarder,
} from '../../src/forwarding/forwarder.js';
import type { DeliveryJob, DeliveryMethod, DeliveryOutcome } from '../../src/forwarding/method.js';
import type { TicketPayload } from '../../src/forwarding/payload.js';
import { WebhookMethod } from '../../src/forwarding/webhook.js';
import { deliveriesCommand } from '../../src/ops/deliveries-admin.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { Deliveries } from '../../src/storage/deliveries.js';
import { FakeWebhookReceiver } from '../fakes/webhook-receiver.js';
import { SECRET, T0, payloadOf, queueTickets, recordingLog, tempDb } from './fixtures.js';

const HOUR = 3_600_000;
const AGENCY = { id: 'pupr-bjm', name: 'Dinas PUPR Kota Banjarmasin' };

const DESTINATIONS: Record<string, Destination> = {
  hook: WebhookDestination.parse({
    id: 'hook',
    method: 'webhook',
    url: 'http://127.0.0.1:9/hook',
    secret: SECRET,
  }),
  georeport: Open311Destination.parse({
    id: 'georeport',
    method: 'open311',
    endpoint: 'http://127.0.0.1:9/v2',
  }),
  mail: EmailDestination.parse({ id: 'mail', method: 'email', to: ['pengaduan@pupr.test'] }),
};

type Answer = (job: DeliveryJob, signal: AbortSignal) => Promise<DeliveryOutcome> | DeliveryOutcome;

/** A method at the edge, answering as told and counting what is in flight. */
class FakeMethod implements DeliveryMethod {
  readonly calls: DeliveryJob[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    readonly method: DeliveryMethodName,
    private readonly answer: Answer = () => ({ ok: true, remoteId: null }),
    private readonly shared?: { inFlight: number; max: number },
  ) {}
  async deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome> {
    this.calls.push(job);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    if (this.shared) this.shared.max = Math.max(this.shared.max, ++this.shared.inFlight);
    try {
      return await this.answer(job, signal);
    } finally {
      this.inFlight--;
      if (this.shared) this.shared.inFlight--;
    }
  }
}

type World = {
  db: Db;
  path: string;
  deliveries: Deliveries;
  clock: ManualClock;
  log: ReturnType<typeof recordingLog>;
  results: { method: string; result: ForwardResult; kind: FailureKind | null }[];
  forwarder: Forwarder;
  /** A new forwarder over the same database file, reopened: the service after a restart. */
  restart(): void;
};

const payloadFrom = (db: Db) => (ticketId: number) => {
  const number = db.prepare('SELECT number FROM tickets WHERE id = ?').pluck().get(ticketId);
  return typeof number === 'string' ? payloadOf(number) : null;
};

function world(opts: {
  methods: Partial<Record<DeliveryMethodName, DeliveryMethod>>;
  destinations?: Record<string, Destination>;
  policy?: Partial<ForwardPolicy>;
  payloadFor?: (db: Db) => (ticketId: number) => TicketPayload | null;
  fault?: () => void;
  clock?: ManualClock;
}): World {
  const { db, path } = tempDb();
  const clock = opts.clock ?? new ManualClock(T0);
  const log = recordingLog();
  const results: World['results'] = [];
  const destinations = opts.destinations ?? DESTINATIONS;
  const build = (database: Db, deliveries: Deliveries) =>
    new Forwarder({
      deliveries,
      methods: opts.methods,
      destinationFor: (agencyId, destinationId): ForwardTarget | null => {
        const destination = destinations[destinationId];
        return agencyId === AGENCY.id && destination ? { agency: AGENCY, destination } : null;
      },
      payloadFor: (opts.payloadFor ?? payloadFrom)(database),
      clock,
      random: seededIds(7).random,
      log,
      policy: opts.policy,
      fault: opts.fault,
      onResult: (method, result, kind) => results.push({ method, result, kind }),
    });
  const deliveries = new Deliveries(db);
  const w: World = {
    db,
    path,
    deliveries,
    clock,
    log,
    results,
    forwarder: build(db, deliveries),
    restart() {
      w.db.close();
      w.db = openDb(path);
      w.deliveries = new Deliveries(w.db);
      w.forwarder = build(w.db, w.deliveries);
    },
  };
  return w;
}

const to = (destinationId: string, method: DeliveryMethodName) => ({
  agencyId: AGENCY.id,
  destinationId,
  method,
});

describe('forwarder', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('gets every ticket through a receiver that is down, failing, throttling, slow and a crash, once per key', async () => {
    const clock = new ManualClock(T0);
    const receiver = await FakeWebhookReceiver.start({ secret: SECRET, now: () => clock.now() });
    cleanups.push(() => receiver.close());
    const destination = WebhookDestination.parse({
      id: 'hook',
      method: 'webhook',
      url: receiver.url,
      secret: SECRET,
      timeoutMs: 1000,
    });
    let crash = false;
    const w = world({
      clock,
      methods: { webhook: new WebhookMethod({ secrets: {}, clock }) },
      destinations: { hook: destination },
      policy: { concurrency: 1 },
      fault: () => {
        if (!crash) return;
        crash = false;
        throw new Error('killed mid_delivery');
      },
    });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 5, to('hook', 'webhook'));
    const rows = () => w.deliveries.listWaiting();
    const withError = (text: string) => w.deliveries.listWaiting().find((r) => r.lastError?.includes(text));

    // Down: the first try is refused; the destination's other tickets wait for the next pass, spending nothing.
    await receiver.down();
    expect(await w.forwarder.drain()).toEqual({ delivered: 0, retried: 1, dead: 0, unconfigured: [] });
    expect(rows().map((r) => r.attempts)).toEqual([1, 0, 0, 0, 0]);
    expect(withError('ECONNREFUSED')).toBeDefined();

    // Up again, but failing, then throttling with Retry-After: 120.
    await receiver.up();
    receiver.answer({ status: 500 });
    clock.advance(HOUR);
    expect((await w.forwarder.drain()).retried).toBe(1);
    receiver.answer({ status: 429, retryAfterSec: 120 });
    clock.advance(HOUR);
    expect((await w.forwarder.drain()).retried).toBe(1);
    expect(withError('HTTP 429')?.nextAttemptAt).toBe(clock.now() + 120_000);

    // Slow: the receiver stores the ticket but answers after the 1 s timeout.
    receiver.answer({ slowMs: 1500 });
    clock.advance(60_000);
    expect((await w.forwarder.drain()).retried).toBe(1);
    const slow = withError('no answer within 1000 ms');
    expect(slow).toBeDefined();

    // A crash after the receiver acknowledged, before the delivery was recorded.
    crash = true;
    clock.advance(HOUR);
    await expect(w.forwarder.drain()).rejects.toThrow('killed mid_delivery');
    const cut = w.deliveries.listWaiting().find((r) => r.status === 'sending');
    expect(cut).toBeDefined();

    // The restarted service sends the rest; the cut-off one waits for its lease, then goes again with its key.
    w.restart();
    expect((await w.forwarder.drain()).delivered).toBe(4);
    expect(w.deliveries.get(cut?.id ?? 0)?.status).toBe('sending');
    clock.advance(1000 + 60_000);
    expect(await w.forwarder.drain()).toEqual({ delivered: 1, retried: 0, dead: 0, unconfigured: [] });

    const all = w.deliveries.forTicket(1).concat(...[2, 3, 4, 5].map((t) => w.deliveries.forTicket(t)));
    expect(all.map((r) => r.status)).toEqual(Array(5).fill('delivered'));
    expect([...receiver.stored.keys()].sort()).toEqual(all.map((r) => r.idempotencyKey).sort());
    // A repeat only where a send was cut off (the slow answer, the crash), with the same key.
    expect([...receiver.repeats].sort()).toEqual([slow?.idempotencyKey, cut?.idempotencyKey].sort());
    expect(receiver.arrivals.every((a) => a.signatureOk)).toBe(true);
    const cutArrivals = receiver.arrivals.filter((a) => a.key === cut?.idempotencyKey);
    expect(cutArrivals.map((a) => a.answer).slice(-2)).toEqual(['stored', 'repeat']);
    const attempts = cutArrivals.map((a) => a.attempt ?? 0);
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
    expect(w.results.filter((r) => r.result === 'retry').map((r) => r.kind)).toEqual([
      'transient',
      'transient',
      'transient',
      'timeout',
    ]);
    expect(w.results.filter((r) => r.result === 'delivered')).toHaveLength(5);
  });

  it('dead-letters a final refusal at once; redelivered by an operator, it arrives', async () => {
    const clock = new ManualClock(T0);
    const receiver = await FakeWebhookReceiver.start({ secret: SECRET, now: () => clock.now() });
    cleanups.push(() => receiver.close());
    const destination = WebhookDestination.parse({
      id: 'hook',
      method: 'webhook',
      url: receiver.url,
      secret: SECRET,
    });
    const w = world({ methods: {} });
    cleanups.push(() => w.db.close());
    const log = recordingLog();
    const forwarder = new Forwarder({
      deliveries: w.deliveries,
      methods: { webhook: new WebhookMethod({ secrets: {}, clock }) },
      destinationFor: () => ({ agency: AGENCY, destination }),
      payloadFor: payloadFrom(w.db),
      clock,
      random: seededIds(1).random,
      log,
    });
    queueTickets(w.deliveries, w.db, 1, to('hook', 'webhook'));
    receiver.answer({ status: 422, body: 'kategori tidak dikenal' });
    expect(await forwarder.drain()).toEqual({ delivered: 0, retried: 0, dead: 1, unconfigured: [] });
    const [dead] = w.deliveries.listDead();
    expect(dead?.lastError).toBe('HTTP 422 Unprocessable Entity: kategori tidak dikenal');
    expect(log.lines.find((l) => l.level === 'error')?.msg).toMatch(/dead-lettered/);
    clock.advance(HOUR);
    expect(await forwarder.drain()).toEqual({ delivered: 0, retried: 0, dead: 0, unconfigured: [] });

    const redo = deliveriesCommand({ command: 'redeliver', id: String(dead?.id) }, w.deliveries, clock.now());
    expect(redo.code).toBe(0);
    expect(await forwarder.drain()).toEqual({ delivered: 1, retried: 0, dead: 0, unconfigured: [] });
    expect(receiver.stored.size).toBe(1);
    expect(receiver.arrivals.map((a) => [a.key, a.attempt])).toEqual([
      [dead?.idempotencyKey, 1],
      [dead?.idempotencyKey, 1],
    ]);
    expect(w.deliveries.get(dead?.id ?? 0)).toMatchObject({
      status: 'delivered',
      remoteId: 'AG-1',
      lastError: null,
    });
  });

  it('dead-letters a delivery whose destination left the directory or changed method, without sending', async () => {
    const webhook = new FakeMethod('webhook');
    const open311 = new FakeMethod('open311');
    const w = world({ methods: { webhook, open311 } });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 1, to('old-hook', 'webhook'));
    queueTickets(w.deliveries, w.db, 1, to('hook', 'open311'));
    expect(await w.forwarder.drain()).toMatchObject({ delivered: 0, dead: 2 });
    expect(webhook.calls).toEqual([]);
    expect(open311.calls).toEqual([]);
    expect(
      w.deliveries
        .listDead()
        .map((d) => d.lastError)
        .sort(),
    ).toEqual([
      'agency "pupr-bjm" has no destination "old-hook" any more (removed from the directory)',
      'destination "hook" of agency "pupr-bjm" is now webhook; this delivery was queued for open311 (give the new endpoint a new id)',
    ]);
    expect(w.results.map((r) => r.kind)).toEqual(['no_destination', 'no_destination']);
  });

  it('dead-letters a ticket that cannot be read', async () => {
    const webhook = new FakeMethod('webhook');
    let calls = 0;
    const w = world({
      methods: { webhook },
      payloadFor: () => () => {
        if (++calls === 1) return null;
        throw new Error('complaint JSON is not valid');
      },
    });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 2, to('hook', 'webhook'));
    expect(await w.forwarder.drain()).toMatchObject({ dead: 2 });
    expect(webhook.calls).toEqual([]);
    expect(
      w.deliveries
        .listDead()
        .map((d) => d.lastError)
        .sort(),
    ).toEqual([
      'ticket ADN-hook-0001 has no payload for agency "pupr-bjm" (ticket or agency missing)',
      'ticket ADN-hook-0002 could not be read: complaint JSON is not valid',
    ]);
  });

  it('keeps deliveries of an unconfigured method pending without spending attempts, and says so once', async () => {
    const webhook = new FakeMethod('webhook');
    const w = world({ methods: { webhook } });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 2, to('mail', 'email'));
    queueTickets(w.deliveries, w.db, 1, to('hook', 'webhook'));
    expect(await w.forwarder.drain()).toEqual({ delivered: 1, retried: 0, dead: 0, unconfigured: ['email'] });
    w.clock.advance(HOUR);
    expect(await w.forwarder.drain()).toEqual({ delivered: 0, retried: 0, dead: 0, unconfigured: ['email'] });
    expect(w.deliveries.listWaiting().map((r) => [r.method, r.status, r.attempts])).toEqual([
      ['email', 'pending', 0],
      ['email', 'pending', 0],
    ]);
    expect(w.log.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'tickets wait for email delivery, which is not configured',
    ]);
  });

  it('keeps at most 4 sends in flight per method, methods side by side', async () => {
    const shared = { inFlight: 0, max: 0 };
    const slowOk: Answer = async () => {
      await sleep(15);
      return { ok: true, remoteId: null };
    };
    const webhook = new FakeMethod('webhook', slowOk, shared);
    const open311 = new FakeMethod('open311', slowOk, shared);
    const w = world({ methods: { webhook, open311 } });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 10, to('hook', 'webhook'));
    queueTickets(w.deliveries, w.db, 10, to('georeport', 'open311'));
    const [a, b] = await Promise.all([w.forwarder.drain(), w.forwarder.drain()]);
    expect(a).toBe(b); // concurrent calls share one pass
    expect(a?.delivered).toBe(20);
    expect(webhook.maxInFlight).toBe(4);
    expect(open311.maxInFlight).toBe(4);
    expect(shared.max).toBe(8);
    expect(new Set(webhook.calls.map((j) => j.idempotencyKey)).size).toBe(10);
  });

  it('times out a method that ignores its signal, and retries it', async () => {
    const stuck = new FakeMethod('email', () => new Promise<DeliveryOutcome>(() => {}));
    const w = world({ methods: { email: stuck }, policy: { timeoutMs: 50 } });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 1, to('mail', 'email'));
    expect(await w.forwarder.drain()).toMatchObject({ retried: 1 });
    const [row] = w.deliveries.listWaiting();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no answer within 50 ms' });
    expect(row?.nextAttemptAt).toBeLessThanOrEqual(T0 + 30_000);
    expect(w.results).toEqual([{ method: 'email', result: 'retry', kind: 'timeout' }]);
  });

  it('retries with growing delays for 48 hours, then gives up', async () => {
    const down = new FakeMethod('webhook', () => ({
      ok: false,
      retryable: true,
      error: 'HTTP 503 Service Unavailable',
    }));
    const w = world({ methods: { webhook: down } });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 1, to('hook', 'webhook'));
    const delays: number[] = [];
    for (let i = 0; i < 200 && w.deliveries.listDead().length === 0; i++) {
      await w.forwarder.drain();
      const [row] = w.deliveries.listWaiting();
      if (row) {
        delays.push(row.nextAttemptAt - w.clock.now());
        w.clock.set(row.nextAttemptAt);
      }
    }
    const [dead] = w.deliveries.listDead();
    expect(dead?.lastError).toBe(
      'gave up after 48 hours of retries; last error: HTTP 503 Service Unavailable',
    );
    expect(w.clock.now()).toBe(T0 + 48 * HOUR);
    expect(Math.max(...delays)).toBeLessThanOrEqual(HOUR);
    expect(delays.slice(0, 3).every((d, i) => d <= 30_000 * 2 ** i)).toBe(true);
    expect(down.calls.length).toBe(dead?.attempts);
    expect(down.calls.map((j) => j.attempt)).toEqual(down.calls.map((_, i) => i + 1));
  });

  it('stops claiming on stop() and lets the sends in flight finish', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const webhook = new FakeMethod('webhook', async () => {
      await gate;
      return { ok: true, remoteId: 'r' };
    });
    const w = world({ methods: { webhook }, policy: { concurrency: 1 } });
    cleanups.push(() => w.db.close());
    queueTickets(w.deliveries, w.db, 3, to('hook', 'webhook'));
    const pass = w.forwarder.drain();
    await sleep(5);
    const stopped = w.forwarder.stop();
    release();
    await stopped;
    expect(await pass).toMatchObject({ delivered: 1 });
    expect(await w.forwarder.drain()).toEqual({ delivered: 0, retried: 0, dead: 0, unconfigured: [] });
    expect(w.deliveries.listWaiting().map((r) => r.attempts)).toEqual([0, 0]);
  });
});
