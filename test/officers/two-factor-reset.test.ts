// The operator's reset of a locked-out admin clears the lock from wrong codes too: the admin's first code on the
// set-up page is taken at once, not refused as locked for the rest of 15 minutes.
import { generateSync } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetTwoFactor } from '../../src/officers/two-factor.js';
import { Harness } from '../helpers/harness.js';
import { enableTestTotp, testTwoFactor } from '../helpers/two-factor.js';

describe('resetting two-step verification', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  it('ends the lock, so the admin sets it up again at once', () => {
    const id = h.core.store.officers.add(
      { username: 'admin1', name: null, role: 'admin', agencies: [], passwordHash: 'x' },
      h.clock.now(),
    );
    enableTestTotp(h, id);
    const admin = h.core.store.officers.get(id);
    if (!admin) throw new Error('no account');
    const twoFactor = testTwoFactor(h);
    for (let i = 0; i < 5; i++) twoFactor.checkSignIn(admin, '000000', '203.0.113.9');
    expect(twoFactor.lockedMs(admin)).toBeGreaterThan(0);

    expect(resetTwoFactor(h.core.store, admin, h.clock.now())).toBe(true);
    expect(twoFactor.lockedMs(admin)).toBe(0);
    const setUp = twoFactor.setUp(admin);
    if (!setUp) throw new Error('no set-up');
    const code = generateSync({ secret: setUp.secret, epoch: Math.floor(h.clock.now() / 1000) });
    expect(twoFactor.confirm(admin, code)).toMatchObject({ ok: true });
  });
});
