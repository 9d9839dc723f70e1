// Linking an officer's account to a Telegram user: a one-time code made on the web (stored hashed, 15 minutes, one
// live code per account), sent as `/tautkan KODE` to the bot in a private chat; wrong codes are throttled per user
// in the stored throttle (a restart or a second process keeps the count).
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
import type { ThrottleRule } from '../domain/throttle-rule.js';
import type { Store } from '../storage/store.js';
import type { TelegramLink } from '../storage/telegram-officers.js';
import { tokenHash } from './tokens.js';

/** Symbols easy to read and type: no 0/O, 1/I/L, U. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
export const CODE_TTL_MS = 15 * 60_000;
/** Wrong or expired codes a Telegram user may send within an hour before the next tries are refused. */
export const WRONG_TRIES = 5;
export const WRONG_WINDOW_MS = 3600_000;
const WRONG: ThrottleRule = { kind: 'window', limit: WRONG_TRIES, windowMs: WRONG_WINDOW_MS };
/** The throttle's key of a Telegram user (stored only as a keyed hash). */
const wrongKey = (telegramUserId: string) => `tautkan:${telegramUserId}`;

export type TelegramLinkingDeps = {
  store: Store;
  clock: Clock;
  /** A uniform integer in [0, n) (the injected ids: crypto in production). */
  random: (n: number) => number;
};

export type RedeemResult =
  | { ok: true; officer: Officer }
  | { ok: false; problem: 'wrong' }
  | { ok: false; problem: 'throttled'; retryInMs: number };

/** What the officer typed after /tautkan, as stored: upper case, without spaces or dashes. */
const canonical = (typed: string) => typed.toUpperCase().replace(/[\s-]+/g, '');

export class TelegramLinking {
  constructor(private readonly deps: TelegramLinkingDeps) {}

  /** A new one-time code for the account (the earlier one stops working); shown once, kept only as its hash. */
  newCode(officer: Officer): { code: string; expiresAt: number } {
    const { store, clock, random } = this.deps;
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[random(ALPHABET.length)];
    const now = clock.now();
    const expiresAt = now + CODE_TTL_MS;
    store.telegramOfficers.saveCode(officer.id, tokenHash(code), now, expiresAt);
    return { code, expiresAt };
  }

  /** Links the Telegram user to the account of a live code (used up either way), unless it tried too often. */
  redeem(telegramUserId: string, typed: string): RedeemResult {
    const { store, clock } = this.deps;
    const now = clock.now();
    const wait = store.throttles.waitMs(wrongKey(telegramUserId), WRONG, now);
    if (wait > 0) return { ok: false, problem: 'throttled', retryInMs: wait };
    const linked = store.tx(() => {
      const taken = store.telegramOfficers.takeCode(tokenHash(canonical(typed)), now);
      const officer = taken && taken !== 'expired' ? store.officers.get(taken.officerId) : null;
      if (!officer || officer.disabled) return null;
      store.telegramOfficers.link(telegramUserId, officer.id, now);
      store.audit.record({
        at: now,
        actor: `officer:${officer.id}`,
        type: 'officer.telegram_linked',
        data: { telegramUserId },
      });
      return officer;
    });
    if (linked) {
      store.throttles.clear(wrongKey(telegramUserId));
      return { ok: true, officer: linked };
    }
    store.throttles.hit(wrongKey(telegramUserId), WRONG, now);
    return { ok: false, problem: 'wrong' };
  }

  /** A code typed where others can read it (a group): it stops working. */
  burn(typed: string): void {
    const { store, clock } = this.deps;
    store.telegramOfficers.takeCode(tokenHash(canonical(typed)), clock.now());
  }

  /** Ends the account's link (audited); false when it had none. */
  unlink(officer: Officer): boolean {
    const { store, clock } = this.deps;
    return store.tx(() => {
      const link = store.telegramOfficers.linkOf(officer.id);
      if (!link || !store.telegramOfficers.unlink(officer.id)) return false;
      store.audit.record({
        at: clock.now(),
        actor: `officer:${officer.id}`,
        type: 'officer.telegram_unlinked',
        data: { telegramUserId: link.telegramUserId },
      });
      return true;
    });
  }

  linkOf(officer: Officer): TelegramLink | null {
    return this.deps.store.telegramOfficers.linkOf(officer.id);
  }

  /** The enabled account a Telegram user acts as, or null (not linked, or the account is disabled). */
  officerOf(telegramUserId: string): Officer | null {
    const id = this.deps.store.telegramOfficers.officerOf(telegramUserId);
    const officer = id === null ? null : this.deps.store.officers.get(id);
    return officer && !officer.disabled ? officer : null;
  }
}
