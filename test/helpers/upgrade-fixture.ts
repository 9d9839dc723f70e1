// The previous release's database (test/fixtures/upgrade, made by scripts/make-upgrade-fixture.ts) unpacked into a
// fresh data folder, and what a database holds, read table by table to compare one with another.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { z } from 'zod';

const DIR = resolve('test/fixtures/upgrade');
/** The release the fixture was made with: the previous tagged version. */
export const PREVIOUS = 'v0.1.0';

export const Made = z.object({
  version: z.string(),
  commit: z.string(),
  accounts: z.array(z.object({ username: z.string(), role: z.string(), agencies: z.array(z.string()) })),
  tickets: z.array(
    z.object({
      number: z.string(),
      sender: z.string(),
      identity: z.enum(['biasa', 'rahasia', 'anonim']),
      photo: z.boolean(),
    }),
  ),
  answered: z.record(z.string(), z.array(z.string())),
});
export type Made = z.infer<typeof Made>;

export type Unpacked = { dataDir: string; dbPath: string; made: Made };

/** A data folder holding the fixture's database and its attachment files, as that release left them. */
export function unpackFixture(): Unpacked {
  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-upgrade-'));
  const dbPath = join(dataDir, 'aduan.db');
  writeFileSync(dbPath, gunzipSync(readFileSync(join(DIR, `${PREVIOUS}.sqlite.gz`))));
  const attachments = join(DIR, `${PREVIOUS}-attachments`);
  if (existsSync(attachments)) cpSync(attachments, join(dataDir, 'attachments'), { recursive: true });
  const made = Made.parse(JSON.parse(readFileSync(join(DIR, `${PREVIOUS}.json`), 'utf8')));
  return { dataDir, dbPath, made };
}

function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every table's rows (in a stable order), by table name. */
export function tablesOf(path: string): Record<string, string[]> {
  return readOnly(path, (db) => {
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all()
      .map(String);
    return Object.fromEntries(
      names.map((name) => [
        name,
        db
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  });
}

/** The schema: every table, index, trigger and view with its SQL. */
export function schemaOf(path: string): string[] {
  return readOnly(path, (db) =>
    db
      .prepare(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name",
      )
      .pluck()
      .all()
      .map(String),
  );
}

/** The applied migrations, in order. */
export function migrationsOf(path: string): number[] {
  return readOnly(path, (db) =>
    db
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .pluck()
      .all()
      .filter((v): v is number => typeof v === 'number'),
  );
}
