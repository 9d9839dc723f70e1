// `npm run backup -- DEST`: a consistent online backup (database, attachments, manifest), safe while Aduan runs.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFromEnv } from '../app/config.js';
import { backup } from '../ops/backup.js';
import { openLiveDb } from '../storage/db-files.js';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const dest = positionals[0];
  if (!dest || positionals.length > 1) {
    process.stderr.write('usage: npm run backup -- DEST\n');
    return 2;
  }
  const config = loadConfigFromEnv();
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
    });
    const c = manifest.counts;
    const say = (l: string) => process.stdout.write(`${l}\n`);
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
    process.stderr.write(`${err instanceof ConfigError ? err.message : `✗ backup failed: ${String(err)}`}\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
  },
);
