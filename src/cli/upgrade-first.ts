// The upgrade step for commands that open the database themselves: its line on stderr; a refusal stops with exit 2.
import { refusesToStart, upgradeLine } from '../app/upgrade-step.js';
import type { PreUpgradeOutcome } from '../ops/pre-upgrade-backup.js';

/** Runs `step` (upgradeStep for the configured database); the database may be opened for migrations afterwards. */
export async function upgradeFirst(step: () => Promise<PreUpgradeOutcome>): Promise<void> {
  try {
    const line = upgradeLine(await step());
    if (line) process.stderr.write(`${line}\n`);
  } catch (err) {
    if (!refusesToStart(err)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
