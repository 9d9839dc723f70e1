// Ticket delivery metrics: depth, oldest age and dead letters per method at scrape time, tries and failures counted.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Db } from '../../src/storage/db.js';
import { Deliveries } from '../../src/storage/deliveries.js';
import { sqliteMetricsQueries } from '../../src/storage/metrics-queries.js';
import { T0, queueTickets, tempDb } from './fixtures.js';

function sample(text: string, series: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return null;
}

describe('ticket delivery metrics', () => {
  let db: Db;
  afterEach(() => db.close());

  it('reads depth, oldest age and dead letters per method; a method that emptied reports 0', async () => {
    db = tempDb().db;
    const d = new Deliveries(db);
    const clock = new ManualClock(T0 + 90_000);
    queueTickets(d, db, 2, { agencyId: 'pupr-bjm', destinationId: 'hook', method: 'webhook' });
    queueTickets(d, db, 1, { agencyId: 'pupr-bjm', destinationId: 'mail', method: 'email' }, T0 + 30_000);
    const [first] = d.listWaiting();
    d.claim(first?.id ?? 0, T0 + 60_000);
    d.dead(first?.id ?? 0, 'HTTP 404');
    const m = createMetrics(sqliteMetricsQueries(db, d), {
      clock,
      minQueryIntervalMs: 0,
      defaultMetrics: false,
    });
    const text = await m.registry.metrics();
    expect(sample(text, 'aduan_ticket_delivery_depth{method="webhook"}')).toBe(1);
    expect(sample(text, 'aduan_ticket_delivery_depth{method="email"}')).toBe(1);
    expect(sample(text, 'aduan_ticket_delivery_oldest_age_seconds{method="webhook"}')).toBe(90);
    expect(sample(text, 'aduan_ticket_delivery_oldest_age_seconds{method="email"}')).toBe(60);
    expect(sample(text, 'aduan_ticket_delivery_dead{method="webhook"}')).toBe(1);

    const [, mail] = d.listWaiting();
    d.claim(mail?.id ?? 0, T0 + 60_000);
    d.delivered(mail?.id ?? 0, null, T0 + 90_000);
    const later = await m.registry.metrics();
    expect(sample(later, 'aduan_ticket_delivery_depth{method="email"}')).toBe(0);
    expect(sample(later, 'aduan_ticket_delivery_oldest_age_seconds{method="email"}')).toBe(0);
  });

  it('counts tries by result and failures by kind', async () => {
    db = tempDb().db;
    const m = createMetrics(sqliteMetricsQueries(db), { defaultMetrics: false });
    m.forwarded('webhook', 'retry', 'timeout');
    m.forwarded('webhook', 'retry', 'transient');
    m.forwarded('webhook', 'delivered', null);
    m.forwarded('open311', 'dead', 'rejected');
    const text = await m.registry.metrics();
    expect(sample(text, 'aduan_ticket_delivery_attempts_total{method="webhook",result="retry"}')).toBe(2);
    expect(sample(text, 'aduan_ticket_delivery_attempts_total{method="webhook",result="delivered"}')).toBe(1);
    expect(sample(text, 'aduan_ticket_delivery_failures_total{method="webhook",kind="timeout"}')).toBe(1);
    expect(sample(text, 'aduan_ticket_delivery_failures_total{method="open311",kind="rejected"}')).toBe(1);
    expect(text).not.toContain('aduan_ticket_delivery_depth{');
  });
});
