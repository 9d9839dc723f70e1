// `npm run outbox -- list [--dead] [--channel C] | redeliver ID | redeliver --all-dead`: messages to citizens.
import { parseArgs } from 'node:util';
import { outboxCommand } from '../ops/outbox-admin.js';
import { OutboxReview } from '../storage/outbox-review.js';
import { runDatabaseCommand } from './database-command.js';

runDatabaseCommand((db) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dead: { type: 'boolean' }, 'all-dead': { type: 'boolean' }, channel: { type: 'string' } },
  });
  return outboxCommand(
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
});
