// Migration 035: the copies of a ticket an agency received besides the agency that handles it (Ombudsman Kalsel's
// tembusan: the ladder's last step, or the citizen's own request at intake), so the copy agency's accounts find the
// ticket in their scope (inbox, page, API, CSV, statistics) and read it until they take it over.
export const sql = `
-- One row per ticket and copy agency, written in the transaction of the copy's 'escalated' event. 'why': 'deadline'
-- (the ladder) or 'citizen' (asked at intake).
CREATE TABLE ticket_copies (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  agency_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  why TEXT NOT NULL CHECK (why IN ('deadline', 'citizen')),
  PRIMARY KEY (ticket_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX ticket_copies_agency ON ticket_copies (agency_id, ticket_id);

-- The copies made before this migration: each 'escalated' event (its time and why), then the agencies the routing
-- also sent the ticket to ('also', the intake escalation; dropped from the routing by a later dialihkan, so the
-- 'routed' event's comma-separated list too).
INSERT OR IGNORE INTO ticket_copies (ticket_id, agency_id, at, why)
  SELECT e.ticket_id, json_extract(e.data, '$.to'), e.at,
    CASE json_extract(e.data, '$.why') WHEN 'citizen' THEN 'citizen' ELSE 'deadline' END
  FROM ticket_events e
  WHERE e.type = 'escalated' AND json_valid(e.data) AND json_type(e.data, '$.to') = 'text'
  ORDER BY e.id;
INSERT OR IGNORE INTO ticket_copies (ticket_id, agency_id, at, why)
  SELECT t.id, json_extract(a.value, '$.agencyId'), t.created_at,
    CASE json_extract(a.value, '$.why.kind') WHEN 'deadline' THEN 'deadline' ELSE 'citizen' END
  FROM tickets t, json_each(CASE WHEN json_valid(t.routing) THEN t.routing ELSE '{}' END, '$.also') a
  WHERE json_type(a.value, '$.agencyId') = 'text';
INSERT OR IGNORE INTO ticket_copies (ticket_id, agency_id, at, why)
  WITH RECURSIVE parts (ticket_id, at, agency, rest) AS (
    SELECT ticket_id, at, NULL, json_extract(data, '$.also') || ',' FROM ticket_events
    WHERE type = 'routed' AND json_valid(data) AND json_type(data, '$.also') = 'text'
    UNION ALL
    SELECT ticket_id, at, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1) FROM parts
    WHERE rest != ''
  )
  SELECT ticket_id, agency, at, 'citizen' FROM parts WHERE agency IS NOT NULL AND agency != '';
`;
