// Prometheus metrics on a registry of our own: counters fed by the service, gauges read from SQLite at scrape time.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ACTIVE_FLOW_STATES } from '../../flows/registry.js';
import type { Clock } from '../clock.js';
import { TicketStatus } from '../domain/complaint.js';
import type { FailureKind, ForwardResult } from '../forwarding/forwarder.js';
import type { DeliveryStats, MetricsQueries, OutboxStats } from '../ports/metrics.js';

export type OutboundResult = 'sent' | 'retry' | 'dead';

export type LimitReason = 'rate' | 'uploads' | 'bytes';

export type MetricsOptions = {
  clock?: Clock;
  /** Scrape-time queries are reused for this long: two scrapes in a row cost one set of queries. */
  minQueryIntervalMs?: number;
  /** prom-client's process and Node.js metrics (memory, CPU, event loop, GC). */
  defaultMetrics?: boolean;
};

export type Metrics = {
  registry: Registry;
  /** One runtime step (an inbound message handled in its transaction), in seconds. */
  observeStep(seconds: number): void;
  inbound(channel: string): void;
  outbound(channel: string, result: OutboundResult): void;
  /**
   * A message to a citizen that did not arrive: a delivery the platform reported failed (WhatsApp statuses), or a
   * send given up on, with the platform's error code ('error' when it gave none, 'blocked' for a blocked bot).
   */
  outboxFailed(channel: string, code: string): void;
  /** A message stopped by the per-sender limits before it reached the runtime. */
  limited(channel: string, reason: LimitReason): void;
  /** One try of a ticket delivery to an agency (the Forwarder's onResult). */
  forwarded(method: string, result: ForwardResult, kind: FailureKind | null): void;
  /** A message that could not be stored (disk full, database busy): the platform redelivers it. */
  storageFailure(code: string): void;
};

export const STEP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5];

/** A complaint in progress (reminder and expiry apply): the flow's own list, not a copy. */
export const ACTIVE_CONVERSATION_STATES: ReadonlySet<string> = ACTIVE_FLOW_STATES;

export function conversationBucket(state: string): 'active' | 'paused' | 'other' {
  if (ACTIVE_CONVERSATION_STATES.has(state)) return 'active';
  return state === 'paused' ? 'paused' : 'other';
}

type Snapshot = {
  at: number;
  outbox: OutboxStats[];
  deliveries: DeliveryStats[];
  conversations: Map<'active' | 'paused' | 'other', number>;
  tickets: Map<string, number>;
};

export function createMetrics(queries: MetricsQueries, opts: MetricsOptions = {}): Metrics {
  const clock = opts.clock ?? { now: () => Date.now() };
  const minInterval = opts.minQueryIntervalMs ?? 5000;
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  // Channels seen so far: a channel whose queue emptied reports 0 instead of vanishing from the scrape.
  const channels = new Set<string>();
  const methods = new Set<string>();
  let cached: Snapshot | null = null;
  const snapshot = (): Snapshot => {
    const now = clock.now();
    if (cached && now - cached.at < minInterval && now >= cached.at) return cached;
    const outbox = queries.outbox();
    for (const o of outbox) channels.add(o.channel);
    const deliveries = queries.deliveries?.() ?? [];
    for (const d of deliveries) methods.add(d.method);
    const conversations = new Map<'active' | 'paused' | 'other', number>([
      ['active', 0],
      ['paused', 0],
      ['other', 0],
    ]);
    for (const { state, count } of queries.conversationStates()) {
      const bucket = conversationBucket(state);
      conversations.set(bucket, (conversations.get(bucket) ?? 0) + count);
    }
    const tickets = new Map<string, number>(TicketStatus.options.map((s) => [s, 0]));
    for (const { status, count } of queries.ticketStatuses()) {
      tickets.set(status, (tickets.get(status) ?? 0) + count);
    }
    cached = { at: now, outbox, deliveries, conversations, tickets };
    return cached;
  };
  const perChannel = (gauge: Gauge<'channel'>, value: (o: OutboxStats | undefined) => number) => {
    const s = snapshot();
    gauge.reset();
    for (const channel of channels) {
      gauge.set({ channel }, value(s.outbox.find((o) => o.channel === channel)));
    }
  };
  const perMethod = (gauge: Gauge<'method'>, value: (d: DeliveryStats | undefined) => number) => {
    const s = snapshot();
    gauge.reset();
    for (const method of methods) {
      gauge.set({ method }, value(s.deliveries.find((d) => d.method === method)));
    }
  };

  const inbound = new Counter({
    name: 'aduan_inbound_messages_total',
    help: 'Messages received from citizens, per channel (including those stopped by the per-sender limits).',
    labelNames: ['channel'],
    registers: [registry],
  });
  const outbound = new Counter({
    name: 'aduan_outbound_messages_total',
    help: 'Send attempts per channel and result: sent, retry (will be tried again), dead (given up).',
    labelNames: ['channel', 'result'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'aduan_delivery_failures_total',
    help: 'Failed send attempts per channel (retry + dead).',
    labelNames: ['channel'],
    registers: [registry],
  });
  const outboxFailed = new Counter({
    name: 'aduan_outbox_failed_total',
    help: 'Messages to citizens that did not arrive, per channel and platform error code: WhatsApp failed statuses, dead-lettered sends (error: no code; blocked: the citizen blocked the bot for 30 days).',
    labelNames: ['channel', 'code'],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'aduan_limited_messages_total',
    help: 'Messages stopped by the per-sender limits before the runtime, per channel and reason.',
    labelNames: ['channel', 'reason'],
    registers: [registry],
  });
  const forwardTries = new Counter({
    name: 'aduan_ticket_delivery_attempts_total',
    help: 'Tries to deliver a ticket to an agency, per method and result: delivered, retry, dead.',
    labelNames: ['method', 'result'],
    registers: [registry],
  });
  const forwardFailures = new Counter({
    name: 'aduan_ticket_delivery_failures_total',
    help: 'Failed ticket delivery tries per method and kind: timeout, transient, rejected, no_destination, no_payload.',
    labelNames: ['method', 'kind'],
    registers: [registry],
  });
  const step = new Histogram({
    name: 'aduan_step_duration_seconds',
    help: 'Time to handle one inbound message: flow step and its SQLite transaction.',
    buckets: STEP_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'aduan_outbox_depth',
    help: 'Messages waiting to be sent (pending or being sent), per channel.',
    labelNames: ['channel'],
    registers: [registry],
    collect() {
      perChannel(this, (o) => o?.depth ?? 0);
    },
  });
  new Gauge({
    name: 'aduan_outbox_oldest_age_seconds',
    help: 'Age of the oldest message waiting to be sent, per channel (0 when none waits).',
    labelNames: ['channel'],
    registers: [registry],
    collect() {
      const now = clock.now();
      perChannel(this, (o) =>
        o?.oldestCreatedAt == null ? 0 : Math.max(0, (now - o.oldestCreatedAt) / 1000),
      );
    },
  });
  new Gauge({
    name: 'aduan_dead_letters',
    help: 'Messages given up on (outbox.status = dead), per channel.',
    labelNames: ['channel'],
    registers: [registry],
    collect() {
      perChannel(this, (o) => o?.dead ?? 0);
    },
  });
  new Gauge({
    name: 'aduan_ticket_delivery_depth',
    help: 'Ticket deliveries to agencies waiting (pending or being sent), per method.',
    labelNames: ['method'],
    registers: [registry],
    collect() {
      perMethod(this, (d) => d?.depth ?? 0);
    },
  });
  new Gauge({
    name: 'aduan_ticket_delivery_oldest_age_seconds',
    help: 'Age of the oldest ticket delivery waiting, per method (0 when none waits).',
    labelNames: ['method'],
    registers: [registry],
    collect() {
      const now = clock.now();
      perMethod(this, (d) =>
        d?.oldestCreatedAt == null ? 0 : Math.max(0, (now - d.oldestCreatedAt) / 1000),
      );
    },
  });
  new Gauge({
    name: 'aduan_ticket_delivery_dead',
    help: 'Ticket deliveries given up on (deliveries.status = dead), per method: redeliver with npm run deliveries.',
    labelNames: ['method'],
    registers: [registry],
    collect() {
      perMethod(this, (d) => d?.dead ?? 0);
    },
  });
  new Gauge({
    name: 'aduan_conversations',
    help: 'Stored conversations by state: active (a complaint in progress), paused, other.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [state, count] of snapshot().conversations) this.set({ state }, count);
    },
  });
  const storageFailures = new Counter({
    name: 'aduan_storage_failures_total',
    help: 'Inbound messages refused because storage failed (disk full, database busy), by SQLite or OS code.',
    labelNames: ['code'],
    registers: [registry],
  });
  if (queries.walBytes) {
    const walBytes = queries.walBytes;
    new Gauge({
      name: 'aduan_sqlite_wal_bytes',
      help: 'Size of the SQLite write-ahead log. It stays small while checkpoints keep up; a steady climb means they do not.',
      registers: [registry],
      collect() {
        this.set(walBytes());
      },
    });
  }
  new Gauge({
    name: 'aduan_tickets',
    help: 'Tickets by status.',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [status, count] of snapshot().tickets) this.set({ status }, count);
    },
  });

  return {
    registry,
    observeStep: (seconds) => step.observe(seconds),
    inbound: (channel) => inbound.inc({ channel }),
    outbound: (channel, result) => {
      outbound.inc({ channel, result });
      if (result !== 'sent') failures.inc({ channel });
    },
    outboxFailed: (channel, code) => outboxFailed.inc({ channel, code }),
    limited: (channel, reason) => limited.inc({ channel, reason }),
    forwarded: (method, result, kind) => {
      forwardTries.inc({ method, result });
      if (kind !== null) forwardFailures.inc({ method, kind });
    },
    storageFailure: (code) => storageFailures.inc({ code }),
  };
}

/** The runtime's `handle`, counted and timed: wrap it once in the composition root. */
export function instrumentHandle<M extends { channel: string }, R>(
  handle: (message: M) => R,
  metrics: Pick<Metrics, 'inbound' | 'observeStep'>,
): (message: M) => R {
  return (message) => {
    metrics.inbound(message.channel);
    const start = process.hrtime.bigint();
    try {
      return handle(message);
    } finally {
      metrics.observeStep(Number(process.hrtime.bigint() - start) / 1e9);
    }
  };
}
