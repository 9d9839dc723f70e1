// Migration 026: files officers attach to an answer (a reply or a status change): the account and the ticket event.
export const sql = `
-- An officer's file is an attachment of the ticket sent to the citizen's chat (conversation_id), never one the
-- citizen sent: officer_id says whose it is, event_id which 'replied' or 'status_changed' event it went with.
ALTER TABLE attachments ADD COLUMN officer_id INTEGER REFERENCES officers (id);
ALTER TABLE attachments ADD COLUMN event_id INTEGER REFERENCES ticket_events (id);
CREATE INDEX attachments_event ON attachments (event_id) WHERE event_id IS NOT NULL;
`;
