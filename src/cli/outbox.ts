// `npm run outbox -- list [--dead] [--channel C] | redeliver ID | redeliver --all-dead`: messages to citizens.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFromEnv } from '../config.js';
import { outboxCommand } from '../ops/outbox-admin.js';
import { openDb } from '../storage/db.js';
import { OutboxReview } from '../storage/outbox-review.js';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dead: { type: 'boolean' }, 'all-dead': { type: 'boolean' }, channel: { type: 'string' } },
  });
  const config = loadConfigFromEnv();
  const db = openDb(config.dbPath, config.SQLITE_SYNCHRONOUS);
  try {
    const result = outboxCommand(
      {
        command: positionals[0],
        id: positionals[1],
        dead: values.dead,
        allDead: values['all-dead'],
        channel: values.channel,
      },
      new OutboxReview(db),
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
