// The service's start: the upgrade step (a newer database refused, a backup before migrations), then the service.
// While they run, `$DATA_DIR/starting` exists: the watchdog (deploy/aduan-watchdog.sh) leaves a long pre-upgrade
// backup or migration alone instead of restarting it half-way, again and again.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreUpgradeOutcome } from '../ops/pre-upgrade-backup.js';
import { type Service, type ServiceOptions, buildService } from './service.js';
import { upgradeLine, upgradeStep } from './upgrade-step.js';

export type StartUp = { service: Service; upgrade: PreUpgradeOutcome };

/** The file that says the service is still starting (its backup and migrations), in the data folder. */
export const startingMarker = (dataDir: string): string => join(dataDir, 'starting');

/** What main.ts runs (and the upgrade test): nothing is migrated before the step has finished. */
export async function startUp(opts: ServiceOptions): Promise<StartUp> {
  const clock = opts.clock;
  const marker = startingMarker(opts.config.dataDir);
  mkdirSync(opts.config.dataDir, { recursive: true });
  writeFileSync(marker, `${process.pid}\n`);
  try {
    const upgrade = await upgradeStep(opts.config, clock ? () => new Date(clock.now()) : undefined);
    const line = upgradeLine(upgrade) ?? '';
    if (upgrade.kind === 'backed-up')
      opts.log.info({ backup: upgrade.path, from: upgrade.from, to: upgrade.to }, line);
    if (upgrade.kind === 'skipped') opts.log.warn({ from: upgrade.from, to: upgrade.to }, line);
    return { service: buildService({ ...opts, upgradeCleared: true }), upgrade };
  } finally {
    rmSync(marker, { force: true });
  }
}
