// Migration 041: two-factor sign-in for officers: each account's TOTP secret (sealed), its recovery codes (hashed,
// each used once), and the sign-in challenges between the password and the code.
export const sql = `
-- One TOTP secret per account, sealed with AES-256-GCM under a key derived from the server's LINK_SECRET (never in
-- clear here). enabled_at is NULL while the set-up waits for its first code; last_step is the 30-second time step of
-- the last code accepted: a code of that step or an earlier one is refused (a replay).
CREATE TABLE officer_totp (
  officer_id INTEGER PRIMARY KEY REFERENCES officers (id),
  sealed_secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  enabled_at INTEGER,
  last_step INTEGER
);

-- Ten recovery codes per account, shown once and kept as scrypt hashes (the passwords' hasher); used_at spends one.
CREATE TABLE officer_recovery_codes (
  id INTEGER PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officers (id),
  code_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX officer_recovery_codes_officer ON officer_recovery_codes (officer_id, used_at);

-- A password accepted for an account with TOTP on: the half-way step (known by the sha256 of its cookie) that only
-- the code page accepts, for 5 minutes. It is no session: the workspace opens none until the code is right.
CREATE TABLE officer_login_challenges (
  id TEXT PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officers (id),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX officer_login_challenges_officer ON officer_login_challenges (officer_id);
CREATE INDEX officer_login_challenges_created ON officer_login_challenges (created_at);
`;
