// Migration 039: the search index rebuilt masked. Tickets indexed before `reindex` masked personal data keep their
// reporter's NIK, phone and name in `ticket_search`; SQL cannot mask, so the start-up step (`maskSearchIndex`) re-indexes
// every ticket in batches and keeps its progress here: the last ticket done, and when it finished.
export const sql = `
CREATE TABLE search_masked (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  after_ticket INTEGER NOT NULL,
  done_at INTEGER
);
INSERT INTO search_masked (id, after_ticket) VALUES (1, 0);
`;
