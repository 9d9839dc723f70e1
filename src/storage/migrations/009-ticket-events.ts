// Migration 009: every change of a ticket as a typed event (who, what, when, from → to, why), written with the change.
export const sql = `
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  at INTEGER NOT NULL,
  -- 'citizen', 'system' or 'officer' (migration 011 adds officer_id)
  actor TEXT NOT NULL,
  -- filed | routed | appended | status_changed
  type TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  reason TEXT,
  data TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

-- Tickets filed before this migration get their 'filed' event (and 'status_changed' when no longer new), so a
-- ticket's history is never empty.
INSERT INTO ticket_events (ticket_id, at, actor, type, from_status, to_status)
  SELECT id, created_at, 'citizen', 'filed', NULL, 'baru' FROM tickets;
INSERT INTO ticket_events (ticket_id, at, actor, type, from_status, to_status, reason)
  SELECT id, updated_at, CASE status WHEN 'dicabut' THEN 'citizen' ELSE 'system' END, 'status_changed', 'baru', status,
         'migrated'
  FROM tickets WHERE status != 'baru';
`;
