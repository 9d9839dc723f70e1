// Migration 011: officers' accounts (roles, agencies), their sessions, and who among them changed a ticket.
export const sql = `
CREATE TABLE officers (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT,
  -- admin: everything; supervisor: every ticket in its coordinator agency's scope; officer: its agencies' tickets
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'officer')),
  -- scrypt$N$r$p$salt$hash (base64url)
  password_hash TEXT NOT NULL,
  disabled_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE officer_agencies (
  officer_id INTEGER NOT NULL REFERENCES officers (id),
  agency_id TEXT NOT NULL,
  PRIMARY KEY (officer_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX officer_agencies_agency ON officer_agencies (agency_id);

-- A session is known by the sha256 of its cookie value: a copy of the database opens no session.
CREATE TABLE officer_sessions (
  id TEXT PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officers (id),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX officer_sessions_officer ON officer_sessions (officer_id);

-- Officers' replies to the citizen ('replied') and internal notes ('noted') are ticket events too.
ALTER TABLE ticket_events ADD COLUMN officer_id INTEGER REFERENCES officers (id);
`;
