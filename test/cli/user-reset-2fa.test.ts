// `npm run user -- --reset-2fa USERNAME` as the operator runs it: a locked-out admin's TOTP and recovery codes are
// gone from the configured database, its sessions ended, the reset audited; an unknown name changes nothing.
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { enableTestTotp } from '../helpers/two-factor.js';

describe('npm run user -- --reset-2fa', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: h.dir, PORT: '0' };
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/user.ts', ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += String(d);
      });
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end();
    });

  it('turns off an admin’s two-step verification and ends its sessions, audited', async () => {
    const { store } = h.core;
    const id = store.officers.add(
      { username: 'kepala', name: null, role: 'admin', passwordHash: hashPassword('x'), agencies: [] },
      h.clock.now(),
    );
    enableTestTotp(h, id);
    store.secondFactors.replaceRecoveryCodes(id, ['scrypt$a', 'scrypt$b'], h.clock.now());
    store.officers.openSession('sesi', id, 'csrf', h.clock.now());
    h.core.close();

    const reset = await run(['--reset-2fa', 'kepala']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toBe(
      '✓ two-step verification of kepala reset; its sessions ended; it must set it up again at its next sign-in\n',
    );
    const unknown = await run(['--reset-2fa', 'siapa']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('✗ no account named siapa');

    h.restart();
    const db = h.core.db;
    expect(h.core.store.secondFactors.totpOf(id)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM officer_recovery_codes').pluck().get()).toBe(0);
    expect(h.core.store.officers.session('sesi')).toBeNull();
    expect(
      db.prepare("SELECT actor, data FROM audit_events WHERE type = 'officer.two_factor_reset'").all(),
    ).toEqual([{ actor: 'system', data: `{"officerId":${id},"username":"kepala","via":"npm run user"}` }]);
  });
});
