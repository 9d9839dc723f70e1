// Migration 020: a ticket's one assignee ("ditugaskan ke"), an officer account of its agency, kept on the ticket row so
// the inbox filters by it ("untuk saya", "belum ditugaskan") on an index within each scope; the history is in events.
export const sql = `
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES officers (id);
CREATE INDEX tickets_assignee ON tickets (assignee_id, id);
CREATE INDEX tickets_agency_assignee ON tickets (agency_id, assignee_id, id);
CREATE INDEX tickets_kabkota_assignee ON tickets (kabkota_code, assignee_id, id);
`;
