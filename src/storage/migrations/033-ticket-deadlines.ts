// Migration 033: a ticket's deadlines by stage (verification, answer, field check) and the ladder steps fired on them.
export const sql = `
-- One row per stage a ticket went through: when it started, the WITA date it is due (missed from the next day),
-- paused while the officers wait for the citizen, and when the agency met it or the stage ended unmet (the ticket
-- moved to another agency, was closed or withdrawn, or a field check replaced the answer stage). At most one open
-- stage per ticket. tickets.due_date stays the open stage's date: the inbox sorts and filters by it.
CREATE TABLE ticket_deadlines (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  stage TEXT NOT NULL,
  agency_id TEXT,
  started_at INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  paused_at INTEGER,
  met_at INTEGER,
  ended_at INTEGER,
  reason TEXT
);
CREATE INDEX ticket_deadlines_ticket ON ticket_deadlines (ticket_id, id);
CREATE UNIQUE INDEX ticket_deadlines_one_open ON ticket_deadlines (ticket_id)
  WHERE met_at IS NULL AND ended_at IS NULL;
CREATE INDEX ticket_deadlines_running ON ticket_deadlines (due_on, id)
  WHERE met_at IS NULL AND ended_at IS NULL AND paused_at IS NULL;

-- A ladder step fired on a missed stage: once per stage and level, whatever restarts happen.
CREATE TABLE ticket_ladder (
  deadline_id INTEGER NOT NULL REFERENCES ticket_deadlines (id),
  level TEXT NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  fired_at INTEGER NOT NULL,
  PRIMARY KEY (deadline_id, level)
);
CREATE INDEX ticket_ladder_ticket ON ticket_ladder (ticket_id);

-- Tickets open before this migration: a new one awaits verification, the others their answer, by the date they had.
INSERT INTO ticket_deadlines (ticket_id, stage, agency_id, started_at, due_on, paused_at)
  SELECT id, CASE status WHEN 'baru' THEN 'verify' ELSE 'answer' END, agency_id, created_at, due_date,
    CASE status WHEN 'menunggu_pelapor' THEN updated_at END
  FROM tickets WHERE status IN ('baru', 'diverifikasi', 'diproses', 'dialihkan', 'menunggu_pelapor');
`;
