// Migration 042: indexes for reads that scanned a whole table (found with EXPLAIN QUERY PLAN over every statement the
// repositories prepare). Linking a new ticket to similar ones scanned every complaint and sorted them, so filing
// cost grew with the database; a ticket's files and notes were looked up by scanning all of them.
export const sql = `
CREATE INDEX tickets_area ON tickets (category, kabkota_code, id);
CREATE INDEX attachments_ticket ON attachments (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX ticket_notes_ticket ON ticket_notes (ticket_id);
`;
