// `npm run restore -- SRC [--verify]`: restores a backup into this stopped instance (the current database kept aside).
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFromEnv } from '../app/config.js';
import { BackupKeyError, readBackupKey } from '../ops/backup-key.js';
import { RestoreError, checkBackup, restore } from '../ops/restore.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { verify: { type: 'boolean', default: false } },
  });
  const src = positionals[0];
  if (!src || positionals.length > 1) {
    process.stderr.write('usage: npm run restore -- SRC [--verify]   (a folder made by npm run backup)\n');
    return 2;
  }
  const config = loadConfigFromEnv();
  const key = config.BACKUP_KEY_FILE ? readBackupKey(config.BACKUP_KEY_FILE) : null;
  if (values.verify) {
    const { manifest } = await checkBackup(resolve(src), key, dirname(config.dbPath));
    const c = manifest.counts;
    say(
      `✓ ${manifest.encryption ? `encrypted (key id ${manifest.encryption.keyId}), every tag verified` : 'not encrypted'}; manifest, database (integrity ok) and ${c.attachmentFiles} attachment files checked`,
    );
    say(
      `  ${manifest.createdAt}, schema ${manifest.schemaVersion}, ${c.tickets} tickets, ${c.conversations} conversations`,
    );
    say('The backup is sound; nothing was restored / cadangan utuh, tidak ada yang dipulihkan.');
    return 0;
  }
  await restore({
    src: resolve(src),
    dbPath: config.dbPath,
    dataDir: config.dataDir,
    host: config.HOST,
    port: config.PORT,
    key,
    say,
  });
  process.stdout.write('Done; start Aduan again (npm start) / selesai, jalankan lagi Aduan.\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const text =
      err instanceof ConfigError
        ? err.message
        : err instanceof RestoreError || err instanceof BackupKeyError
          ? `✗ ${err.message}`
          : `✗ ${String(err)}`;
    process.stderr.write(`${text}\nNothing was changed unless a line above says so.\n`);
    process.exitCode = err instanceof ConfigError || err instanceof BackupKeyError ? 2 : 1;
  },
);
