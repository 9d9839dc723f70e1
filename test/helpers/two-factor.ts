// Two-step sign-in in tests: the test server secret the apps seal TOTP secrets with, a known TOTP secret, codes at the
// harness's clock (real otplib codes), and an account given TOTP already confirmed (as an admin must have it).
import { generateSync } from 'otplib';
import { totpSecretBox } from '../../src/officers/totp-secret-box.js';
import { TwoFactor } from '../../src/officers/two-factor.js';
import type { Harness } from './harness.js';

/** What the test apps use as the server's LINK_SECRET. */
const TEST_SERVER_SECRET = 'test-link-secret-0123456789abcdefghijklmnop';
export const testBox = totpSecretBox(TEST_SERVER_SECRET);
/** The TOTP secret `enableTestTotp` gives an account. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The two-step service over the harness, as the test apps build it. */
export const testTwoFactor = (h: Harness): TwoFactor =>
  new TwoFactor({ store: h.core.store, clock: h.clock, random: h.core.ids.random, box: testBox });

/** The code an authenticator app shows at the harness's time, `steps` 30-second steps away. */
export function totpCode(h: Harness, secret = TEST_TOTP_SECRET, steps = 0): string {
  return generateSync({ secret, epoch: Math.floor(h.clock.now() / 1000) + 30 * steps });
}

/** Gives the account TOTP on (the known secret, no recovery codes), as if it had set it up. */
export function enableTestTotp(h: Harness, officerId: number): void {
  const { secondFactors } = h.core.store;
  secondFactors.startTotp(officerId, testBox.seal(officerId, TEST_TOTP_SECRET), h.clock.now());
  secondFactors.enableTotp(officerId, 0, h.clock.now());
}

/**
 * Lets the account's next code be one of a step already used: tests sign in again within one 30-second step (the
 * refusal of a replayed code has its own tests).
 */
export function forgetSpentStep(h: Harness, officerId: number): void {
  h.core.db.prepare('UPDATE officer_totp SET last_step = NULL WHERE officer_id = ?').run(officerId);
}
