// Migration 024: the PIN of each ticket's public status page, kept only as a salted sha256 (tickets filed before
// this migration have none: their citizens ask in the chat).
export const sql = `
CREATE TABLE ticket_status_pins (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
  salt TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;
