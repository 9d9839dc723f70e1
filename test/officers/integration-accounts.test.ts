// Integration accounts (role `integration`): made with `npm run user` without a password, their key from `token`,
// never signed in to the pages (not even with a password set behind the command's back, nor with a session), never a
// password link or an imported row; migration 036 rebuilds `officers` for the role and keeps every reference to it.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { newToken, tokenHash } from '../../src/officers/tokens.js';
import { userCommand } from '../../src/officers/user-command.js';
import { migrate } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const PASSWORD = 'kata-sandi-panjang-1';

describe('integration accounts', () => {
  let h: Harness;
  const run = (command: string, extra: Partial<Parameters<typeof userCommand>[0]> = {}) =>
    userCommand(
      { command, username: 'sistem-pupr', role: 'integration', agencies: ['6371-pupr'], ...extra },
      {
        store: h.core.store,
        directory: h.core.directory,
        readPassword: () => {
          throw new Error('an integration account reads no password');
        },
        now: h.clock.now(),
      },
    );

  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  it('are added without a password, scoped to agencies, and get an Open311 api_key from token', () => {
    expect(run('add').lines[0]).toContain('sistem-pupr (integration) added');
    expect(run('add', { username: 'tanpa-instansi', agencies: [] }).code).toBe(2);
    const token = run('token');
    expect(token.lines[0]).toContain('api_key');
    const key = token.lines.at(-1) ?? '';
    expect(h.core.store.officers.integrationByKey(tokenHash(key))).toMatchObject({
      role: 'integration',
      agencies: ['6371-pupr'],
    });
    expect(h.core.store.officers.byToken(tokenHash(key))).toBeNull();
    expect(run('link').code).toBe(1);
    expect(run('reset-password').code).toBe(1);
    const list = run('list').lines.join('\n');
    expect(list).toContain('sistem-pupr\tintegration\t6371-pupr');
  });

  it('are refused in a CSV import', () => {
    const csv = 'username,name,role,agencies\nsistem,Sistem,integration,6371-pupr\n';
    const out = userCommand(
      { command: 'import', agencies: [], file: 'akun.csv', csv },
      { store: h.core.store, directory: h.core.directory, readPassword: () => null, now: 0 },
    );
    expect(out.code).toBe(1);
    expect(out.lines.join('\n')).toContain('must be admin, supervisor or officer');
  });

  it('never sign in to the pages, even with a password set or a session opened directly', async () => {
    run('add');
    const account = h.core.store.officers.find('sistem-pupr');
    h.core.store.officers.setPassword(account?.id ?? 0, hashPassword(PASSWORD));
    const app = officerApp(h);
    const { get, post } = pageClient(app);
    const jar = new Jar();
    const page = await get(jar, '/petugas/masuk');
    const res = await post(jar, '/petugas/masuk', {
      username: 'sistem-pupr',
      password: PASSWORD,
      csrf: csrfIn(await page.text()),
    });
    expect(res.status).toBe(401);
    const cookie = newToken();
    h.core.store.officers.openSession(tokenHash(cookie), account?.id ?? 0, newToken(), h.clock.now());
    const inbox = await app.request('/petugas', { headers: { cookie: `__Host-aduan_petugas=${cookie}` } });
    expect(inbox.status).toBe(303);
    expect(inbox.headers.get('location')).toBe('/petugas/masuk');
  });

  it('migration 036 rebuilds officers for the role and keeps the rows that point at them', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 36),
    );
    db.prepare(
      "INSERT INTO officers (username, role, password_hash, created_at, email) VALUES ('budi', 'officer', 'x', 1, 'b@x.id')",
    ).run();
    db.prepare("INSERT INTO officer_agencies (officer_id, agency_id) VALUES (1, '6371-pupr')").run();
    db.prepare("INSERT INTO api_tokens (token_hash, officer_id, created_at) VALUES ('h', 1, 1)").run();
    expect(migrate(db)).toContain(36);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT username, email FROM officers').all()).toEqual([
      { username: 'budi', email: 'b@x.id' },
    ]);
    expect(db.prepare('SELECT officer_id FROM api_tokens').pluck().all()).toEqual([1]);
    db.prepare(
      "INSERT INTO officers (username, role, password_hash, created_at) VALUES ('s', 'integration', '!', 1)",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO api_tokens (token_hash, officer_id, created_at) VALUES ('g', 99, 1)").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO officers (username, role, password_hash, created_at) VALUES ('t', 'tamu', '!', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
