// Migration 022: the audit log's filters, newest first. Each filter (an account, a ticket, an action) reads its own
// index in id order, and the time index turns a date range into an id range (ids are given in time order).
export const sql = `
CREATE INDEX audit_events_actor ON audit_events (actor, id);
CREATE INDEX audit_events_ticket ON audit_events (ticket_id, id);
CREATE INDEX audit_events_type ON audit_events (type, id);
CREATE INDEX audit_events_at ON audit_events (at, id);
`;
