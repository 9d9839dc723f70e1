// Migration 010: the language a conversation speaks is a column, read by channels and pages without opening snapshots.
export const sql = `
ALTER TABLE conversations ADD COLUMN lang TEXT NOT NULL DEFAULT 'id';
UPDATE conversations SET lang = 'en' WHERE json_valid(snapshot) AND json_extract(snapshot, '$.context.lang') = 'en';
`;
