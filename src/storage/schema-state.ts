// A database's applied migrations against this code's list: fresh, current, behind (pending) or from a newer Aduan.
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type SchemaState =
  /** No schema_migrations table, or an empty one: nothing to keep. */
  | { kind: 'fresh' }
  | { kind: 'current'; version: number }
  /** Behind this code: `from` is the newest applied migration, `to` the newest this code knows. */
  | { kind: 'pending'; from: number; to: number; pending: number[] }
  /** Written by a newer Aduan: it has migrations this code does not know. */
  | { kind: 'future'; newestKnown: Migration; newestFound: number; unknown: number[] };

/** Where the README explains what to do with a database from a newer version. */
export const ROLLBACK_SECTION = 'README → "Upgrade and roll back"';

/** Reads the applied migrations (nothing is written) and compares them with `migrations`. */
export function schemaState(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): SchemaState {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .pluck()
    .get();
  const applied =
    hasTable === 1
      ? db
          .prepare('SELECT version FROM schema_migrations ORDER BY version')
          .pluck()
          .all()
          .filter((v): v is number => typeof v === 'number')
      : [];
  const newestKnown = migrations.at(-1);
  const newestApplied = applied.at(-1);
  if (newestApplied === undefined || newestKnown === undefined) return { kind: 'fresh' };
  const known = new Set(migrations.map((m) => m.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length > 0) return { kind: 'future', newestKnown, newestFound: newestApplied, unknown };
  const done = new Set(applied);
  const pending = migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
  return pending.length === 0
    ? { kind: 'current', version: newestApplied }
    : { kind: 'pending', from: newestApplied, to: newestKnown.version, pending };
}

const three = (v: number) => String(v).padStart(3, '0');

/** Which migrations are unknown, and the newest known and found (for the refusal and the doctor). */
export function futureDetail(state: Extract<SchemaState, { kind: 'future' }>): string {
  return (
    `it has migration(s) ${state.unknown.map(three).join(', ')} that this version does not know (the newest it ` +
    `knows is ${three(state.newestKnown.version)} ${state.newestKnown.name}; the database's newest is ` +
    `${three(state.newestFound)})`
  );
}

/** What to do about a database from a newer Aduan. */
export const FUTURE_FIX =
  'start the newer version again, or roll back properly: stop, restore the pre-upgrade backup with npm run ' +
  `restore, then start this version (${ROLLBACK_SECTION})`;

/** A database from a newer Aduan: refused before anything is migrated or written. */
export class FutureDatabaseError extends Error {
  constructor(readonly state: Extract<SchemaState, { kind: 'future' }>) {
    super(
      `✗ this database was written by a newer Aduan: ${futureDetail(state)}. Nothing was changed. To fix: ${FUTURE_FIX}.`,
    );
    this.name = 'FutureDatabaseError';
  }
}

/** A database with data and pending migrations opened before its pre-upgrade backup was taken (or switched off). */
export class UpgradeNotClearedError extends Error {
  constructor(readonly state: Extract<SchemaState, { kind: 'pending' }>) {
    super(
      `✗ this database needs migrations ${state.pending.map(three).join(', ')} and holds data: it is upgraded only ` +
        'by npm start or an operator command, which back it up first (UPGRADE_BACKUP)',
    );
    this.name = 'UpgradeNotClearedError';
  }
}
