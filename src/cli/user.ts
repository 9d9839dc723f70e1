// `npm run user -- add|list|disable|reset-password|agencies …`: officers' accounts; passwords come on stdin.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfigFromEnv } from '../app/config.js';
import { userCommand } from '../officers/user-command.js';
import { loadDirectory } from '../routing/load-directory.js';
import { createStore } from '../storage/store.js';
import { runDatabaseCommand } from './database-command.js';

/** The first line of stdin (a pipe or a file; at a terminal the operator types it and presses Enter, then Ctrl-D). */
function firstLineOfStdin(): string | null {
  try {
    return readFileSync(0, 'utf8').split('\n')[0] ?? null;
  } catch {
    return null;
  }
}

runDatabaseCommand((db) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string', multiple: true },
      name: { type: 'string' },
      revoke: { type: 'boolean' },
    },
  });
  const config = loadConfigFromEnv();
  return userCommand(
    {
      command: positionals[0],
      username: values.username,
      role: values.role,
      agencies: values.agency ?? [],
      name: values.name,
      revoke: values.revoke,
    },
    {
      store: createStore(db),
      directory: loadDirectory({ file: config.AGENCIES_FILE, secrets: config.secrets }),
      readPassword: firstLineOfStdin,
      now: Date.now(),
    },
  );
});
