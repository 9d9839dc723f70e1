// Opens the SQLite database with the production pragmas and applies the numbered migrations in order.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { FutureDatabaseError, UpgradeNotClearedError, schemaState } from './schema-state.js';

export type Db = Database.Database;

export type Synchronous = 'OFF' | 'NORMAL' | 'FULL';

export type OpenOptions = {
  /**
   * Migrations may run on a database that holds data: its pre-upgrade backup was taken, or switched off
   * (src/app/upgrade-step.ts). Without it such a database is refused; a fresh one always migrates.
   */
  upgradeCleared?: boolean;
};

/**
 * WAL with synchronous=NORMAL by default: a committed transaction survives the process being killed at any point
 * (the WAL is written before commit returns); only an OS crash or power loss may drop the last commits.
 * Operators who want that too set SQLITE_SYNCHRONOUS=FULL.
 */
export function openDb(path: string, synchronous: Synchronous = 'NORMAL', opts: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  // Before any pragma that could write: a database from a newer Aduan, or one not yet backed up, is left as it is.
  const state = schemaState(db);
  if (state.kind === 'future' || (state.kind === 'pending' && !opts.upgradeCleared)) {
    db.close();
    throw state.kind === 'future' ? new FutureDatabaseError(state) : new UpgradeNotClearedError(state);
  }
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  // Checkpoint the WAL every ~40 MB instead of every 4 MB: ten times fewer commits pay for a checkpoint, and the
  // WAL file is truncated back after each one.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  migrate(db);
  return db;
}

/** Applies the migrations `db` lacks, in order; forward only: one this list does not know is refused, never undone. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const state = schemaState(db, migrations);
  if (state.kind === 'future') throw new FutureDatabaseError(state);
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    // A table rebuild that others reference: foreign keys off around its transaction, checked before it commits.
    const keysWereOn = m.foreignKeysOff === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (keysWereOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        const broken = m.foreignKeysOff ? db.pragma('foreign_key_check') : [];
        if (Array.isArray(broken) && broken.length > 0)
          throw new Error(`migration ${m.version} (${m.name}) left rows whose foreign keys point nowhere`);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      })();
    } finally {
      if (keysWereOn) db.pragma('foreign_keys = ON');
    }
    applied.push(m.version);
  }
  return applied;
}

/** The migrations a database has applied, read-only; null when it has no schema_migrations (not an Aduan database). */
export function appliedMigrations(db: Db): Set<number> | null {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .pluck()
    .get();
  if (hasTable !== 1) return null;
  return new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .filter((v): v is number => typeof v === 'number'),
  );
}

/** The agencies that have at least one enabled officer account. */
export function agenciesWithAccounts(db: Db): Set<string> {
  return new Set(
    db
      .prepare(
        'SELECT DISTINCT oa.agency_id FROM officer_agencies oa JOIN officers o ON o.id = oa.officer_id WHERE o.disabled_at IS NULL',
      )
      .pluck()
      .all()
      .filter((a): a is string => typeof a === 'string'),
  );
}

/** The SQLite library better-sqlite3 was built with, read from an in-memory database (the native addon loads). */
export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version()').pluck().get());
  } finally {
    db.close();
  }
}
