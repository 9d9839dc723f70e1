// `npm run deliveries -- list [--dead] | redeliver ID | redeliver --all-dead`: ticket deliveries to agencies.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFromEnv } from '../config.js';
import { deliveriesCommand } from '../ops/deliveries-admin.js';
import { openDb } from '../storage/db.js';
import { Deliveries } from '../storage/deliveries.js';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dead: { type: 'boolean' }, 'all-dead': { type: 'boolean' } },
  });
  const config = loadConfigFromEnv();
  const db = openDb(config.dbPath, config.SQLITE_SYNCHRONOUS);
  try {
    const result = deliveriesCommand(
      { command: positionals[0], id: positionals[1], dead: values.dead, allDead: values['all-dead'] },
      new Deliveries(db),
      Date.now(),
    );
    const out = result.code === 0 ? process.stdout : process.stderr;
    for (const line of result.lines) out.write(`${line}\n`);
    return result.code;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `✗ ${String(err)}`}\n`);
  process.exitCode = err instanceof ConfigError || (err instanceof TypeError && 'code' in err) ? 2 : 1;
}
