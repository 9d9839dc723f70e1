// A database from a newer Aduan (the code rolled back without restoring): refused everywhere before anything is
// written, with the newest known and found migrations and the README's rollback section; the doctor says so too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { buildCore } from '../../src/app/core.js';
import { runDoctor } from '../../src/app/doctor.js';
import { createLogger } from '../../src/app/logger.js';
import { startUp } from '../../src/app/start-up.js';
import { upgradeStep } from '../../src/app/upgrade-step.js';
import { migrate, openDb } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { FutureDatabaseError } from '../../src/storage/schema-state.js';
import { Harness } from '../helpers/harness.js';
import { fileComplaint } from './fixtures.js';

const newest = MIGRATIONS.at(-1);
const three = (v: number) => String(v).padStart(3, '0');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A data folder whose database has one complaint and a migration 999 this code has never heard of. */
function fromTheFuture(): { dir: string; dbPath: string } {
  const h = new Harness();
  fileComplaint(h, 'a');
  h.close();
  const dbPath = join(h.dir, 'aduan.db');
  const db = new Database(dbPath);
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, ?)').run(
    'from-the-future',
    '2027-01-01T00:00:00Z',
  );
  db.close();
  return { dir: h.dir, dbPath };
}

describe('a database from a newer Aduan', () => {
  it('is refused by openDb, migrate, buildCore, the upgrade step and the start, and left byte for byte', async () => {
    const { dir, dbPath } = fromTheFuture();
    const before = sha(dbPath);
    const message = new RegExp(
      `newer Aduan: it has migration\\(s\\) 999 that this version does not know \\(the newest it knows is ` +
        `${three(newest?.version ?? 0)} ${newest?.name}; the database's newest is 999\\)\\. Nothing was changed\\.`,
    );
    expect(() => openDb(dbPath)).toThrow(message);
    expect(() => openDb(dbPath, 'NORMAL', { upgradeCleared: true })).toThrow(FutureDatabaseError);
    expect(() => buildCore({ dbPath, dataDir: dir, upgradeCleared: true })).toThrow(/Upgrade and roll back/);
    const raw = new Database(dbPath);
    expect(() => migrate(raw)).toThrow(FutureDatabaseError);
    raw.close();
    const config = loadConfig({ DATA_DIR: dir, PORT: '0' });
    await expect(upgradeStep(config)).rejects.toThrow(FutureDatabaseError);
    await expect(startUp({ config, log: createLogger('silent') })).rejects.toThrow(
      /restore the pre-upgrade backup/,
    );
    expect(existsSync(join(dir, 'pre-upgrade'))).toBe(false);
    expect(sha(dbPath)).toBe(before);
  });

  it('fails the doctor with the same words and the way back', async () => {
    const { dir } = fromTheFuture();
    const { checks } = await runDoctor({
      load: () => loadConfig({ DATA_DIR: dir }),
      statfs: async () => ({ bavail: 10 * 1024 * 1024, bsize: 1024 }),
      now: () => new Date('2026-11-23T02:00:00Z'),
    });
    const check = checks.find((c) => c.name === 'migrations');
    expect(check?.mark).toBe('fail');
    expect(check?.detail).toMatch(/written by a newer Aduan: it has migration\(s\) 999/);
    expect(check?.detail).toContain(`the newest it knows is ${three(newest?.version ?? 0)}`);
    expect(check?.fix).toMatch(/restore the pre-upgrade backup .*README → "Upgrade and roll back"/);
  });
});
