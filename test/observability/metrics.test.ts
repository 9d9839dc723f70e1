// The metrics registry: counters, the step histogram, scrape-time gauges from SQLite, and GET /metrics.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { intakeMachine } from '../../flows/intake.js';
import { ManualClock } from '../../src/clock.js';
import { metricsRoutes } from '../../src/observability/metrics-routes.js';
import {
  ACTIVE_CONVERSATION_STATES,
  conversationBucket,
  createMetrics,
  instrumentHandle,
} from '../../src/observability/metrics.js';
import type { MetricsQueries, OutboxStats } from '../../src/ports/metrics.js';
import { sqliteMetricsQueries } from '../../src/storage/metrics-queries.js';
import { Harness, T0 } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

/** The value of one sample line, e.g. `aduan_tickets{status="baru"}`. */
function sample(text: string, series: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return null;
}

function fakeQueries(outbox: OutboxStats[]) {
  const calls = { outbox: 0, states: 0, statuses: 0 };
  const queries: MetricsQueries = {
    outbox: () => {
      calls.outbox++;
      return outbox;
    },
    conversationStates: () => {
      calls.states++;
      return [
        { state: 'story', count: 2 },
        { state: 'asking', count: 3 },
        { state: 'paused', count: 1 },
        { state: 'submitted', count: 4 },
        { state: 'idle', count: 1 },
      ];
    },
    ticketStatuses: () => {
      calls.statuses++;
      return [{ status: 'baru', count: 7 }];
    },
  };
  return { queries, calls };
}

describe('metrics', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });

  it('counts inbound and outbound messages, failures, limited messages and step durations', async () => {
    const m = createMetrics(fakeQueries([]).queries, { defaultMetrics: false });
    m.inbound('telegram');
    m.inbound('telegram');
    m.inbound('web');
    m.outbound('telegram', 'sent');
    m.outbound('telegram', 'retry');
    m.outbound('telegram', 'dead');
    m.limited('telegram', 'rate');
    m.observeStep(0.0003);
    m.observeStep(0.002);
    m.observeStep(0.7);
    const text = await m.registry.metrics();
    expect(sample(text, 'aduan_inbound_messages_total{channel="telegram"}')).toBe(2);
    expect(sample(text, 'aduan_inbound_messages_total{channel="web"}')).toBe(1);
    expect(sample(text, 'aduan_outbound_messages_total{channel="telegram",result="sent"}')).toBe(1);
    expect(sample(text, 'aduan_outbound_messages_total{channel="telegram",result="retry"}')).toBe(1);
    expect(sample(text, 'aduan_outbound_messages_total{channel="telegram",result="dead"}')).toBe(1);
    expect(sample(text, 'aduan_delivery_failures_total{channel="telegram"}')).toBe(2);
    expect(sample(text, 'aduan_limited_messages_total{channel="telegram",reason="rate"}')).toBe(1);
    expect(sample(text, 'aduan_step_duration_seconds_bucket{le="0.0005"}')).toBe(1);
    expect(sample(text, 'aduan_step_duration_seconds_bucket{le="0.0025"}')).toBe(2);
    expect(sample(text, 'aduan_step_duration_seconds_bucket{le="0.5"}')).toBe(2);
    expect(sample(text, 'aduan_step_duration_seconds_bucket{le="+Inf"}')).toBe(3);
    expect(sample(text, 'aduan_step_duration_seconds_count')).toBe(3);
  });

  it('reads the gauges at scrape time, once per interval, and reports 0 for a channel that emptied', async () => {
    const clock = new ManualClock(T0);
    const outbox: OutboxStats[] = [
      { channel: 'telegram', depth: 5, oldestCreatedAt: T0 - 30_000, dead: 2 },
      { channel: 'wacloud', depth: 1, oldestCreatedAt: T0 - 1000, dead: 0 },
    ];
    const { queries, calls } = fakeQueries(outbox);
    const m = createMetrics(queries, { clock, minQueryIntervalMs: 5000, defaultMetrics: false });
    expect(calls.outbox).toBe(0);
    const first = await m.registry.metrics();
    expect(calls).toEqual({ outbox: 1, states: 1, statuses: 1 });
    expect(sample(first, 'aduan_outbox_depth{channel="telegram"}')).toBe(5);
    expect(sample(first, 'aduan_outbox_oldest_age_seconds{channel="telegram"}')).toBe(30);
    expect(sample(first, 'aduan_dead_letters{channel="telegram"}')).toBe(2);
    expect(sample(first, 'aduan_outbox_depth{channel="wacloud"}')).toBe(1);
    expect(sample(first, 'aduan_conversations{state="active"}')).toBe(5);
    expect(sample(first, 'aduan_conversations{state="paused"}')).toBe(1);
    expect(sample(first, 'aduan_conversations{state="other"}')).toBe(5);
    expect(sample(first, 'aduan_tickets{status="baru"}')).toBe(7);
    expect(sample(first, 'aduan_tickets{status="selesai"}')).toBe(0);

    clock.advance(1000);
    await m.registry.metrics();
    expect(calls.outbox).toBe(1);

    outbox.splice(1, 1);
    clock.advance(5000);
    const later = await m.registry.metrics();
    expect(calls.outbox).toBe(2);
    expect(sample(later, 'aduan_outbox_depth{channel="wacloud"}')).toBe(0);
    expect(sample(later, 'aduan_outbox_oldest_age_seconds{channel="wacloud"}')).toBe(0);
    expect(sample(later, 'aduan_outbox_oldest_age_seconds{channel="telegram"}')).toBe(36);
  });

  it("keeps the active states in step with the intake machine's states", () => {
    const states = Object.keys(intakeMachine.config.states ?? {});
    for (const s of ACTIVE_CONVERSATION_STATES) expect(states).toContain(s);
    expect(states).toContain('paused');
    expect(conversationBucket('asking')).toBe('active');
    expect(conversationBucket('paused')).toBe('paused');
    expect(conversationBucket('submitted')).toBe('other');
    expect(conversationBucket('new')).toBe('other');
  });

  it('computes outbox, conversation and ticket gauges from the real SQLite schema', async () => {
    h = new Harness();
    const dialogue = DIALOGUES[0];
    if (!dialogue) throw new Error('no dialogue');
    for (const turn of dialogue.turns) if ('say' in turn) h.say('citizen-a', turn.say);
    h.say('citizen-b', 'halo');
    const { store } = h.core;
    const conv = store.conversations.find('simulate', 'citizen-b');
    if (!conv) throw new Error('no conversation');
    const message = { text: 'x', choices: [], expecting: 'none' as const };
    store.outbox.add(conv.id, 'telegram', 'c1', null, message, T0 - 60_000);
    store.outbox.add(conv.id, 'telegram', 'c1', null, message, T0);
    const dead = store.outbox.add(conv.id, 'wacloud', 'c2', null, message, T0);
    store.outbox.markDead(dead, 'gone');

    const queries = sqliteMetricsQueries(h.core.db);
    expect(queries.outbox().sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: 'telegram', depth: 2, oldestCreatedAt: T0 - 60_000, dead: 0 },
      { channel: 'wacloud', depth: 0, oldestCreatedAt: null, dead: 1 },
    ]);
    const m = createMetrics(queries, { clock: h.clock, defaultMetrics: false });
    const text = await m.registry.metrics();
    expect(sample(text, 'aduan_outbox_depth{channel="telegram"}')).toBe(2);
    expect(sample(text, 'aduan_outbox_oldest_age_seconds{channel="telegram"}')).toBe(60);
    expect(sample(text, 'aduan_dead_letters{channel="wacloud"}')).toBe(1);
    expect(sample(text, 'aduan_tickets{status="baru"}')).toBe(1);
    // citizen-a filed (submitted: other), citizen-b is at the consent question (active).
    expect(sample(text, 'aduan_conversations{state="active"}')).toBe(1);
    expect(sample(text, 'aduan_conversations{state="other"}')).toBe(1);
    expect(text).not.toContain('aduan_sqlite_wal_bytes'); // no database file named

    // With the file named, the WAL's size: the writes above are in it until a checkpoint.
    const withWal = createMetrics(sqliteMetricsQueries(h.core.db, undefined, join(h.dir, 'aduan.db')), {
      clock: h.clock,
      defaultMetrics: false,
    });
    const walBytes = sample(await withWal.registry.metrics(), 'aduan_sqlite_wal_bytes');
    expect(walBytes).toBe(statSync(join(h.dir, 'aduan.db-wal')).size);
    expect(walBytes).toBeGreaterThan(0);
  });

  it("times and counts the runtime's handle, also when it throws", async () => {
    const m = createMetrics(fakeQueries([]).queries, { defaultMetrics: false });
    const handle = instrumentHandle((msg: { channel: string; boom?: boolean }) => {
      if (msg.boom) throw new Error('boom');
      return 1;
    }, m);
    expect(handle({ channel: 'web' })).toBe(1);
    expect(() => handle({ channel: 'web', boom: true })).toThrow('boom');
    const text = await m.registry.metrics();
    expect(sample(text, 'aduan_inbound_messages_total{channel="web"}')).toBe(2);
    expect(sample(text, 'aduan_step_duration_seconds_count')).toBe(2);
  });

  it('serves GET /metrics in the Prometheus text format with the process metrics, optionally behind a token', async () => {
    const m = createMetrics(fakeQueries([]).queries);
    const open = metricsRoutes(m.registry);
    const res = await open.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE aduan_step_duration_seconds histogram');
    expect(text).toContain('# TYPE aduan_outbox_depth gauge');
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_heap_size_used_bytes');

    const closed = metricsRoutes(m.registry, { token: 's3cret-token' });
    expect((await closed.request('/metrics')).status).toBe(401);
    const wrong = await closed.request('/metrics', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await closed.request('/metrics', { headers: { authorization: 'Bearer s3cret-token' } });
    expect(right.status).toBe(200);
  });
});
