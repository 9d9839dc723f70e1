// Migration 029: an admin's changes to an agency of the directory file (destinations, opening hours) as JSON, one row
// per agency; a null column keeps the file's value. Webhook secrets are kept by their environment name only.
export const sql = `
CREATE TABLE agency_overrides (
  agency_id TEXT PRIMARY KEY,
  destinations TEXT,
  hours TEXT,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES officers (id)
);
`;
