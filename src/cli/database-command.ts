// Runs an operators' command against the configured database: prints its lines and sets the exit code
// (2 for a configuration or usage error, 1 for anything else that went wrong).
import { ConfigError, loadConfigFromEnv } from '../app/config.js';
import { type Db, openDb } from '../storage/db.js';

/** `lines` go to stdout on success (stderr otherwise); `notes` always to stderr. */
export type CommandResult = { code: number; lines: string[]; notes?: string[] };

export function runDatabaseCommand(command: (db: Db) => CommandResult): void {
  try {
    const config = loadConfigFromEnv();
    const db = openDb(config.dbPath, config.SQLITE_SYNCHRONOUS);
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
    process.stderr.write(`${err instanceof ConfigError ? err.message : `✗ ${String(err)}`}\n`);
    process.exitCode = err instanceof ConfigError || (err instanceof TypeError && 'code' in err) ? 2 : 1;
  }
}
