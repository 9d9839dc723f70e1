// Officers' second factor (migration 041): each account's sealed TOTP secret, the last time step it accepted, and
// its recovery codes (hashed, each used once).
import { z } from 'zod';
import type { Db } from './db.js';

const TotpRow = z.object({
  sealed_secret: z.string(),
  enabled_at: z.number().nullable(),
  last_step: z.number().nullable(),
});
const CodeRow = z.object({ id: z.number(), code_hash: z.string() });

/** An account's TOTP as stored: its sealed secret, when it was turned on (null: still being set up), its last step. */
export type StoredTotp = { sealedSecret: string; enabledAt: number | null; lastStep: number | null };

/** Every account's TOTP secret that is on, sealed: what the doctor tries to open with the server's secret. */
export function sealedTotpSecrets(db: Db): { officerId: number; sealedSecret: string }[] {
  return db
    .prepare(
      'SELECT officer_id, sealed_secret FROM officer_totp WHERE enabled_at IS NOT NULL ORDER BY officer_id',
    )
    .all()
    .map((raw) => {
      const r = z.object({ officer_id: z.number(), sealed_secret: z.string() }).parse(raw);
      return { officerId: r.officer_id, sealedSecret: r.sealed_secret };
    });
}

export class SecondFactors {
  private readonly read;
  private readonly putPending;
  private readonly enable;
  private readonly step;
  private readonly dropTotp;
  private readonly dropCodes;
  private readonly addCode;
  private readonly unused;
  private readonly spend;
  private readonly dropSessions;
  private readonly dropChallenges;

  constructor(private readonly db: Db) {
    this.read = db.prepare(
      'SELECT sealed_secret, enabled_at, last_step FROM officer_totp WHERE officer_id = ?',
    );
    // A set-up started again (not yet on) takes the new secret; one already on is never replaced here.
    this.putPending = db.prepare(
      `INSERT INTO officer_totp (officer_id, sealed_secret, created_at) VALUES (?, ?, ?)
       ON CONFLICT (officer_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, created_at = excluded.created_at
       WHERE officer_totp.enabled_at IS NULL`,
    );
    this.enable = db.prepare(
      'UPDATE officer_totp SET enabled_at = ?, last_step = ? WHERE officer_id = ? AND enabled_at IS NULL',
    );
    this.step = db.prepare(
      'UPDATE officer_totp SET last_step = ? WHERE officer_id = ? AND (last_step IS NULL OR last_step < ?)',
    );
    this.dropTotp = db.prepare('DELETE FROM officer_totp WHERE officer_id = ?');
    this.dropCodes = db.prepare('DELETE FROM officer_recovery_codes WHERE officer_id = ?');
    this.addCode = db.prepare(
      'INSERT INTO officer_recovery_codes (officer_id, code_hash, created_at) VALUES (?, ?, ?)',
    );
    this.unused = db.prepare(
      'SELECT id, code_hash FROM officer_recovery_codes WHERE officer_id = ? AND used_at IS NULL ORDER BY id',
    );
    this.spend = db.prepare('UPDATE officer_recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL');
    this.dropSessions = db.prepare('DELETE FROM officer_sessions WHERE officer_id = ?');
    this.dropChallenges = db.prepare('DELETE FROM officer_login_challenges WHERE officer_id = ?');
  }

  /** The account's TOTP, on or being set up; null when it has none. */
  totpOf(officerId: number): StoredTotp | null {
    const raw = this.read.get(officerId);
    if (!raw) return null;
    const r = TotpRow.parse(raw);
    return { sealedSecret: r.sealed_secret, enabledAt: r.enabled_at, lastStep: r.last_step };
  }

  /** Keeps a secret being set up (replacing one not yet confirmed); false when the account's TOTP is already on. */
  startTotp(officerId: number, sealedSecret: string, now: number): boolean {
    return this.putPending.run(officerId, sealedSecret, now).changes === 1;
  }

  /** Turns the set-up secret on, its confirming code's step spent; false when there was none waiting. */
  enableTotp(officerId: number, step: number, now: number): boolean {
    return this.enable.run(now, step, officerId).changes === 1;
  }

  /** Spends a time step: false when that step or a later one was accepted already (the same code again). */
  useStep(officerId: number, step: number): boolean {
    return this.step.run(step, officerId, step).changes === 1;
  }

  /** Removes the account's TOTP and recovery codes (turned off); its sessions stay. */
  removeTotp(officerId: number): void {
    this.db.transaction(() => {
      this.dropTotp.run(officerId);
      this.dropCodes.run(officerId);
    })();
  }

  /** The operator's reset: no TOTP, no recovery codes, and no session or half-way sign-in of the account is left. */
  reset(officerId: number): boolean {
    return this.db.transaction(() => {
      const had = this.dropTotp.run(officerId).changes > 0;
      this.dropCodes.run(officerId);
      this.dropSessions.run(officerId);
      this.dropChallenges.run(officerId);
      return had;
    })();
  }

  /** Replaces the account's recovery codes with these hashes (the earlier ones stop working). */
  replaceRecoveryCodes(officerId: number, hashes: readonly string[], now: number): void {
    this.db.transaction(() => {
      this.dropCodes.run(officerId);
      for (const h of hashes) this.addCode.run(officerId, h, now);
    })();
  }

  /** The account's recovery codes not yet used, by id and hash. */
  unusedRecoveryCodes(officerId: number): { id: number; hash: string }[] {
    return this.unused.all(officerId).map((raw) => {
      const r = CodeRow.parse(raw);
      return { id: r.id, hash: r.code_hash };
    });
  }

  /** Spends one recovery code; false when it was used already. */
  useRecoveryCode(id: number, now: number): boolean {
    return this.spend.run(now, id).changes === 1;
  }
}
