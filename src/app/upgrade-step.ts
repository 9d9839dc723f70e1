// Before the database is opened for work: refuse one from a newer Aduan, back up one that migrations will change.
import { join } from 'node:path';
import { listBackups } from '../ops/backup.js';
import {
  PreUpgradeBackupError,
  type PreUpgradeOutcome,
  backupBeforeUpgrade,
} from '../ops/pre-upgrade-backup.js';
import { FutureDatabaseError } from '../storage/schema-state.js';
import type { Config } from './config.js';

/** Where pre-upgrade backups go: apart from the scheduled ones, which BACKUP_KEEP prunes; these are never pruned. */
export function preUpgradeDir(config: Config): string {
  return join(config.BACKUP_DIR ?? config.dataDir, 'pre-upgrade');
}

/**
 * Runs the step for `config`: the newest scheduled backup lends its attachment files (hard links). It throws what
 * `refusesToStart` recognises when the database must be left alone.
 */
export async function upgradeStep(config: Config, now?: () => Date): Promise<PreUpgradeOutcome> {
  const backups = config.BACKUP_DIR;
  const newest = backups
    ? await listBackups(backups).then(
        (all) => all.at(-1),
        () => undefined,
      )
    : undefined;
  return backupBeforeUpgrade({
    dbPath: config.dbPath,
    dataDir: config.dataDir,
    dir: preUpgradeDir(config),
    enabled: config.UPGRADE_BACKUP === 'on',
    reuse: backups && newest ? join(backups, newest) : undefined,
    keyFile: config.BACKUP_KEY_FILE,
    now,
  });
}

/** What the step did, in one line for the log or a command's stderr (paths and versions only); null for nothing. */
export function upgradeLine(outcome: PreUpgradeOutcome): string | null {
  if (outcome.kind === 'backed-up') {
    const c = outcome.manifest.counts;
    return (
      `pre-upgrade backup written to ${outcome.path} in ${outcome.ms} ms (migration ${outcome.from} → ${outcome.to}; ` +
      `${c.tickets} tickets, ${c.attachmentFiles} attachment files${outcome.manifest.encryption ? ', encrypted' : ''}); ` +
      'never pruned: delete it once the upgrade is confirmed'
    );
  }
  if (outcome.kind === 'skipped')
    return `UPGRADE_BACKUP=off: migrating ${outcome.from} → ${outcome.to} without a backup (the disk's snapshot is yours)`;
  return null;
}

/** A database from a newer Aduan, or a pre-upgrade backup that failed: the message says what to do; exit 2. */
export const refusesToStart = (err: unknown): err is FutureDatabaseError | PreUpgradeBackupError =>
  err instanceof FutureDatabaseError || err instanceof PreUpgradeBackupError;
