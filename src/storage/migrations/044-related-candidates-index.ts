// Migration 044: related tickets' candidates read from one covering index. Filing a ticket looked up each of its area's
// 50 newest tickets in the table (for the date and the chat) and parsed each complaint's JSON for its story: ~0.4 ms
// of every filing. The index answers the first part alone; the stories are read only for tickets not seen before
// (src/tickets/related-tickets.ts keeps their words).
export const sql = `
DROP INDEX tickets_area;
CREATE INDEX tickets_area ON tickets (category, kabkota_code, id, created_at, conversation_id, number, erased_at);
`;
