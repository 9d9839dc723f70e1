// `npm run block -- add|remove|list [SENDER] [--channel …] [--reason …]`: the operators' block list.
import { parseArgs } from 'node:util';
import { blockCommand } from '../ops/block-list.js';
import { BlockList } from '../storage/block-list.js';
import { runDatabaseCommand } from './database-command.js';

runDatabaseCommand((db) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { channel: { type: 'string' }, reason: { type: 'string' } },
  });
  return blockCommand(
    { command: positionals[0], sender: positionals[1], channel: values.channel, reason: values.reason },
    new BlockList(db),
    Date.now(),
  );
});
