// Migration 040: files to delete once their rows are gone. Erasure and retention write a file's path here in the same
// transaction that deletes its attachment rows; after the commit the file is deleted and its row here with it, and
// whatever a crash left in between is deleted at the next start or retention pass (`src/conversation/file-removals.ts`).
export const sql = `
CREATE TABLE pending_file_removals (
  -- The file under the attachments folder: 'ab/<sha256>'.
  path TEXT PRIMARY KEY,
  -- Why it goes: 'erasure' (the citizen asked), 'retention' (RETENTION_DAYS, a quiet chat), 'draft' (an expired
  -- draft) or 'consent' (the citizen refused consent after sending a file).
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;
