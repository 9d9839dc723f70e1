// Officers' second factor: a TOTP authenticator (RFC 6238 through otplib: 6 digits, 30-second steps, ±1 step) set up
// from the account page and confirmed with one code, ten recovery codes, and the checks of sign-in, turning it off
// and new recovery codes. A code's step is spent once (no replay); five wrong codes lock the account's code checks
// for 15 minutes. Required for admins. Every change, recovery code used and wrong code is audited (never a code).
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
import type { ThrottleRule } from '../domain/throttle-rule.js';
import type { StoredTotp } from '../storage/second-factors.js';
import type { Store } from '../storage/store.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { canonicalRecoveryCode, matchingRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import type { TotpSecretBox } from './totp-secret-box.js';

/** Seconds per TOTP step, and the steps accepted either side of now. */
const PERIOD_S = 30;
const TOLERANCE_STEPS = 1;
/** How the authenticator app names the account. */
const ISSUER = 'Aduan';
/** Wrong codes an account may give in 15 minutes before its code checks are locked for the rest of them. */
const WRONG_CODES = 5;
const WRONG: ThrottleRule = { kind: 'window', limit: WRONG_CODES, windowMs: 15 * 60_000 };
const wrongKey = (officerId: number) => `2fa:${officerId}`;
/** Wrong recovery codes count per account and client: five from one address do not stop the owner elsewhere. */
const recoveryKey = (officerId: number, client: string) => `2fa-recovery:${officerId}:${client}`;

/** Where a wrong code was given (the audit's `during`). */
type During = 'sign_in' | 'set_up' | 'turn_off' | 'recovery_codes';

export type TwoFactorDeps = {
  store: Store;
  clock: Clock;
  /** A uniform integer in [0, n) (crypto in production), for recovery codes. */
  random: (n: number) => number;
  box: TotpSecretBox;
};

export type TwoFactorState = { enabledAt: number | null; recoveryLeft: number };
type CodeProblem = { ok: false; problem: 'wrong' | 'locked'; retryInMs: number };
type SignInCheck = { ok: true; by: 'totp' } | { ok: true; by: 'recovery'; left: number } | CodeProblem;
type NewCodes = { ok: true; codes: string[] } | CodeProblem;
type TurnOff = { ok: true } | CodeProblem | { ok: false; problem: 'required' | 'not_on' };

export class TwoFactor {
  constructor(private readonly deps: TwoFactorDeps) {}

  /** Admins must have it; every other account may. */
  required(officer: Officer): boolean {
    return twoFactorRequired(officer);
  }

  state(officer: Officer): TwoFactorState {
    const { store } = this.deps;
    const enabledAt = store.secondFactors.totpOf(officer.id)?.enabledAt ?? null;
    const recoveryLeft = enabledAt === null ? 0 : store.secondFactors.unusedRecoveryCodes(officer.id).length;
    return { enabledAt, recoveryLeft };
  }

  enabled(officer: Officer): boolean {
    return twoFactorOn(this.deps.store, officer);
  }

  /** An admin without TOTP on: the set-up is all the workspace lets it reach. */
  mustSetUp(officer: Officer): boolean {
    return mustSetUpTwoFactor(this.deps.store, officer);
  }

  /** Milliseconds the account's code checks stay locked after too many wrong codes (0: open). */
  lockedMs(officer: Officer): number {
    return this.deps.store.throttles.waitMs(wrongKey(officer.id), WRONG, this.deps.clock.now());
  }

  /**
   * The secret being set up, as text and as an otpauth:// URI for the authenticator app: the one waiting (a reload
   * shows the same), else a new one. Null when the account's TOTP is on already.
   */
  setUp(officer: Officer): { secret: string; uri: string } | null {
    const { store, box, clock } = this.deps;
    const stored = store.secondFactors.totpOf(officer.id);
    if (stored && stored.enabledAt !== null) return null;
    let secret = stored ? box.open(officer.id, stored.sealedSecret) : null;
    if (secret === null) {
      secret = generateSecret();
      if (!store.secondFactors.startTotp(officer.id, box.seal(officer.id, secret), clock.now())) return null;
    }
    return { secret, uri: generateURI({ issuer: ISSUER, label: officer.username, secret }) };
  }

  /** Turns the set-up secret on with its first code; the ten recovery codes, shown this once. */
  confirm(officer: Officer, typed: string): NewCodes | { ok: false; problem: 'not_pending' } {
    const { store, clock } = this.deps;
    const stored = store.secondFactors.totpOf(officer.id);
    if (!stored || stored.enabledAt !== null) return { ok: false, problem: 'not_pending' };
    const locked = this.locked(officer, 'set_up');
    if (locked) return locked;
    const step = this.totpStep(officer, typed, stored);
    if (step === null) return this.wrong(officer, 'set_up');
    const now = clock.now();
    const codes = this.recoveryCodes();
    const on = store.tx(() => {
      if (!store.secondFactors.enableTotp(officer.id, step, now)) return false;
      store.secondFactors.replaceRecoveryCodes(officer.id, codes.hashes, now);
      store.audit.record({ at: now, actor: actorOf(officer), type: 'officer.two_factor_enabled' });
      return true;
    });
    if (!on) return { ok: false, problem: 'not_pending' };
    store.throttles.clear(wrongKey(officer.id));
    return { ok: true, codes: codes.shown };
  }

  /**
   * The second step of a sign-in: a current code, or an unused recovery code (spent). Wrong authenticator codes lock
   * the account's code checks (six digits must not be guessed); a recovery code (about 49 bits) is still taken then,
   * under its own limit per account and client, so someone who knows the password cannot lock the owner out.
   */
  checkSignIn(officer: Officer, typed: string, client: string): SignInCheck {
    const { store } = this.deps;
    const stored = store.secondFactors.totpOf(officer.id);
    if (canonicalRecoveryCode(typed) !== null) return this.recoverySignIn(officer, typed, client, stored);
    const locked = this.locked(officer, 'sign_in');
    if (locked) return locked;
    if (!stored || stored.enabledAt === null) return this.wrong(officer, 'sign_in');
    if (this.spendStep(officer, typed, stored)) {
      store.throttles.clear(wrongKey(officer.id));
      return { ok: true, by: 'totp' };
    }
    return this.wrong(officer, 'sign_in');
  }

  private recoverySignIn(
    officer: Officer,
    typed: string,
    client: string,
    stored: StoredTotp | null,
  ): SignInCheck {
    const { store, clock } = this.deps;
    const now = clock.now();
    const key = recoveryKey(officer.id, client);
    const wait = store.throttles.waitMs(key, WRONG, now);
    if (wait > 0) {
      store.audit.record({
        at: now,
        actor: actorOf(officer),
        type: 'officer.two_factor_failed',
        data: { during: 'sign_in', recovery: true, locked: true },
      });
      return { ok: false, problem: 'locked', retryInMs: wait };
    }
    const left =
      stored === null || stored.enabledAt === null
        ? null
        : store.tx(() => {
            const unused = store.secondFactors.unusedRecoveryCodes(officer.id);
            const id = matchingRecoveryCode(typed, unused);
            if (id === null || !store.secondFactors.useRecoveryCode(id, now)) return null;
            const remaining = unused.length - 1;
            store.audit.record({
              at: now,
              actor: actorOf(officer),
              type: 'officer.two_factor_recovery_used',
              data: { left: remaining },
            });
            return remaining;
          });
    if (left === null) {
      store.throttles.hit(key, WRONG, now);
      store.audit.record({
        at: now,
        actor: actorOf(officer),
        type: 'officer.two_factor_failed',
        data: { failures: store.throttles.counter(key)?.count ?? 1, during: 'sign_in', recovery: true },
      });
      const after = store.throttles.waitMs(key, WRONG, now);
      return { ok: false, problem: after > 0 ? 'locked' : 'wrong', retryInMs: after };
    }
    store.throttles.clear(wrongKey(officer.id));
    store.throttles.clear(key);
    return { ok: true, by: 'recovery', left };
  }

  /** Ten new recovery codes (the earlier ones stop working), for a current code; shown this once. */
  regenerate(officer: Officer, typed: string): NewCodes | { ok: false; problem: 'not_on' } {
    const { store, clock } = this.deps;
    const stored = store.secondFactors.totpOf(officer.id);
    if (!stored || stored.enabledAt === null) return { ok: false, problem: 'not_on' };
    const locked = this.locked(officer, 'recovery_codes');
    if (locked) return locked;
    if (!this.spendStep(officer, typed, stored)) return this.wrong(officer, 'recovery_codes');
    const now = clock.now();
    const codes = this.recoveryCodes();
    store.tx(() => {
      store.secondFactors.replaceRecoveryCodes(officer.id, codes.hashes, now);
      store.audit.record({
        at: now,
        actor: actorOf(officer),
        type: 'officer.two_factor_recovery_regenerated',
      });
    });
    store.throttles.clear(wrongKey(officer.id));
    return { ok: true, codes: codes.shown };
  }

  /** Turns it off (not for admins), for a current code or the account's password. */
  turnOff(officer: Officer, proof: string): TurnOff {
    const { store, clock } = this.deps;
    if (this.required(officer)) return { ok: false, problem: 'required' };
    const stored = store.secondFactors.totpOf(officer.id);
    if (!stored || stored.enabledAt === null) return { ok: false, problem: 'not_on' };
    const locked = this.locked(officer, 'turn_off');
    if (locked) return locked;
    const hash = store.officers.credentials(officer.username)?.passwordHash;
    const proven = /^\d{6}$/.test(proof)
      ? this.spendStep(officer, proof, stored)
      : hash !== undefined && verifyPassword(proof, hash);
    if (!proven) return this.wrong(officer, 'turn_off');
    const now = clock.now();
    store.tx(() => {
      store.secondFactors.removeTotp(officer.id);
      store.audit.record({ at: now, actor: actorOf(officer), type: 'officer.two_factor_disabled' });
    });
    store.throttles.clear(wrongKey(officer.id));
    return { ok: true };
  }

  /** The lock, when on: each attempt refused by it is audited too (never the code), so a campaign shows. */
  private locked(officer: Officer, during: During): CodeProblem | null {
    const wait = this.lockedMs(officer);
    if (wait <= 0) return null;
    this.deps.store.audit.record({
      at: this.deps.clock.now(),
      actor: actorOf(officer),
      type: 'officer.two_factor_failed',
      data: { during, locked: true },
    });
    return { ok: false, problem: 'locked', retryInMs: wait };
  }

  /** Counts a wrong code (audited with the count, never the code); locked once it was the fifth. */
  private wrong(officer: Officer, during: During): CodeProblem {
    const { store, clock } = this.deps;
    const now = clock.now();
    const key = wrongKey(officer.id);
    store.throttles.hit(key, WRONG, now);
    const failures = store.throttles.counter(key)?.count ?? 1;
    store.audit.record({
      at: now,
      actor: actorOf(officer),
      type: 'officer.two_factor_failed',
      data: { failures, during },
    });
    const wait = store.throttles.waitMs(key, WRONG, now);
    return { ok: false, problem: wait > 0 ? 'locked' : 'wrong', retryInMs: wait };
  }

  /** The time step of a code the stored secret gives within ±1 step of now and after the last one spent; or null. */
  private totpStep(
    officer: Officer,
    typed: string,
    stored: { sealedSecret: string; lastStep: number | null },
  ): number | null {
    const token = typed.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const secret = this.deps.box.open(officer.id, stored.sealedSecret);
    if (secret === null) return null;
    const result = verifySync({
      secret,
      token,
      epoch: Math.floor(this.deps.clock.now() / 1000),
      period: PERIOD_S,
      epochTolerance: PERIOD_S * TOLERANCE_STEPS,
      ...(stored.lastStep === null ? {} : { afterTimeStep: stored.lastStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** A current code, its step spent (the same code again, even at once from elsewhere, is refused). */
  private spendStep(
    officer: Officer,
    typed: string,
    stored: { sealedSecret: string; lastStep: number | null },
  ): boolean {
    const step = this.totpStep(officer, typed, stored);
    return step !== null && this.deps.store.secondFactors.useStep(officer.id, step);
  }

  private recoveryCodes(): { shown: string[]; hashes: string[] } {
    const shown = newRecoveryCodes(this.deps.random);
    return { shown, hashes: shown.map((c) => hashPassword(canonicalRecoveryCode(c) ?? c)) };
  }
}

/**
 * The operator's reset (`npm run user -- --reset-2fa USERNAME`, for a locked-out admin): the account's TOTP and
 * recovery codes go, with its sessions and half-way sign-ins; audited. False when it had no TOTP.
 */
export function resetTwoFactor(
  store: Pick<Store, 'secondFactors' | 'audit' | 'tx' | 'throttles'>,
  officer: Officer,
  now: number,
): boolean {
  return store.tx(() => {
    const had = store.secondFactors.reset(officer.id);
    // A lock from wrong codes would otherwise refuse the set-up's first code too.
    store.throttles.clear(wrongKey(officer.id));
    store.audit.record({
      at: now,
      actor: 'system',
      type: 'officer.two_factor_reset',
      data: { officerId: officer.id, username: officer.username, via: 'npm run user' },
    });
    return had;
  });
}

/** An admin without TOTP on: it may reach only the set-up (not the workspace, the API's officer pages, Telegram). */
export function mustSetUpTwoFactor(store: Pick<Store, 'secondFactors'>, officer: Officer): boolean {
  return twoFactorRequired(officer) && !twoFactorOn(store, officer);
}

/** Admins must have it; every other account may. */
const twoFactorRequired = (officer: Officer): boolean => officer.role === 'admin';

/** The account's TOTP is on (confirmed, not only being set up). */
const twoFactorOn = (store: Pick<Store, 'secondFactors'>, officer: Officer): boolean =>
  (store.secondFactors.totpOf(officer.id)?.enabledAt ?? null) !== null;

const actorOf = (officer: Officer) => `officer:${officer.id}`;
