// The doctor's runtime line: which Node runs Aduan and that the native SQLite addon loads (built for this Node).
import { sqliteVersion } from '../storage/db.js';
import { type Check, errorText } from './doctor-check.js';

export function checkRuntime(): Check {
  try {
    return {
      mark: 'ok',
      name: 'runtime',
      detail: `Node ${process.version} (ABI ${process.versions.modules}), SQLite ${sqliteVersion()} via better-sqlite3`,
    };
  } catch (err) {
    return {
      mark: 'fail',
      name: 'runtime',
      detail: `better-sqlite3 does not load in Node ${process.version}: ${errorText(err)}`,
      fix: 'run `npm rebuild better-sqlite3` with this Node (README → Prerequisites: nodedir for offline builds)',
    };
  }
}
