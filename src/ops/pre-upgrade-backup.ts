// The backup taken before migrations run on a database that holds data: `npm run backup`'s code, kept apart, never pruned.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openLiveDb } from '../storage/db-files.js';
import { FutureDatabaseError, type SchemaState, schemaState } from '../storage/schema-state.js';
import { readBackupKey } from './backup-key.js';
import { ATTACHMENTS_DIR, type Manifest, backup } from './backup.js';

export type PreUpgradeOptions = {
  dbPath: string;
  /** DATA_DIR: the attachments are under DATA_DIR/attachments. */
  dataDir: string;
  /** The folder of pre-upgrade backups (BACKUP_DIR/pre-upgrade, or DATA_DIR/pre-upgrade without BACKUP_DIR). */
  dir: string;
  /** false (UPGRADE_BACKUP=off): the operator snapshots the disk; migrations run without a backup. */
  enabled: boolean;
  /** The newest scheduled backup, whose attachment files are hard-linked instead of copied when they match. */
  reuse?: string;
  /** BACKUP_KEY_FILE: the backup is encrypted like the others (read only when a backup is taken). */
  keyFile?: string;
  now?: () => Date;
};

export type PreUpgradeOutcome =
  | Extract<SchemaState, { kind: 'fresh' | 'current' }>
  | { kind: 'skipped'; from: number; to: number }
  /** `ms`: how long the backup took (wall time). */
  | { kind: 'backed-up'; from: number; to: number; path: string; manifest: Manifest; ms: number };

/** The pre-upgrade backup could not be written: the migrations did not run. */
export class PreUpgradeBackupError extends Error {
  constructor(dir: string, cause: unknown) {
    super(
      `✗ the backup before the upgrade could not be written into ${dir} (${cause instanceof Error ? cause.message : String(cause)}); ` +
        'the migrations did not run and nothing was changed. Free space or fix the folder (BACKUP_DIR), then start ' +
        'again; or, when the disk is snapshotted otherwise, set UPGRADE_BACKUP=off',
      { cause },
    );
    this.name = 'PreUpgradeBackupError';
  }
}

/** UTC, `20261207T064500Z`: the letters keep the logs' phone and NIK scrubbing off the name. */
const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** `aduan-schema-34-to-41-20261207T064500Z`: the newest migration before and after, and when (UTC). */
export function preUpgradeName(from: number, to: number, at: Date): string {
  return `aduan-schema-${from}-to-${to}-${stamp(at)}`;
}

/**
 * Looks at the database without migrating it. A database from a newer Aduan is refused (FutureDatabaseError); one
 * with data and pending migrations is backed up first into `dir/<name>` (written as `.<name>.partial`, renamed when
 * complete), unless switched off. A missing or empty database needs nothing.
 */
export async function backupBeforeUpgrade(opts: PreUpgradeOptions): Promise<PreUpgradeOutcome> {
  if (!existsSync(opts.dbPath)) return { kind: 'fresh' };
  const db = openLiveDb(opts.dbPath);
  try {
    const state = schemaState(db);
    if (state.kind === 'future') throw new FutureDatabaseError(state);
    if (state.kind !== 'pending') return state;
    const { from, to } = state;
    if (!opts.enabled) return { kind: 'skipped', from, to };
    const now = opts.now ?? (() => new Date());
    const base = preUpgradeName(from, to, now());
    let name = base;
    for (let i = 2; existsSync(join(opts.dir, name)); i++) name = `${base}-${i}`;
    const partial = join(opts.dir, `.${name}.partial`);
    const started = Date.now();
    try {
      const key = opts.keyFile ? readBackupKey(opts.keyFile) : null;
      await mkdir(opts.dir, { recursive: true });
      await rm(partial, { recursive: true, force: true });
      const { manifest } = await backup({
        db,
        attachmentsDir: join(opts.dataDir, ATTACHMENTS_DIR),
        dest: partial,
        now,
        reuse: opts.reuse,
        encryption: key ? { key, scratchDir: dirname(opts.dbPath) } : undefined,
      });
      await rename(partial, join(opts.dir, name));
      return { kind: 'backed-up', from, to, path: join(opts.dir, name), manifest, ms: Date.now() - started };
    } catch (err) {
      await rm(partial, { recursive: true, force: true }).catch(() => {});
      throw new PreUpgradeBackupError(opts.dir, err);
    }
  } finally {
    db.close();
  }
}
