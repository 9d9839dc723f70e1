// Officers' accounts, their agencies and their sessions.
import { z } from 'zod';
import { type Officer, OfficerRole } from '../domain/officer.js';
import type { Db } from './db.js';

const Row = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string().nullable(),
  role: OfficerRole,
  password_hash: z.string(),
  disabled_at: z.number().nullable(),
});
const SessionRow = z.object({
  officer_id: z.number(),
  csrf: z.string(),
  created_at: z.number(),
  last_seen_at: z.number(),
});

export type NewOfficer = {
  username: string;
  name: string | null;
  role: OfficerRole;
  passwordHash: string;
  agencies: readonly string[];
};

export type OfficerSession = { officerId: number; csrf: string; createdAt: number; lastSeenAt: number };

/** A COUNT(*) read back (built once: a schema made per call is compiled per call). */
const Count = z.number();

export class Officers {
  private readonly insert;
  private readonly insertAgency;
  private readonly byUsername;
  private readonly byId;
  private readonly all;
  private readonly agenciesOf;
  private readonly disable;
  private readonly setHash;
  private readonly insertSession;
  private readonly sessionById;
  private readonly touch;
  private readonly dropSession;
  private readonly dropSessionsOf;
  private readonly admins;
  private readonly ofAgency;
  private readonly insertToken;
  private readonly tokenOwner;
  private readonly revokeTokens;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO officers (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertAgency = db.prepare(
      'INSERT OR IGNORE INTO officer_agencies (officer_id, agency_id) VALUES (?, ?)',
    );
    const cols = 'id, username, name, role, password_hash, disabled_at';
    this.byUsername = db.prepare(`SELECT ${cols} FROM officers WHERE username = ?`);
    this.byId = db.prepare(`SELECT ${cols} FROM officers WHERE id = ?`);
    this.all = db.prepare(`SELECT ${cols} FROM officers ORDER BY username`);
    this.agenciesOf = db
      .prepare('SELECT agency_id FROM officer_agencies WHERE officer_id = ? ORDER BY agency_id')
      .pluck();
    this.disable = db.prepare('UPDATE officers SET disabled_at = ? WHERE id = ?');
    this.setHash = db.prepare('UPDATE officers SET password_hash = ? WHERE id = ?');
    this.insertSession = db.prepare(
      'INSERT INTO officer_sessions (id, officer_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.sessionById = db.prepare(
      'SELECT officer_id, csrf, created_at, last_seen_at FROM officer_sessions WHERE id = ?',
    );
    this.touch = db.prepare('UPDATE officer_sessions SET last_seen_at = ? WHERE id = ?');
    this.dropSession = db.prepare('DELETE FROM officer_sessions WHERE id = ?');
    this.dropSessionsOf = db.prepare('DELETE FROM officer_sessions WHERE officer_id = ?');
    this.ofAgency = db
      .prepare(
        `SELECT count(*) FROM officer_agencies oa JOIN officers o ON o.id = oa.officer_id
         WHERE oa.agency_id = ? AND o.disabled_at IS NULL`,
      )
      .pluck();
    this.insertToken = db.prepare(
      'INSERT INTO api_tokens (token_hash, officer_id, created_at) VALUES (?, ?, ?)',
    );
    this.tokenOwner = db
      .prepare('SELECT officer_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL')
      .pluck();
    this.revokeTokens = db.prepare(
      'UPDATE api_tokens SET revoked_at = ? WHERE officer_id = ? AND revoked_at IS NULL',
    );
    this.admins = db
      .prepare("SELECT count(*) FROM officers WHERE role = 'admin' AND disabled_at IS NULL")
      .pluck();
  }

  add(o: NewOfficer, now: number): number {
    const id = Number(this.insert.run(o.username, o.name, o.role, o.passwordHash, now).lastInsertRowid);
    for (const a of o.agencies) this.insertAgency.run(id, a);
    return id;
  }

  /** The account and its password hash, for a login. */
  credentials(username: string): { officer: Officer; passwordHash: string } | null {
    const raw = this.byUsername.get(username);
    if (!raw) return null;
    const r = Row.parse(raw);
    return { officer: this.toOfficer(r), passwordHash: r.password_hash };
  }

  get(id: number): Officer | null {
    const raw = this.byId.get(id);
    return raw ? this.toOfficer(Row.parse(raw)) : null;
  }

  find(username: string): Officer | null {
    return this.credentials(username)?.officer ?? null;
  }

  list(): Officer[] {
    return this.all.all().map((raw) => this.toOfficer(Row.parse(raw)));
  }

  /**
   * Enabled accounts that belong to an agency (officers, a coordinator's supervisors, and integrations, whose
   * systems pull the agency's tickets over Open311).
   */
  activeFor(agencyId: string): number {
    return Count.parse(this.ofAgency.get(agencyId));
  }

  activeAdmins(): number {
    return Count.parse(this.admins.get());
  }

  /** Disables the account and ends its sessions and API tokens. */
  disableAccount(id: number, now: number): void {
    this.disable.run(now, id);
    this.dropSessionsOf.run(id);
    this.revokeTokens.run(now, id);
  }

  addToken(tokenHash: string, officerId: number, now: number): void {
    this.insertToken.run(tokenHash, officerId, now);
  }

  /** The enabled account of an API token that was not revoked; an integration's key is not one (Open311 only). */
  byToken(tokenHash: string): Officer | null {
    const officer = this.ofToken(tokenHash);
    return officer?.role === 'integration' ? null : officer;
  }

  /** The enabled integration account of an Open311 api_key (an API token of that account) that was not revoked. */
  integrationByKey(tokenHash: string): Officer | null {
    const officer = this.ofToken(tokenHash);
    return officer?.role === 'integration' ? officer : null;
  }

  private ofToken(tokenHash: string): Officer | null {
    const id = this.tokenOwner.get(tokenHash);
    if (typeof id !== 'number') return null;
    const officer = this.get(id);
    return officer && !officer.disabled ? officer : null;
  }

  /** Revokes every API token of the account; how many there were. */
  revokeTokensOf(officerId: number, now: number): number {
    return this.revokeTokens.run(now, officerId).changes;
  }

  /** Sets a new password and ends the account's sessions. */
  setPassword(id: number, passwordHash: string): void {
    this.setHash.run(passwordHash, id);
    this.dropSessionsOf.run(id);
  }

  openSession(idHash: string, officerId: number, csrf: string, now: number): void {
    this.insertSession.run(idHash, officerId, csrf, now, now);
  }

  session(idHash: string): OfficerSession | null {
    const raw = this.sessionById.get(idHash);
    if (!raw) return null;
    const r = SessionRow.parse(raw);
    return { officerId: r.officer_id, csrf: r.csrf, createdAt: r.created_at, lastSeenAt: r.last_seen_at };
  }

  touchSession(idHash: string, now: number): void {
    this.touch.run(now, idHash);
  }

  closeSession(idHash: string): void {
    this.dropSession.run(idHash);
  }

  private toOfficer(r: z.infer<typeof Row>): Officer {
    return {
      id: r.id,
      username: r.username,
      name: r.name,
      role: r.role,
      agencies: this.agenciesOf.all(r.id).filter((a): a is string => typeof a === 'string'),
      disabled: r.disabled_at !== null,
    };
  }
}
