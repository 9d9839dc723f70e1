// Every statement the repositories prepare, planned by SQLite: none reads a table that grows with use (messages,
// tickets, deliveries…) row by row. Such a scan is fast in tests and costs more each day in production.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';

/** Tables with a row per message, ticket, event or file: never scanned without an index. */
const GROWING = [
  'outbox',
  'inbound_messages',
  'conversations',
  'tickets',
  'complaints',
  'deliveries',
  'attachments',
  'ticket_events',
  'ticket_notes',
  'ticket_links',
  'officer_notifications',
  'audit_log',
];

/** The statements `createStore` prepares, in order. */
function preparedStatements(): { db: Database.Database; sql: string[] } {
  const db = new Database(':memory:');
  migrate(db);
  const sql: string[] = [];
  const prepare = db.prepare.bind(db);
  const recording = Object.create(db, {
    prepare: {
      value: (source: string) => {
        sql.push(source);
        return prepare(source);
      },
    },
  });
  createStore(recording);
  return { db, sql };
}

function plan(db: Database.Database, sql: string): string[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = [...new Set(sql.match(/@\w+/g) ?? [])].map((n) => n.slice(1));
  const rows: unknown[] =
    named.length > 0
      ? stmt.all(Object.fromEntries(named.map((n) => [n, null])))
      : stmt.all(...Array<null>((sql.match(/\?/g) ?? []).length).fill(null));
  return rows.flatMap((r) =>
    r && typeof r === 'object' && 'detail' in r && typeof r.detail === 'string' ? [r.detail] : [],
  );
}

describe('query plans', () => {
  it('reads no growing table row by row in any statement the repositories prepare', () => {
    const { db, sql } = preparedStatements();
    expect(sql.length).toBeGreaterThan(200);
    const scans = sql.flatMap((s) => {
      // "SCAN t" alone: every row of the table; "SCAN t USING INDEX i" reads an index (a partial one: few rows).
      const full = plan(db, s).filter((d) => /^SCAN \w+$/.test(d));
      return full.length > 0 ? [{ sql: s.replace(/\s+/g, ' ').slice(0, 160), plan: full }] : [];
    });
    // An alias in the plan names the table through the statement: resolve it before judging.
    const offending = scans.filter(({ sql: s, plan: p }) =>
      p.some((d) => {
        const name = d.slice('SCAN '.length);
        const alias = new RegExp(`\\b(\\w+)\\s+(?:AS\\s+)?${name}\\b`, 'i').exec(s);
        const table = GROWING.includes(name) ? name : (alias?.[1] ?? name);
        return GROWING.includes(table);
      }),
    );
    expect(offending).toEqual([]);
  });
});
