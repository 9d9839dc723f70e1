// `npm run user`: accounts are added with a password from stdin (never an argument), checked against the directory,
// listed without secrets, disabled and reset (both end the account's sessions).
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/officers/passwords.js';
import { type UserArgs, userCommand } from '../../src/officers/user-command.js';
import { defaultDirectory } from '../../src/routing/load-directory.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { type Store, createStore } from '../../src/storage/store.js';
import { Harness } from '../helpers/harness.js';

describe('userCommand', () => {
  let db: Db;
  let store: Store;
  beforeEach(() => {
    db = openDb(':memory:');
    store = createStore(db);
  });
  afterEach(() => db.close());

  const run = (args: Partial<UserArgs>, password: string | null = 'rahasia-sekali-1') =>
    userCommand(
      { command: undefined, agencies: [], ...args },
      { store, directory: defaultDirectory(), readPassword: () => password, now: 1000 },
    );

  it('adds an officer of a directory agency with a hashed password, and lists it', () => {
    const r = run({
      command: 'add',
      username: 'budi',
      role: 'officer',
      agencies: ['6371-pupr'],
      name: 'Budi',
    });
    expect(r).toEqual({ code: 0, lines: ['✓ budi (officer) added'] });
    const stored = store.officers.credentials('BUDI');
    expect(stored?.officer).toMatchObject({ username: 'budi', role: 'officer', agencies: ['6371-pupr'] });
    expect(verifyPassword('rahasia-sekali-1', stored?.passwordHash ?? '')).toBe(true);
    expect(stored?.passwordHash).not.toContain('rahasia');
    expect(run({ command: 'list' }).lines).toEqual(['budi\tofficer\t6371-pupr\tactive\tBudi']);
  });

  it('refuses what would make a useless or wrong account', () => {
    expect(run({ command: 'add', username: 'x', role: 'officer', agencies: ['6371-pupr'] }).code).toBe(2);
    expect(run({ command: 'add', username: 'siti', role: 'boss' }).lines[0]).toMatch(/--role/);
    expect(run({ command: 'add', username: 'siti', role: 'officer' }).lines[0]).toMatch(/needs --agency/);
    expect(run({ command: 'add', username: 'siti', role: 'officer', agencies: ['nope'] }).lines[0]).toMatch(
      /unknown agency nope/,
    );
    expect(
      run({ command: 'add', username: 'siti', role: 'supervisor', agencies: ['6371-pupr'] }).lines[0],
    ).toMatch(/not a complaint coordinator/);
    expect(run({ command: 'add', username: 'siti', role: 'admin' }, 'pendek').lines[0]).toMatch(
      /at least 10/,
    );
    expect(run({ command: 'add', username: 'siti', role: 'admin' }, null).code).toBe(2);
    expect(store.officers.list()).toEqual([]);
    expect(run({ command: 'frobnicate' }).lines[0]).toBe('usage:');
  });

  it('disables an account and resets a password, each ending its sessions', () => {
    run({ command: 'add', username: 'admin1', role: 'admin' });
    const id = store.officers.find('admin1')?.id ?? -1;
    store.officers.openSession('s1', id, 'csrf', 1000);
    expect(run({ command: 'reset-password', username: 'admin1' }, 'kata-sandi-baru-2').code).toBe(0);
    expect(store.officers.session('s1')).toBeNull();
    expect(
      verifyPassword('kata-sandi-baru-2', store.officers.credentials('admin1')?.passwordHash ?? ''),
    ).toBe(true);
    store.officers.openSession('s2', id, 'csrf', 1000);
    expect(run({ command: 'disable', username: 'admin1' }).code).toBe(0);
    expect(store.officers.find('admin1')?.disabled).toBe(true);
    expect(store.officers.session('s2')).toBeNull();
    expect(run({ command: 'disable', username: 'ghost' }).code).toBe(1);
  });

  it('runs as npm run user does: the password on stdin, the account in the configured database', async () => {
    const h = new Harness();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: h.dir, PORT: '0' };
    const run = (args: string[], stdin: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/user.ts', ...args], { env });
        let out = '';
        child.stdout.on('data', (d) => {
          out += String(d);
        });
        child.stderr.on('data', (d) => {
          out += String(d);
        });
        child.on('close', (code) => resolve({ code, out }));
        child.stdin.end(stdin);
      });
    const added = await run(['add', '--username', 'kepala', '--role', 'admin'], 'sandi-panjang-123\n');
    expect(added).toEqual({ code: 0, out: '✓ kepala (admin) added\n' });
    h.restart();
    expect(h.core.store.officers.find('kepala')?.role).toBe('admin');
    h.close();
  });
});
