// `npm run deliveries -- list [--dead] | redeliver ID | redeliver --all-dead`: ticket deliveries to agencies.
import { parseArgs } from 'node:util';
import { deliveriesCommand } from '../ops/deliveries-admin.js';
import { Deliveries } from '../storage/deliveries.js';
import { createStore } from '../storage/store.js';
import { runDatabaseCommand } from './database-command.js';

runDatabaseCommand((db) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dead: { type: 'boolean' }, 'all-dead': { type: 'boolean' } },
  });
  return deliveriesCommand(
    { command: positionals[0], id: positionals[1], dead: values.dead, allDead: values['all-dead'] },
    new Deliveries(db),
    Date.now(),
    createStore(db).ticketInbox.unreceivedByAgency(),
  );
});
