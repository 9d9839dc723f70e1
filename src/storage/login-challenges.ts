// Half-way sign-ins (migration 041): a password accepted for an account with TOTP on, known by the sha256 of its
// cookie, waiting for the code. Not a session: nothing of the workspace opens with one.
import { z } from 'zod';
import type { Db } from './db.js';

const Row = z.object({ officer_id: z.number(), csrf: z.string(), created_at: z.number() });

export type LoginChallenge = { officerId: number; csrf: string; createdAt: number };

export class LoginChallenges {
  private readonly insert;
  private readonly byId;
  private readonly drop;
  private readonly prune;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO officer_login_challenges (id, officer_id, csrf, created_at) VALUES (?, ?, ?, ?)',
    );
    this.byId = db.prepare('SELECT officer_id, csrf, created_at FROM officer_login_challenges WHERE id = ?');
    this.drop = db.prepare('DELETE FROM officer_login_challenges WHERE id = ?');
    this.prune = db.prepare('DELETE FROM officer_login_challenges WHERE created_at < ?');
  }

  /** Opens one (and forgets those opened before `staleBefore`). */
  open(idHash: string, officerId: number, csrf: string, now: number, staleBefore: number): void {
    this.prune.run(staleBefore);
    this.insert.run(idHash, officerId, csrf, now);
  }

  get(idHash: string): LoginChallenge | null {
    const raw = this.byId.get(idHash);
    if (!raw) return null;
    const r = Row.parse(raw);
    return { officerId: r.officer_id, csrf: r.csrf, createdAt: r.created_at };
  }

  close(idHash: string): void {
    this.drop.run(idHash);
  }
}
