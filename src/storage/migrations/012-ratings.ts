// Migration 012: the citizen's rating of a ticket the agency called done, and the index the closing sweep reads.
export const sql = `
ALTER TABLE tickets ADD COLUMN rating_score INTEGER CHECK (rating_score BETWEEN 1 AND 5);
ALTER TABLE tickets ADD COLUMN rating_comment TEXT;
ALTER TABLE tickets ADD COLUMN rated_at INTEGER;
CREATE INDEX tickets_status_updated ON tickets (status, updated_at);
`;
