// Runs an operators' command against the configured database: prints its lines and sets the exit code
// (2 for a configuration or usage error, or a database it must not touch; 1 for anything else that went wrong).
import { ConfigError, loadConfigFromEnv } from '../app/config.js';
import { refusesToStart, upgradeLine, upgradeStep } from '../app/upgrade-step.js';
import { type Db, openDb } from '../storage/db.js';

/** `lines` go to stdout on success (stderr otherwise); `notes` always to stderr. */
export type CommandResult = { code: number; lines: string[]; notes?: string[] };

/** Errors whose message is the whole story for the operator (exit 2). */
const plain = (err: unknown): err is Error => err instanceof ConfigError || refusesToStart(err);

/** The upgrade step (a backup before migrations run on data), then the command on the migrated database. */
export async function runDatabaseCommand(command: (db: Db) => CommandResult): Promise<void> {
  try {
    const config = loadConfigFromEnv();
    const line = upgradeLine(await upgradeStep(config));
    if (line) process.stderr.write(`${line}\n`);
    const db = openDb(config.dbPath, config.SQLITE_SYNCHRONOUS, { upgradeCleared: true });
    try {
      const result = command(db);
      const out = result.code === 0 ? process.stdout : process.stderr;
      for (const line of result.lines) out.write(`${line}\n`);
      for (const note of result.notes ?? []) process.stderr.write(`${note}\n`);
      process.exitCode = result.code;
    } finally {
      db.close();
    }
  } catch (err) {
    process.stderr.write(`${plain(err) ? err.message : `✗ ${String(err)}`}\n`);
    process.exitCode = plain(err) || (err instanceof TypeError && 'code' in err) ? 2 : 1;
  }
}
