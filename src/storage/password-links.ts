// One-time password-set links (migration 030): each account's one live link by the hash of its token, and the
// e-mail address an import gave the account.
import { z } from 'zod';
import type { Db } from './db.js';

const LinkRow = z.object({ officer_id: z.number(), expires_at: z.number() });

export class PasswordLinks {
  private readonly put;
  private readonly byHash;
  private readonly drop;
  private readonly setEmail;

  constructor(db: Db) {
    this.put = db.prepare(
      `INSERT INTO password_links (officer_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (officer_id) DO UPDATE SET
         token_hash = excluded.token_hash, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    );
    this.byHash = db.prepare('SELECT officer_id, expires_at FROM password_links WHERE token_hash = ?');
    this.drop = db.prepare('DELETE FROM password_links WHERE officer_id = ?');
    this.setEmail = db.prepare('UPDATE officers SET email = ? WHERE id = ?');
  }

  /** Keeps this link (by its token's hash) as the account's one live link, replacing an earlier one. */
  save(officerId: number, tokenHash: string, now: number, expiresAt: number): void {
    this.put.run(officerId, tokenHash, now, expiresAt);
  }

  /** The account of a link that is still valid at `now`; null when unknown, spent or expired. */
  validFor(tokenHash: string, now: number): number | null {
    const raw = this.byHash.get(tokenHash);
    if (!raw) return null;
    const row = LinkRow.parse(raw);
    return row.expires_at > now ? row.officer_id : null;
  }

  /** Spends the account's link. */
  spend(officerId: number): void {
    this.drop.run(officerId);
  }

  /** The e-mail address an import gave the account. */
  recordEmail(officerId: number, email: string): void {
    this.setEmail.run(email, officerId);
  }
}
