// The metrics' scrape-time queries over the service's SQLite database (outbox, conversations, tickets, the WAL).
import { statSync } from 'node:fs';
import { z } from 'zod';
import type { DeliveryStats, MetricsQueries, OutboxStats } from '../ports/metrics.js';

/** A database handle: better-sqlite3's `Database` fits (only `prepare(...).all()` is used). */
export type QueryDb = { prepare(sql: string): { all(...params: unknown[]): unknown[] } };

const OutboxRow = z.object({
  channel: z.string(),
  depth: z.number().nullable(),
  oldest: z.number().nullable(),
  dead: z.number().nullable(),
});
const StateRow = z.object({ state: z.string(), count: z.number() });
const StatusRow = z.object({ status: z.string(), count: z.number() });

/**
 * The scrape-time queries over the service's SQLite database. Waiting messages are read through the partial
 * index `outbox_active` (otherwise SQLite groups by `outbox_chat` and reads every row). Dead letters and conversation
 * states need the indexes `outbox_dead` and `conversations_state` to stay cheap: without them each scrape scans
 * both tables (about 300 ms with 100,000 conversations and 500,000 outbox rows; about 10 ms with them).
 */
export function sqliteMetricsQueries(
  db: QueryDb,
  /** store.deliveries: the ticket delivery gauges (its stats read the partial indexes of migration 005). */
  deliveries?: { stats(): DeliveryStats[] },
  /** The database file: its `-wal` file's size is a gauge (not for `:memory:`). */
  dbPath?: string,
): MetricsQueries {
  const waiting = db.prepare(
    `SELECT channel, COUNT(*) AS depth, MIN(created_at) AS oldest, 0 AS dead FROM outbox INDEXED BY outbox_active
     WHERE status IN ('pending', 'sending') GROUP BY channel`,
  );
  const dead = db.prepare(
    `SELECT channel, 0 AS depth, NULL AS oldest, COUNT(*) AS dead FROM outbox WHERE status = 'dead' GROUP BY channel`,
  );
  const states = db.prepare('SELECT state, COUNT(*) AS count FROM conversations GROUP BY state');
  const statuses = db.prepare('SELECT status, COUNT(*) AS count FROM tickets GROUP BY status');
  return {
    outbox() {
      const byChannel = new Map<string, OutboxStats>();
      for (const raw of [...waiting.all(), ...dead.all()]) {
        const r = OutboxRow.parse(raw);
        const o = byChannel.get(r.channel) ?? {
          channel: r.channel,
          depth: 0,
          oldestCreatedAt: null,
          dead: 0,
        };
        o.depth += r.depth ?? 0;
        o.dead += r.dead ?? 0;
        if (r.oldest !== null) o.oldestCreatedAt = r.oldest;
        byChannel.set(r.channel, o);
      }
      return [...byChannel.values()];
    },
    conversationStates: () => states.all().map((r) => StateRow.parse(r)),
    ticketStatuses: () => statuses.all().map((r) => StatusRow.parse(r)),
    ...(deliveries ? { deliveries: () => deliveries.stats() } : {}),
    ...(dbPath && dbPath !== ':memory:' ? { walBytes: () => fileSize(`${dbPath}-wal`) } : {}),
  };
}

/** A file's size in bytes; 0 when it does not exist (SQLite removes the WAL on a clean close). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
