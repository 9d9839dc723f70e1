// The service's start: the upgrade step (a newer database refused, a backup before migrations), then the service.
import type { PreUpgradeOutcome } from '../ops/pre-upgrade-backup.js';
import { type Service, type ServiceOptions, buildService } from './service.js';
import { upgradeLine, upgradeStep } from './upgrade-step.js';

export type StartUp = { service: Service; upgrade: PreUpgradeOutcome };

/** What main.ts runs (and the upgrade test): nothing is migrated before the step has finished. */
export async function startUp(opts: ServiceOptions): Promise<StartUp> {
  const clock = opts.clock;
  const upgrade = await upgradeStep(opts.config, clock ? () => new Date(clock.now()) : undefined);
  const line = upgradeLine(upgrade) ?? '';
  if (upgrade.kind === 'backed-up')
    opts.log.info({ backup: upgrade.path, from: upgrade.from, to: upgrade.to }, line);
  if (upgrade.kind === 'skipped') opts.log.warn({ from: upgrade.from, to: upgrade.to }, line);
  return { service: buildService({ ...opts, upgradeCleared: true }), upgrade };
}
