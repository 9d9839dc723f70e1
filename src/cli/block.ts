// `npm run block -- add|remove|list [SENDER] [--channel …] [--reason …]`: the operators' block list.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFromEnv } from '../config.js';
import { BlockList, blockCommand } from '../ops/block-list.js';
import { openDb } from '../storage/db.js';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { channel: { type: 'string' }, reason: { type: 'string' } },
  });
  const config = loadConfigFromEnv();
  const db = openDb(config.dbPath, config.SQLITE_SYNCHRONOUS);
  try {
    const result = blockCommand(
      { command: positionals[0], sender: positionals[1], channel: values.channel, reason: values.reason },
      new BlockList(db),
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
