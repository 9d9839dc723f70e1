// Migration 013: officers' API tokens, known only by their hash.
export const sql = `
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officers (id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;
CREATE INDEX api_tokens_officer ON api_tokens (officer_id);
`;
