// Linking an officer's account to a Telegram user: a one-time code made on the web (stored hashed, 15 minutes, one
// live code per account), sent as `/tautkan KODE` to the bot in a private chat; wrong codes are throttled per user.
import type { Clock } from '../clock.js';
import type { Officer } from '../domain/officer.js';
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
/** Telegram users whose wrong tries are remembered, at most (the oldest are forgotten first). */
const MAX_TRACKED = 10_000;

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
  /** Per Telegram user: when its recent wrong tries were made. */
  private readonly wrong = new Map<string, number[]>();

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
    const recent = (this.wrong.get(telegramUserId) ?? []).filter((at) => now - at < WRONG_WINDOW_MS);
    const first = recent[0];
    if (recent.length >= WRONG_TRIES && first !== undefined)
      return { ok: false, problem: 'throttled', retryInMs: first + WRONG_WINDOW_MS - now };
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
    this.wrong.delete(telegramUserId);
    if (linked) return { ok: true, officer: linked };
    // Re-inserted last: the map forgets the users that tried longest ago first.
    this.wrong.set(telegramUserId, [...recent, now]);
    while (this.wrong.size > MAX_TRACKED) {
      const oldest = this.wrong.keys().next().value;
      if (oldest === undefined) break;
      this.wrong.delete(oldest);
    }
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
