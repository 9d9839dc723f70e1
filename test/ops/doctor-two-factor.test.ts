// The doctor fails when the accounts' TOTP secrets do not open with this server's secret (a database restored onto a
// machine without the old LINK_SECRET or $DATA_DIR/link-secret), and says how to recover.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTwoFactor } from '../../src/app/doctor-two-factor.js';
import { Harness } from '../helpers/harness.js';
import { enableTestTotp } from '../helpers/two-factor.js';

const TEST_SERVER_SECRET = 'test-link-secret-0123456789abcdefghijklmnop';

describe("doctor's two-step login check", () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  const officer = (username: string) =>
    h.core.store.officers.add(
      { username, name: null, role: 'admin', agencies: [], passwordHash: 'x' },
      h.clock.now(),
    );

  it('is ok with no account using it, and with every secret opening', () => {
    expect(checkTwoFactor({ LINK_SECRET: undefined, dataDir: h.dir }, h.core.db).mark).toBe('ok');
    enableTestTotp(h, officer('admin1'));
    const c = checkTwoFactor({ LINK_SECRET: TEST_SERVER_SECRET, dataDir: h.dir }, h.core.db);
    expect(c).toMatchObject({ mark: 'ok' });
    expect(c.detail).toContain('1 account');
  });

  it('fails, naming how many accounts are locked out, under another server secret or none', () => {
    enableTestTotp(h, officer('admin1'));
    enableTestTotp(h, officer('admin2'));
    const other = checkTwoFactor(
      { LINK_SECRET: 'another-server-secret-0123456789abcdefgh', dataDir: h.dir },
      h.core.db,
    );
    expect(other).toMatchObject({ mark: 'fail' });
    expect(other.detail).toContain('2 of 2');
    expect(other.fix).toContain('--reset-2fa');
    const none = checkTwoFactor({ LINK_SECRET: undefined, dataDir: join(h.dir, 'nowhere') }, h.core.db);
    expect(none).toMatchObject({ mark: 'fail' });
    writeFileSync(join(h.dir, 'link-secret'), `${TEST_SERVER_SECRET}\n`);
    expect(checkTwoFactor({ LINK_SECRET: undefined, dataDir: h.dir }, h.core.db).mark).toBe('ok');
  });
});
