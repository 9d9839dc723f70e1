// Migration 030: one-time links that let an account set its own password (`npm run user -- import|link`), known only
// by the sha256 of their token, one live link per account.
export const sql = `
-- The account's one live link: used once (the row is deleted), valid until expires_at.
CREATE TABLE password_links (
  officer_id INTEGER PRIMARY KEY REFERENCES officers (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
`;
