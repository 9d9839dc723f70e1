// `npm run backup -- DEST`: a consistent online backup (database, attachments, manifest), safe while Aduan runs.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfigFromEnv } from '../app/config.js';
import { BackupKeyError, keyPlacementProblem, makeBackupKey, readBackupKey } from '../ops/backup-key.js';
import { backup } from '../ops/backup.js';
import { openLiveDb } from '../storage/db-files.js';

const say = (l: string) => process.stdout.write(`${l}\n`);

/** The folders a key must not be kept in. */
const keptApartFrom = (config: Config, dest?: string) => [
  { name: 'DATA_DIR', dir: config.dataDir },
  { name: 'the database folder', dir: dirname(config.dbPath) },
  ...(config.BACKUP_DIR ? [{ name: 'BACKUP_DIR', dir: config.BACKUP_DIR }] : []),
  ...(dest ? [{ name: 'the backup folder', dir: dest }] : []),
];

/** `--make-key PATH`: a new random key, mode 600, never over an existing file. */
function makeKey(path: string, config: Config): number {
  const { file, key } = makeBackupKey(path);
  say(`✓ new backup key written to ${file} (mode 600, key id ${key.id})`);
  say(`  Use it: BACKUP_KEY_FILE=${file}`);
  say(
    "  Keep a second copy offline (the pemda's password safe): without the key, encrypted backups cannot be read.",
  );
  const misplaced = keyPlacementProblem(file, keptApartFrom(config));
  if (misplaced) say(`! ${misplaced}`);
  return 0;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'make-key': { type: 'string' } },
  });
  const makeKeyPath = values['make-key'];
  const dest = positionals[0];
  if (makeKeyPath !== undefined && positionals.length === 0) return makeKey(makeKeyPath, loadConfigFromEnv());
  if (makeKeyPath !== undefined || !dest || positionals.length > 1) {
    process.stderr.write('usage: npm run backup -- DEST   |   npm run backup -- --make-key PATH\n');
    return 2;
  }
  const config = loadConfigFromEnv();
  const keyFile = config.BACKUP_KEY_FILE;
  const key = keyFile ? readBackupKey(keyFile) : null;
  if (!existsSync(config.dbPath)) {
    process.stderr.write(`✗ no database at ${config.dbPath} (check DATA_DIR / DB_PATH)\n`);
    return 1;
  }
  const db = openLiveDb(config.dbPath);
  try {
    const started = Date.now();
    const { manifest, files } = await backup({
      db,
      attachmentsDir: join(config.dataDir, 'attachments'),
      dest: resolve(dest),
      encryption: key ? { key, scratchDir: dirname(config.dbPath) } : undefined,
    });
    const c = manifest.counts;
    say(`✓ database → ${join(resolve(dest), manifest.db.file)} (${manifest.db.bytes} bytes, integrity ok)`);
    say(`  sha256 ${manifest.db.sha256}, schema version ${manifest.schemaVersion}`);
    say(`  ${c.tickets} tickets, ${c.conversations} conversations, ${c.attachments} attachments`);
    say(
      `✓ attachments: ${files.copied} copied, ${files.unchanged} unchanged, ${c.attachmentFiles} files in the backup`,
    );
    if (files.corrupt.length > 0) {
      say(`! ${files.corrupt.length} attachment file(s) in DATA_DIR do not match their sha256 (not copied):`);
      for (const s of files.corrupt) say(`    ${s}`);
    }
    if (manifest.missingFiles.length > 0) {
      say(
        `! ${manifest.missingFiles.length} attachment file(s) named by the database are missing in DATA_DIR`,
      );
    }
    if (key && keyFile) {
      say(
        `✓ encrypted (AES-256-GCM, key id ${key.id}): the database and every attachment; manifest authenticated`,
      );
      const misplaced = keyPlacementProblem(keyFile, keptApartFrom(config, dest));
      if (misplaced) say(`! ${misplaced}`);
    } else {
      say('! not encrypted (BACKUP_KEY_FILE is not set): whoever gets this folder can read the complaints');
    }
    say(`✓ manifest.json written in ${Date.now() - started} ms / cadangan selesai`);
    return files.corrupt.length > 0 || manifest.missingFiles.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const text =
      err instanceof ConfigError
        ? err.message
        : err instanceof BackupKeyError
          ? `✗ ${err.message}`
          : `✗ backup failed: ${String(err)}`;
    process.stderr.write(`${text}\n`);
    process.exitCode = err instanceof ConfigError || err instanceof BackupKeyError ? 2 : 1;
  },
);
