// Migration 033: a ticket's deadlines by stage (verification, answer, field check) and the ladder steps fired on them.
export const sql = `
-- One row per stage a ticket went through: when it started, the WITA date it is due (missed from the next day),
-- paused while the officers wait for the citizen, and when the agency met it or the stage ended unmet (the ticket
-- moved to another agency, was closed or withdrawn, or a field check replaced the answer stage). At most one open
-- stage per ticket. tickets.due_date stays the open stage's date: the inbox sorts and filters by it.
-- next_step_on: the WITA date from which the stage's next ladder step is due (the day after due_on until the
-- reminder); NULL once the last step fired or the stage was met or ended. The ladder's sweep reads only stages
-- whose step is due, so stages waiting between steps or done with the ladder never crowd out a new miss.
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
  reason TEXT,
  next_step_on TEXT
);
CREATE INDEX ticket_deadlines_ticket ON ticket_deadlines (ticket_id, id);
CREATE UNIQUE INDEX ticket_deadlines_one_open ON ticket_deadlines (ticket_id)
  WHERE met_at IS NULL AND ended_at IS NULL;
CREATE INDEX ticket_deadlines_next_step ON ticket_deadlines (next_step_on, id)
  WHERE next_step_on IS NOT NULL AND met_at IS NULL AND ended_at IS NULL AND paused_at IS NULL;

-- A ladder step fired on a missed stage: once per stage and level, whatever restarts happen.
CREATE TABLE ticket_ladder (
  deadline_id INTEGER NOT NULL REFERENCES ticket_deadlines (id),
  level TEXT NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  fired_at INTEGER NOT NULL,
  PRIMARY KEY (deadline_id, level)
);
CREATE INDEX ticket_ladder_ticket ON ticket_ladder (ticket_id);

-- Tickets open before this migration, by the date they had: a new one and one moved to another agency (dialihkan)
-- await verification; the others their answer, met already when an officer wrote to the citizen (a 'replied' event:
-- met then), else running (paused while waiting for the citizen).
INSERT INTO ticket_deadlines (ticket_id, stage, agency_id, started_at, due_on, paused_at, met_at, next_step_on)
  SELECT t.id, s.stage, t.agency_id, t.created_at, t.due_date,
    CASE WHEN t.status = 'menunggu_pelapor' AND s.met_at IS NULL THEN t.updated_at END,
    s.met_at,
    CASE WHEN s.met_at IS NULL THEN date(t.due_date, '+1 day') END
  FROM tickets t JOIN (
    SELECT id,
      CASE WHEN status IN ('baru', 'dialihkan') THEN 'verify' ELSE 'answer' END AS stage,
      CASE WHEN status IN ('baru', 'dialihkan') THEN NULL ELSE (
        SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.type = 'replied'
          AND e.actor = 'officer'
      ) END AS met_at
    FROM tickets
  ) s ON s.id = t.id
  WHERE t.status IN ('baru', 'diverifikasi', 'diproses', 'dialihkan', 'menunggu_pelapor');
`;
