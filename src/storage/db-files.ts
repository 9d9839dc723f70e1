// The database as a file: what it holds, whether its pages are sound, an online copy, and whether a process has it open.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { Db } from './db.js';

/** What a database file holds, read on a connection the caller owns. */
export type DbFacts = {
  schemaVersion: number;
  migrations: number[];
  counts: { tickets: number; conversations: number; attachments: number };
  attachmentShas: string[];
};

const count = (db: Db, table: string): number => {
  const n = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return typeof n === 'number' ? n : 0;
};

export function dbFacts(db: Db): DbFacts {
  const migrations = db
    .prepare('SELECT version FROM schema_migrations ORDER BY version')
    .pluck()
    .all()
    .filter((v): v is number => typeof v === 'number');
  return {
    schemaVersion: migrations.length > 0 ? Math.max(...migrations) : 0,
    migrations,
    counts: {
      tickets: count(db, 'tickets'),
      conversations: count(db, 'conversations'),
      attachments: count(db, 'attachments'),
    },
    attachmentShas: db
      .prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256')
      .pluck()
      .all()
      .filter((v): v is string => typeof v === 'string'),
  };
}

/** `PRAGMA integrity_check` (or quick_check): the list of problems, empty when the file is sound. */
export function integrityProblems(db: Db, quick = false): string[] {
  const rows = db
    .prepare(quick ? 'PRAGMA quick_check' : 'PRAGMA integrity_check')
    .pluck()
    .all()
    .map(String);
  return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
}

async function removeDbFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
}

export type BackupStep = { totalPages: number; remainingPages: number; restarted: boolean };

export type DbCopyOptions = {
  /** Pages copied per step; the event loop runs between steps. */
  pagesPerStep?: number;
  /** Called between steps (tests write to the database here). */
  onStep?: (step: BackupStep) => void;
};

/**
 * Copies the live database with SQLite's backup API, a consistent snapshot while the service keeps writing.
 * Small steps let the service run in between; a write by another connection restarts the copy, and after the
 * first restart the rest is copied in one step (a single read transaction in WAL mode never blocks writers), so
 * a busy service cannot starve the backup. The copy is switched to journal_mode=DELETE: one self-contained file.
 */
export async function copyDatabase(db: Db, destFile: string, opts: DbCopyOptions = {}): Promise<DbFacts> {
  const partial = `${destFile}.partial`;
  await removeDbFiles(partial);
  let last = Number.POSITIVE_INFINITY;
  let oneGo = false;
  await db.backup(partial, {
    progress: ({ totalPages, remainingPages }) => {
      const restarted = remainingPages > last;
      last = remainingPages;
      if (restarted) oneGo = true;
      opts.onStep?.({ totalPages, remainingPages, restarted });
      return oneGo ? 0x7fffffff : (opts.pagesPerStep ?? 1000);
    },
  });
  const copy = new Database(partial, { fileMustExist: true });
  let facts: DbFacts;
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = integrityProblems(copy);
    if (problems.length > 0)
      throw new Error(`the copy fails integrity_check: ${problems.slice(0, 5).join('; ')}`);
    facts = dbFacts(copy);
  } finally {
    copy.close();
  }
  await removeDbFiles(destFile);
  await rename(partial, destFile);
  return facts;
}

/** Opens the live database for a backup from another process: no migrations, waits for the service's writes. */
export function openLiveDb(path: string): Db {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Opens a database file read-only (a backup to verify, the doctor's look at the live file). */
export function openReadonlyDb(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A database file's problems (integrity_check) and, when sound, its facts; the file is opened read-only. */
export function inspectDbFile(path: string): { problems: string[]; facts: DbFacts | null } {
  const db = openReadonlyDb(path);
  try {
    const problems = integrityProblems(db);
    return { problems, facts: problems.length === 0 ? dbFacts(db) : null };
  } finally {
    db.close();
  }
}

/**
 * Whether the database is open in any process, asked of SQLite itself: a connection in
 * `locking_mode=EXCLUSIVE` must take the WAL's exclusive lock, which fails while any other connection (the
 * service, `npm run chat`, a backup, even in this process) has the database open. The locks are the same
 * fcntl locks SQLite uses, so a crashed process leaves none behind (unlike a pid file), and the answer does not
 * depend on PORT, HOST or the port being free for another reason.
 */
export function databaseInUse(dbPath: string): boolean {
  if (!existsSync(dbPath)) return false;
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if (err instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(err.code)) return true;
    // A damaged file (what a restore is often for) cannot be asked; the port check still runs.
    if (err instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(err.code)) return false;
    throw err;
  } finally {
    db.close();
  }
}
