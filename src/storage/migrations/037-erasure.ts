// Migration 037: erasure ("hapus data saya") and retention: when a ticket's identity was erased, the closed tickets
// retention still has to reach, the erased chats whose last message is still on its way, and a search index whose
// deleted rows leave no words behind.
export const sql = `
-- Set once the ticket's identity, attachments and chat link are gone (the citizen asked, or retention ran).
ALTER TABLE tickets ADD COLUMN erased_at INTEGER;
-- The retention sweep's candidates only: closed tickets not yet erased, the longest closed first.
CREATE INDEX tickets_retention ON tickets (updated_at)
  WHERE erased_at IS NULL AND status IN ('ditutup', 'ditolak', 'dicabut');

-- Whether any other row still uses a file, before the file itself is deleted.
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- An erased chat whose platform address is kept only until the last message to it (what was erased and kept) has
-- left: then its outbox rows take the conversation's pseudonym and the channel's records of the address go.
CREATE TABLE chat_erasures (
  conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id),
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  at INTEGER NOT NULL
);

-- FTS5 secure-delete (persistent): a deleted or replaced row's words leave the index's pages too. The optimize merges
-- what earlier deletes left behind into one clean segment.
INSERT INTO ticket_search (ticket_search, rank) VALUES ('secure-delete', 1);
INSERT INTO ticket_search (ticket_search) VALUES ('optimize');
`;
