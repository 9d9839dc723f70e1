// Opens the SQLite database with the production pragmas and applies the numbered migrations in order.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export type Synchronous = 'OFF' | 'NORMAL' | 'FULL';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Migration = { version: number; name: string; sql: string };

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .flatMap((file) => {
      const m = /^(\d{3})-([\w-]+)\.sql$/.exec(file);
      return m
        ? [{ version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') }]
        : [];
    })
    .sort((a, b) => a.version - b.version);
}

/**
 * WAL with synchronous=NORMAL by default: a committed transaction survives the process being killed at any point
 * (the WAL is written before commit returns); only an OS crash or power loss may drop the last commits.
 * Operators who want that too set SQLITE_SYNCHRONOUS=FULL.
 */
export function openDb(path: string, synchronous: Synchronous = 'NORMAL'): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db, migrations = loadMigrations()): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    applied.push(m.version);
  }
  return applied;
}
