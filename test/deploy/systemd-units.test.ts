// The systemd units in deploy/: aduan.service runs what `npm start` runs with the hardening the README promises,
// writes only to the README's data folder, the watchdog timer runs its check, and `systemd-analyze verify` accepts
// all three where this machine has systemd-analyze.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SERVICE_BUNDLE } from '../../scripts/lib/build-service.js';
import {
  DEPLOY,
  envFile,
  isUnder,
  readRepoFile,
  readUnit,
  readmeDataFolder,
  values,
  words,
} from './deploy-files.js';

const UNITS = ['aduan.service', 'aduan-watchdog.service', 'aduan-watchdog.timer'];
const S = 'Service';

const PackageJson = z.object({ scripts: z.object({ start: z.string(), build: z.string() }) });

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('aduan.service', () => {
  const unit = readUnit('aduan.service');

  it('runs as aduan from /opt/aduan with the optional env file, restarting on failure', () => {
    expect(values(unit, S, 'User')).toEqual(['aduan']);
    expect(values(unit, S, 'WorkingDirectory')).toEqual(['/opt/aduan']);
    expect(values(unit, S, 'EnvironmentFile')).toEqual(['-/etc/aduan/aduan.env']);
    expect(values(unit, S, 'Restart')).toEqual(['on-failure']);
    // A wrong setting exits 2: restarting would only repeat it.
    expect(values(unit, S, 'RestartPreventExitStatus')).toEqual(['2']);
    expect(values(unit, 'Install', 'WantedBy')).toEqual(['multi-user.target']);
  });

  it('starts what `npm start` runs after its build, in node itself instead of npm, with its malloc settings', () => {
    const scripts = PackageJson.parse(JSON.parse(readRepoFile('package.json'))).scripts;
    const parts =
      /^npm run --silent build && MALLOC_ARENA_MAX=\$\{MALLOC_ARENA_MAX:-(\d+)\} MALLOC_TRIM_THRESHOLD_=\$\{MALLOC_TRIM_THRESHOLD_:-(\d+)\} node (\S+)$/.exec(
        scripts.start,
      );
    expect(parts, scripts.start).not.toBeNull();
    const [, arenas, trim, bundle = ''] = parts ?? [];
    expect(values(unit, S, 'ExecStart')).toEqual([`/usr/bin/node ${bundle}`]);
    expect(values(unit, S, 'Environment')).toContain(`MALLOC_ARENA_MAX=${arenas}`);
    expect(values(unit, S, 'Environment')).toContain(`MALLOC_TRIM_THRESHOLD_=${trim}`);
    // The bundle is what `npm run build` writes.
    expect(scripts.build).toBe('tsx scripts/build.ts');
    expect(join(DEPLOY, '..', bundle)).toBe(SERVICE_BUNDLE);
  });

  it('is hardened: read-only system, no capabilities, the usual system calls, private /tmp and no home', () => {
    expect(values(unit, S, 'ProtectSystem')).toEqual(['strict']);
    expect(values(unit, S, 'ProtectHome')).toEqual(['yes']);
    expect(values(unit, S, 'PrivateTmp')).toEqual(['yes']);
    expect(values(unit, S, 'NoNewPrivileges')).toEqual(['yes']);
    expect(values(unit, S, 'CapabilityBoundingSet')).toEqual(['']);
    // @pkey: Node 20's V8 calls pkey_alloc, which @system-service lacks (node dies of SIGSYS without it).
    expect(values(unit, S, 'SystemCallFilter')).toEqual(['@system-service', '@pkey']);
    expect(values(unit, S, 'SystemCallErrorNumber')).toEqual(['EPERM']);
    const families = words(unit, S, 'RestrictAddressFamilies');
    expect(families).toEqual(expect.arrayContaining(['AF_UNIX', 'AF_INET', 'AF_INET6']));
    expect(families).not.toContain('AF_PACKET');
    // V8's JIT needs writable-then-executable memory: the setting is off, and the unit says why.
    expect(values(unit, S, 'MemoryDenyWriteExecute')).toEqual([]);
    expect(readFileSync(join(DEPLOY, 'aduan.service'), 'utf8')).toMatch(/# MemoryDenyWriteExecute .*V8/);
  });

  it('may write only to the data folder the README documents, where DATA_DIR and BACKUP_DIR are', () => {
    const dataFolder = readmeDataFolder();
    const writable = words(unit, S, 'ReadWritePaths');
    expect(writable.length).toBeGreaterThan(0);
    for (const path of writable) expect(path).toBe(dataFolder);
    expect(values(unit, S, 'StateDirectory').map((d) => `/var/lib/${d}`)).toEqual([dataFolder]);
    const env = new Map(
      values(unit, S, 'Environment').map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]),
    );
    for (const key of ['DATA_DIR', 'HOME']) expect(isUnder(env.get(key) ?? '', dataFolder)).toBe(true);
    const example = envFile(readFileSync(join(DEPLOY, 'aduan.env.example'), 'utf8'));
    expect(isUnder(example.get('BACKUP_DIR') ?? '', dataFolder)).toBe(true);
    expect(readRepoFile('README.md')).toContain(`DATA_DIR=${env.get('DATA_DIR')}`);
  });
});

describe('the watchdog timer', () => {
  it('runs aduan-watchdog.service every minute, which runs the shipped check script', () => {
    const timer = readUnit('aduan-watchdog.timer');
    expect(values(timer, 'Timer', 'Unit')).toEqual(['aduan-watchdog.service']);
    expect(values(timer, 'Timer', 'OnUnitActiveSec')).toEqual(['1min']);
    expect(values(timer, 'Install', 'WantedBy')).toEqual(['timers.target']);
    const service = readUnit('aduan-watchdog.service');
    expect(values(service, S, 'Type')).toEqual(['oneshot']);
    expect(values(service, S, 'ExecStart')).toEqual(['/bin/sh /opt/aduan/deploy/aduan-watchdog.sh']);
    expect(values(service, S, 'EnvironmentFile')).toEqual(['-/etc/aduan/aduan.env']);
    expect(existsSync(join(DEPLOY, 'aduan-watchdog.sh'))).toBe(true);
    expect(values(readUnit('aduan.service'), 'Unit', 'Wants')).toEqual([
      'network-online.target aduan-watchdog.timer',
    ]);
  });
});

describe.skipIf(!hasSystemdAnalyze)(
  'systemd-analyze verify (skipped: systemd-analyze is not installed)',
  () => {
    it('accepts the units without a warning', () => {
      // Verify checks that ExecStart's program exists: a machine whose node is not /usr/bin/node (nvm) verifies a
      // copy that names this node instead.
      let dir = DEPLOY;
      if (!existsSync('/usr/bin/node')) {
        dir = mkdtempSync(join(tmpdir(), 'aduan-units-'));
        for (const name of UNITS) copyFileSync(join(DEPLOY, name), join(dir, name));
        const service = readFileSync(join(dir, 'aduan.service'), 'utf8');
        writeFileSync(join(dir, 'aduan.service'), service.replace('/usr/bin/node ', `${process.execPath} `));
      }
      const run = spawnSync('systemd-analyze', ['verify', ...UNITS.map((name) => join(dir, name))], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });
  },
);
