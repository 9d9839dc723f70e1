// Migration 027: a duplicate ticket merged into another of the same agency (`merged_into`): the merged one is closed,
// and its citizen follows the ticket it joined (the chats of the tickets merged into a ticket hear of its changes).
export const sql = `
ALTER TABLE tickets ADD COLUMN merged_into INTEGER REFERENCES tickets (id);
CREATE INDEX tickets_merged_into ON tickets (merged_into) WHERE merged_into IS NOT NULL;
`;
