// `npm run user -- add|import|link|list|disable|reset-password|agencies|token …` and `--reset-2fa USERNAME`: officers'
// accounts; passwords come on stdin, imported accounts set theirs through one-time links.
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

/** The import's file as text, or null when it cannot be read. */
function textOf(file: string | undefined): string | null {
  if (!file) return null;
  try {
    return readFileSync(file, 'utf8');
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
      'dry-run': { type: 'boolean' },
      'reset-2fa': { type: 'string' },
    },
  });
  const config = loadConfigFromEnv();
  return userCommand(
    {
      command: values['reset-2fa'] === undefined ? positionals[0] : 'reset-2fa',
      username: values['reset-2fa'] ?? values.username,
      role: values.role,
      agencies: values.agency ?? [],
      name: values.name,
      revoke: values.revoke,
      file: positionals[0] === 'import' ? positionals[1] : undefined,
      csv: positionals[0] === 'import' ? textOf(positionals[1]) : undefined,
      dryRun: values['dry-run'],
    },
    {
      store: createStore(db),
      directory: loadDirectory({ file: config.AGENCIES_FILE, secrets: config.secrets }),
      readPassword: firstLineOfStdin,
      now: Date.now(),
      publicBaseUrl: config.PUBLIC_BASE_URL,
    },
  );
});
