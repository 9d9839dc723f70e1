// Composition root: reads the environment, builds the service, starts it, and stops it cleanly on a signal.
import type { Logger } from 'pino';
import type { FaultPoint } from '../conversation/runtime.js';
import { BackupKeyError } from '../ops/backup-key.js';
import { DirectoryError } from '../routing/directory.js';
import { BoundariesError } from '../understand/boundaries.js';
import { type Config, ConfigError, loadConfigFromEnv } from './config.js';
import { collectOnce, tuneHeap } from './heap-tuning.js';
import { createLogger } from './logger.js';
import type { Service } from './service.js';
import { startUp } from './start-up.js';
import { refusesToStart } from './upgrade-step.js';

function faultInjector(config: Config): ((point: FaultPoint) => void) | undefined {
  if (!config.ADUAN_FAULT) return undefined;
  let hits = 0;
  return (point) => {
    if (point === config.ADUAN_FAULT && ++hits >= config.ADUAN_FAULT_AFTER)
      process.kill(process.pid, 'SIGKILL');
  };
}

async function main(): Promise<void> {
  let config: Config;
  let log: Logger;
  let service: Service;
  try {
    config = loadConfigFromEnv();
    tuneHeap(config.NODE_HEAP_GROWTH_PERCENT);
    log = createLogger(config.LOG_LEVEL);
    // A database from a newer Aduan is refused; one that migrations will change is backed up first.
    ({ service } = await startUp({ config, log, fault: faultInjector(config) }));
  } catch (err) {
    // A wrong setting, agencies file or backup key, a newer database, a failed pre-upgrade backup: say what to fix
    // in plain words, and stop.
    if (
      refusesToStart(err) ||
      err instanceof ConfigError ||
      err instanceof DirectoryError ||
      err instanceof BoundariesError ||
      err instanceof BackupKeyError
    ) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  await service.start();
  const collectedMs = config.NODE_HEAP_GROWTH_PERCENT > 0 ? Math.round(collectOnce()) : null;
  log.info(
    {
      port: service.port,
      db: config.dbPath,
      ...(collectedMs === null ? {} : { heapCollectedMs: collectedMs }),
    },
    `Aduan is running: open http://localhost:${service.port}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Bounded: a channel or a send that hangs must not keep a stopping service alive.
    const forced = setTimeout(() => {
      log.error({ signal }, 'shutdown took longer than 15 s; exiting anyway (nothing committed is lost)');
      process.exit(1);
    }, 15_000);
    forced.unref();
    await service.stop();
    log.info({}, 'stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
