// The real service for browser tests: started on a free port over a fresh data directory, and stopped with it removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import type { Service, buildService } from '../../src/app/service.js';

export type LiveService = {
  service: Service;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Stops the service and removes its data directory. */
  stop(): Promise<void>;
};

/** `prefix` names the temporary data directory; `log` defaults to errors only. */
export async function startService(
  prefix: string,
  log: Parameters<typeof buildService>[0]['log'] = createLogger('error'),
): Promise<LiveService> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let service: Service | null = null;
  try {
    // Imported lazily, so that a test file's page-only tests still run while the runtime is broken.
    const { buildService } = await import('../../src/app/service.js');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    service = buildService({ config, log });
    await service.start();
  } catch (err) {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const running = service;
  return {
    service: running,
    base: `http://127.0.0.1:${running.port}`,
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
