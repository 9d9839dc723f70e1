// The doctor's database checks: it opens, its migrations match this Aduan, its pages are sound, its WAL is small,
// and its open tickets reach someone.
import { existsSync, statSync } from 'node:fs';
import { loadDirectory } from '../routing/load-directory.js';
import { AgencyOverrides } from '../storage/agency-overrides.js';
import { integrityProblems, openReadonlyDb } from '../storage/db-files.js';
import { type Db, agenciesWithAccounts, appliedMigrations } from '../storage/db.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import { FUTURE_FIX, futureDetail, schemaState } from '../storage/schema-state.js';
import { TicketInbox } from '../storage/ticket-inbox.js';
import type { Config } from './config.js';
import { type Check, MB, errorText, human } from './doctor-check.js';
import { checkTwoFactor } from './doctor-two-factor.js';
import { preUpgradeDir } from './upgrade-step.js';

const WAL_WARN_BYTES = 128 * MB;

export function checkDatabase(config: Config, full: boolean): Check[] {
  const path = config.dbPath;
  if (!existsSync(path)) {
    return [
      {
        mark: 'warn',
        name: 'database',
        detail: `no database yet at ${path} / belum ada basis data`,
        fix: 'it is created at the first `npm start`; or restore a backup: npm run restore -- DIR',
      },
    ];
  }
  const checks: Check[] = [];
  let db: Db;
  try {
    db = openReadonlyDb(path);
  } catch (err) {
    return [
      {
        mark: 'fail',
        name: 'database',
        detail: `cannot open ${path}: ${errorText(err)}`,
        fix: 'check the path (DB_PATH/DATA_DIR) and that this user may read and write it',
      },
    ];
  }
  try {
    checks.push({ mark: 'ok', name: 'database', detail: `${path} opens` });
    const applied = appliedMigrations(db);
    if (applied === null) {
      checks.push({
        mark: 'fail',
        name: 'migrations',
        detail: 'no schema_migrations table: this is not an Aduan database',
        fix: 'point DB_PATH at the right file, or restore a backup',
      });
    } else {
      const known = new Set(MIGRATIONS.map((m) => m.version));
      const pending = [...known].filter((v) => !applied.has(v));
      const state = schemaState(db);
      if (state.kind === 'future') {
        checks.push({
          mark: 'fail',
          name: 'migrations',
          detail: `the database was written by a newer Aduan: ${futureDetail(state)}; it refuses to start`,
          fix: FUTURE_FIX,
        });
      } else if (pending.length > 0) {
        checks.push({
          mark: 'warn',
          name: 'migrations',
          detail: `${applied.size} of ${known.size} applied; pending ${pending.join(', ')}`,
          fix:
            config.UPGRADE_BACKUP === 'on'
              ? `they are applied at the next start, after a backup into ${preUpgradeDir(config)}`
              : 'they are applied at the next start, without a backup (UPGRADE_BACKUP=off): snapshot the disk first',
        });
      } else {
        checks.push({ mark: 'ok', name: 'migrations', detail: `${applied.size} of ${known.size} applied` });
        checks.push(checkReceivers(config, db));
        checks.push(checkTwoFactor(config, db));
      }
    }
    const problems = integrityProblems(db, !full);
    checks.push(
      problems.length === 0
        ? { mark: 'ok', name: 'integrity', detail: `${full ? 'integrity_check' : 'quick_check'} ok` }
        : {
            mark: 'fail',
            name: 'integrity',
            detail: `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`,
            fix: 'stop Aduan and restore the latest good backup: npm run restore -- DIR',
          },
    );
  } catch (err) {
    checks.push({
      mark: 'fail',
      name: 'database',
      detail: `cannot read ${path}: ${errorText(err)}`,
      fix: 'stop Aduan and restore the latest good backup: npm run restore -- DIR',
    });
  } finally {
    db.close();
  }
  const wal = `${path}-wal`;
  const walBytes = existsSync(wal) ? readSize(wal) : 0;
  checks.push(
    walBytes > WAL_WARN_BYTES
      ? {
          mark: 'warn',
          name: 'WAL',
          detail: `${human(walBytes)} in ${wal}: checkpoints are not keeping up`,
          fix: 'a long read (an old backup or a stuck tool) holds the WAL; stop it, or restart Aduan',
        }
      : { mark: 'ok', name: 'WAL', detail: walBytes === 0 ? 'empty (fully checkpointed)' : human(walBytes) },
  );
  return checks;
}

/**
 * Which agencies can receive tickets (a destination in the directory, or an officer account) and which open tickets
 * reach no one at their agency: those wait with the coordinator or the admins.
 */
function checkReceivers(config: Config, db: Db): Check {
  const directory = loadDirectory({ file: config.AGENCIES_FILE, secrets: config.secrets });
  // The admins' changes on /petugas/instansi count as the running service applies them.
  directory.applyOverrides(new AgencyOverrides(db).all());
  const withAccount = agenciesWithAccounts(db);
  const agencies = directory.all();
  const reachable = agencies.filter((a) => a.destinations.length > 0 || withAccount.has(a.id)).length;
  const waiting = new TicketInbox(db).unreceivedByAgency();
  const open = waiting.reduce((n, a) => n + a.tickets, 0);
  const detail = `${reachable} of ${agencies.length} agencies receive tickets (a destination or an officer account)`;
  const fix =
    'add officers: npm run user -- add --username U --role officer --agency ID (npm run user -- agencies lists ids), or destinations at /petugas/instansi or in AGENCIES_FILE';
  if (open > 0)
    return {
      mark: 'warn',
      name: 'receivers',
      detail: `${detail}; ${open} open ticket(s) reach no one: ${waiting
        .slice(0, 5)
        .map((a) => `${a.agencyId} (${a.tickets})`)
        .join(', ')}${waiting.length > 5 ? ', …' : ''}`,
      fix,
    };
  return reachable === 0
    ? { mark: 'warn', name: 'receivers', detail: `${detail}: tickets wait with the admins`, fix }
    : { mark: 'ok', name: 'receivers', detail };
}

function readSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
