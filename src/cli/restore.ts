// `npm run restore -- SRC`: restores a backup into this (stopped) instance; the current database is kept aside.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFromEnv } from '../app/config.js';
import { RestoreError, restore } from '../ops/restore.js';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const src = positionals[0];
  if (!src || positionals.length > 1) {
    process.stderr.write('usage: npm run restore -- SRC   (a folder made by npm run backup)\n');
    return 2;
  }
  const config = loadConfigFromEnv();
  await restore({
    src: resolve(src),
    dbPath: config.dbPath,
    dataDir: config.dataDir,
    host: config.HOST,
    port: config.PORT,
    say: (line) => process.stdout.write(`${line}\n`),
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
        : err instanceof RestoreError
          ? `✗ ${err.message}`
          : `✗ ${String(err)}`;
    process.stderr.write(`${text}\nNothing was changed unless a line above says so.\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
  },
);
