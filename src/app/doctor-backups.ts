// The doctor's check of backups: whether they are encrypted, the key file sound and kept apart from the data.
import { dirname } from 'node:path';
import { BackupKeyError, keyPlacementProblem, readBackupKey } from '../ops/backup-key.js';
import type { Config } from './config.js';
import type { Check } from './doctor-check.js';

const MAKE_KEY =
  'make a key (npm run backup -- --make-key PATH, outside DATA_DIR and BACKUP_DIR) and set BACKUP_KEY_FILE';

export function checkBackups(config: Config): Check {
  const keyFile = config.BACKUP_KEY_FILE;
  const scheduled = config.BACKUP_DIR
    ? `every ${config.BACKUP_EVERY_HOURS} h into ${config.BACKUP_DIR}, ${config.BACKUP_KEEP} kept`
    : 'no scheduled backups (BACKUP_DIR unset)';
  if (!keyFile) {
    return config.BACKUP_DIR
      ? {
          mark: 'warn',
          name: 'backups',
          detail: `${scheduled}, NOT encrypted: whoever copies them can read every complaint`,
          fix: MAKE_KEY,
        }
      : { mark: 'ok', name: 'backups', detail: `${scheduled}; npm run backup writes unencrypted backups` };
  }
  try {
    const key = readBackupKey(keyFile);
    const misplaced = keyPlacementProblem(keyFile, [
      { name: 'DATA_DIR', dir: config.dataDir },
      { name: 'the database folder', dir: dirname(config.dbPath) },
      ...(config.BACKUP_DIR ? [{ name: 'BACKUP_DIR', dir: config.BACKUP_DIR }] : []),
    ]);
    const detail = `${scheduled}; encrypted (AES-256-GCM, key id ${key.id})`;
    return misplaced
      ? {
          mark: 'warn',
          name: 'backups',
          detail: `${detail}, but ${misplaced}`,
          fix: 'move the key file and set BACKUP_KEY_FILE to its new place',
        }
      : { mark: 'ok', name: 'backups', detail };
  } catch (err) {
    if (!(err instanceof BackupKeyError)) throw err;
    return { mark: 'fail', name: 'backups', detail: err.message, fix: MAKE_KEY };
  }
}
