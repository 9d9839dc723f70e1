// The backup before migrations: none for a fresh or current database, sealed with a key, skipped when switched off,
// and a failed one stops everything with the database as it was (the service and a command too).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { buildCore } from '../../src/app/core.js';
import { createLogger } from '../../src/app/logger.js';
import { startUp } from '../../src/app/start-up.js';
import { upgradeStep } from '../../src/app/upgrade-step.js';
import { makeBackupKey } from '../../src/ops/backup-key.js';
import { PreUpgradeBackupError } from '../../src/ops/pre-upgrade-backup.js';
import { checkBackup, restore } from '../../src/ops/restore.js';
import { openDb } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { UpgradeNotClearedError } from '../../src/storage/schema-state.js';
import { migrationsOf, tablesOf, unpackFixture } from '../helpers/upgrade-fixture.js';
import { cli } from './run-cli.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const NOW = () => new Date('2026-12-14T02:00:00Z');
const ALL = MIGRATIONS.map((m) => m.version);

describe('the upgrade step', () => {
  it('takes no backup of a fresh database, nor of one already current', async () => {
    const dataDir = tmp('aduan-fresh-');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(await upgradeStep(config, NOW)).toEqual({ kind: 'fresh' });
    buildCore({ dbPath: config.dbPath, dataDir }).close();
    expect(await upgradeStep(config, NOW)).toEqual({ kind: 'current', version: ALL.at(-1) });
    expect(existsSync(join(dataDir, 'pre-upgrade'))).toBe(false);
  });

  it('seals the backup with BACKUP_KEY_FILE, into DATA_DIR/pre-upgrade without BACKUP_DIR', async () => {
    const { dataDir, dbPath } = unpackFixture();
    const keyFile = join(tmp('aduan-key-'), 'backup.key');
    const { key } = makeBackupKey(keyFile);
    const outcome = await upgradeStep(loadConfig({ DATA_DIR: dataDir, BACKUP_KEY_FILE: keyFile }), NOW);
    if (outcome.kind !== 'backed-up') throw new Error(outcome.kind);
    expect(outcome.path.startsWith(join(dataDir, 'pre-upgrade', 'aduan-schema-'))).toBe(true);
    expect(readdirSync(outcome.path).sort()).toEqual(['aduan.db.enc', 'attachments', 'manifest.json']);
    expect(outcome.manifest.encryption?.keyId).toBe(key.id);
    const before = { migrations: migrationsOf(dbPath), tables: tablesOf(dbPath) };
    const checked = await checkBackup(outcome.path, key, dataDir);
    expect(checked.manifest.migrations).toEqual(before.migrations);
    // The way back for an encrypted one: this version's restore decrypts it (the older one cannot).
    openDb(dbPath, 'NORMAL', { upgradeCleared: true }).close();
    await restore({ src: outcome.path, dbPath, dataDir, host: '127.0.0.1', port: 0, key });
    expect(migrationsOf(dbPath)).toEqual(before.migrations);
    expect(tablesOf(dbPath)).toEqual(before.tables);
  });

  it('UPGRADE_BACKUP=off migrates without one; without the step a database with data is not migrated', async () => {
    const { dataDir, dbPath } = unpackFixture();
    const before = tablesOf(dbPath);
    expect(() => openDb(dbPath)).toThrow(UpgradeNotClearedError);
    expect(tablesOf(dbPath)).toEqual(before);
    const config = loadConfig({ DATA_DIR: dataDir, UPGRADE_BACKUP: 'off' });
    const outcome = await upgradeStep(config, NOW);
    expect(outcome).toMatchObject({ kind: 'skipped', to: ALL.at(-1) });
    expect(existsSync(join(dataDir, 'pre-upgrade'))).toBe(false);
    openDb(dbPath, 'NORMAL', { upgradeCleared: true }).close();
    expect(migrationsOf(dbPath)).toEqual(ALL);
    expect(() => loadConfig({ UPGRADE_BACKUP: 'maybe' })).toThrow(/UPGRADE_BACKUP/);
  });

  it('a backup that fails stops the start: nothing is migrated, the service is not built, main exits 2', async () => {
    const { dataDir, dbPath } = unpackFixture();
    const before = migrationsOf(dbPath);
    // BACKUP_DIR is a file: its pre-upgrade folder cannot be made.
    const blocked = join(tmp('aduan-blocked-'), 'not-a-folder');
    writeFileSync(blocked, 'x');
    const config = loadConfig({ DATA_DIR: dataDir, BACKUP_DIR: blocked, PORT: '0' });
    await expect(upgradeStep(config, NOW)).rejects.toThrow(PreUpgradeBackupError);
    await expect(startUp({ config, log: createLogger('silent') })).rejects.toThrow(/UPGRADE_BACKUP=off/);
    expect(migrationsOf(dbPath)).toEqual(before);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        BACKUP_DIR: blocked,
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code).toBe(2);
    expect(stderr).toMatch(/the backup before the upgrade could not be written into .*pre-upgrade/);
    expect(stderr).toMatch(/the migrations did not run and nothing was changed/);
    expect(migrationsOf(dbPath)).toEqual(before);
  });

  it('an operator command backs up before it migrates (npm run user -- list)', async () => {
    const { dataDir, dbPath, made } = unpackFixture();
    const run = await cli('user', ['list'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^pre-upgrade backup written to .*\/pre-upgrade\/aduan-schema-\d+-to-\d+-\d{8}T\d{6}Z /,
    );
    for (const a of made.accounts) expect(run.stdout).toContain(a.username);
    expect(migrationsOf(dbPath)).toEqual(ALL);
    expect(readdirSync(join(dataDir, 'pre-upgrade'))).toHaveLength(1);
  });
});
