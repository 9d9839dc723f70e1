// `npm run user -- import|link`: every row checked first (all problems with their lines, nothing created), --dry-run
// only checks, and the accounts are created without a usable password, each with a hashed one-time link (audited).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenHash } from '../../src/officers/tokens.js';
import { type UserArgs, userCommand } from '../../src/officers/user-command.js';
import { defaultDirectory } from '../../src/routing/load-directory.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { type Store, createStore } from '../../src/storage/store.js';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const GOOD = [
  '\uFEFFusername;name;role;agencies;email',
  'budi;"Budi, S.T.";officer;6371-pupr;budi@pupr.example.go.id',
  'siti;Siti;supervisor;6371-koordinator;',
  'kepala;;admin;;',
].join('\r\n');

describe('officer import', () => {
  let db: Db;
  let store: Store;
  beforeEach(() => {
    db = openDb(':memory:');
    store = createStore(db);
  });
  afterEach(() => db.close());

  const run = (args: Partial<UserArgs>, base: string | null = 'https://aduan.example.go.id') =>
    userCommand(
      { command: undefined, agencies: [], ...args },
      {
        store,
        directory: defaultDirectory(),
        readPassword: () => null,
        now: NOW,
        publicBaseUrl: base ?? undefined,
      },
    );
  const imported = (csv: string, dryRun = false) => run({ command: 'import', file: 'akun.csv', csv, dryRun });
  const audits = (type: string) =>
    db.prepare('SELECT count(*) FROM audit_events WHERE type = ?').pluck().get(type);

  it('reports every problem with its line and creates nothing', () => {
    store.officers.add({ username: 'lama', name: null, role: 'admin', passwordHash: 'x', agencies: [] }, NOW);
    const csv = [
      'username,name,role,agencies',
      'budi,Budi,officer,6371-pupr',
      'x,Pendek,officer,6371-pupr',
      'BUDI,Lagi,officer,6371-pupr',
      '',
      'lama,Ada,admin,',
      'rina,Rina,boss,6371-pupr',
      'joko,Joko,officer,nope-agency',
      'ani,Ani,supervisor,6371-pupr',
      'edo,Edo,officer,',
    ].join('\n');
    const r = imported(csv);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      '✗ line 3: username "x": 3–40 letters, digits, dots, dashes or underscores',
      '✗ line 4: username BUDI is already on line 2',
      '✗ line 6: username lama already exists',
      '✗ line 7: role "boss" must be admin, supervisor or officer',
      '✗ line 8: unknown agency nope-agency (npm run user -- agencies lists them)',
      '✗ line 9: 6371-pupr is not a complaint coordinator or Ombudsman: a supervisor belongs to one',
      '✗ line 10: a officer needs agencies (npm run user -- agencies lists them)',
      '✗ nothing was created',
    ]);
    expect(store.officers.list().map((o) => o.username)).toEqual(['lama']);
    expect(db.prepare('SELECT count(*) FROM password_links').pluck().get()).toBe(0);
  });

  it('refuses a header without the needed columns, an unknown column, an empty file and an unreadable one', () => {
    expect(imported('username,role\nbudi,admin').lines).toEqual([
      '✗ line 1: no "name" column',
      '✗ line 1: no "agencies" column',
      '✗ nothing was created',
    ]);
    expect(imported('username,name,role,agencies,phone\n').lines[0]).toBe('✗ line 1: unknown column "phone"');
    expect(imported('username,name,role,agencies\n').lines[0]).toBe('✗ line 1: no accounts under the header');
    expect(imported('').lines[0]).toMatch(/line 1: the file is empty/);
    expect(run({ command: 'import', file: 'hilang.csv', csv: null })).toEqual({
      code: 1,
      lines: ['✗ cannot read hilang.csv'],
    });
    expect(run({ command: 'import' }).lines[0]).toBe('usage:');
    expect(store.officers.list()).toEqual([]);
  });

  it('only checks with --dry-run', () => {
    expect(imported(GOOD, true)).toEqual({
      code: 0,
      lines: ['✓ 3 account(s) valid; nothing created (--dry-run)'],
    });
    expect(store.officers.list()).toEqual([]);
  });

  it('creates the accounts without a usable password and prints their links as a CSV, stored hashed', () => {
    const r = imported(GOOD);
    expect(r.code).toBe(0);
    expect(r.notes).toEqual([
      '✓ 3 account(s) created without a password; each sets its own through its link (72 hours, once)',
    ]);
    const [header, ...rows] = r.lines;
    expect(header).toBe('username,link,expires');
    expect(rows).toHaveLength(3);
    const expires = new Date(NOW + 72 * 3600_000).toISOString();
    const tokens = rows.map((row) => {
      const m = /^(\w+),https:\/\/aduan\.example\.go\.id\/petugas\/sandi\/([\w-]{22}),(.+)$/.exec(row);
      expect(m?.[3]).toBe(expires);
      return { username: m?.[1], token: m?.[2] ?? '' };
    });
    expect(tokens.map((x) => x.username)).toEqual(['budi', 'siti', 'kepala']);
    const stored = db.prepare('SELECT token_hash FROM password_links ORDER BY officer_id').pluck().all();
    expect(stored).toEqual(tokens.map((x) => tokenHash(x.token)));
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_events').all())).not.toContain(tokens[0]?.token);
    expect(store.officers.find('budi')).toMatchObject({
      name: 'Budi, S.T.',
      role: 'officer',
      agencies: ['6371-pupr'],
    });
    expect(store.officers.find('kepala')).toMatchObject({ name: null, role: 'admin', agencies: [] });
    expect(db.prepare("SELECT email FROM officers WHERE username = 'budi'").pluck().get()).toBe(
      'budi@pupr.example.go.id',
    );
    expect(store.officers.credentials('budi')?.passwordHash).toMatch(/^scrypt\$/);
    expect(audits('officer.password_link_created')).toBe(3);
  });

  it('prints the path alone without PUBLIC_BASE_URL, and says to prefix it', () => {
    const r = run(
      { command: 'import', file: 'a.csv', csv: 'username,name,role,agencies\nkepala,,admin,' },
      null,
    );
    expect(r.lines[1]).toMatch(/^kepala,\/petugas\/sandi\/[\w-]{22},/);
    expect(r.notes?.[1]).toMatch(/PUBLIC_BASE_URL is not set: prefix each link/);
  });

  it('makes a new link for one account that replaces the old one', () => {
    imported(GOOD);
    const before = db.prepare('SELECT token_hash FROM password_links').pluck().all();
    const r = run({ command: 'link', username: 'siti' });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('username,link,expires');
    const token = /sandi\/([\w-]{22}),/.exec(r.lines[1] ?? '')?.[1] ?? '';
    const id = store.officers.find('siti')?.id;
    expect(db.prepare('SELECT token_hash FROM password_links WHERE officer_id = ?').pluck().get(id)).toBe(
      tokenHash(token),
    );
    expect(db.prepare('SELECT count(*) FROM password_links').pluck().get()).toBe(3);
    expect(before).not.toContain(tokenHash(token));
    expect(run({ command: 'link', username: 'ghost' }).code).toBe(1);
    store.officers.disableAccount(id ?? -1, NOW);
    expect(run({ command: 'link', username: 'siti' }).lines[0]).toBe('✗ siti is disabled');
  });
});
