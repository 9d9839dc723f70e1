// Migration 031: how far an outbox message of several parts (the text, an officer's files, the links) got.
export const sql = `
-- JSON written after each part the platform acknowledged: a retry, even after a restart, resumes after them.
ALTER TABLE outbox ADD COLUMN parts_sent TEXT;
`;
