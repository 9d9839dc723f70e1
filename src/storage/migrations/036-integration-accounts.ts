// Migration 036: integration accounts (role `integration`: an Open311 client's API key, scoped to agencies, never a
// sign-in) and the service requests they filed: the account, the reporter's e-mail and how far it was told.
//
// SQLite cannot change a CHECK in place: `officers` is rebuilt (the documented 12-step way). Many tables reference
// it, so this migration runs with foreign keys off (`foreignKeysOff` in the list) and checks them before it commits.
export const sql = `
CREATE TABLE officers_036 (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT,
  -- admin: everything; supervisor: every ticket in its coordinator agency's scope; officer: its agencies' tickets;
  -- integration: an Open311 client's key, its agencies' tickets (no password, never signs in)
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'officer', 'integration')),
  -- scrypt$N$r$p$salt$hash (base64url); an integration account's is a marker no password matches
  password_hash TEXT NOT NULL,
  disabled_at INTEGER,
  created_at INTEGER NOT NULL,
  email TEXT
);
INSERT INTO officers_036 (id, username, name, role, password_hash, disabled_at, created_at, email)
  SELECT id, username, name, role, password_hash, disabled_at, created_at, email FROM officers;
DROP TABLE officers;
ALTER TABLE officers_036 RENAME TO officers;

-- A ticket filed through the Open311 server (POST requests): the integration account that filed it (it may follow
-- it with GET even when it is routed outside its agencies), the client's Idempotency-Key, and the reporter's e-mail
-- while there is something to tell (forgotten after the closing status was mailed). mailed_event: the last ticket
-- event the reporter was e-mailed about (or that was there at filing); the rest is the mail queue's lease and backoff.
CREATE TABLE open311_requests (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
  account_id INTEGER NOT NULL REFERENCES officers (id),
  idempotency_key TEXT,
  email TEXT,
  mailed_event INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX open311_requests_key ON open311_requests (account_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX open311_requests_account ON open311_requests (account_id, ticket_id);
CREATE INDEX open311_requests_mail ON open311_requests (next_attempt_at) WHERE email IS NOT NULL;
`;
