// Migration 016: the agencies a ticket was taken away from (dialihkan): they keep reading its history.
export const sql = `
CREATE TABLE ticket_past_agencies (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  agency_id TEXT NOT NULL,
  until INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX ticket_past_agencies_agency ON ticket_past_agencies (agency_id, ticket_id);
`;
