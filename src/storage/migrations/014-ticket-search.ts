// Migration 014: full-text search over tickets (story, the citizen's additions, officers' messages and notes), indexed
// as the project's Indonesian normalization writes it. better-sqlite3 cannot register a JavaScript tokenizer, so the
// text is normalized before it is stored and queries the same way. Tickets filed before this migration are indexed
// with their story lowercased, as typed; the next change to each re-indexes it normalized.
export const sql = `
CREATE VIRTUAL TABLE ticket_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO ticket_search (rowid, body)
  SELECT t.id, lower(json_extract(c.data, '$.story')) FROM tickets t JOIN complaints c ON c.id = t.complaint_id;
`;
