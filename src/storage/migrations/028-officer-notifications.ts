// Migration 028: officers' notifications: each account's e-mail address and settings (per kind how it is told),
// the queue of notices (one row per recipient, channel, kind, ticket and key: written once, sent at least once), and
// the deadline stages already noticed per ticket (so the sweep reads only what is new).
export const sql = `
-- The account's own e-mail address (notifications; an imported account may come with one).
ALTER TABLE officers ADD COLUMN email TEXT;

-- Missing row: the defaults (new tickets and replies by Telegram, deadlines by both). Each kind: none|email|telegram|both.
CREATE TABLE officer_notification_settings (
  officer_id INTEGER PRIMARY KEY REFERENCES officers (id),
  new_ticket TEXT NOT NULL CHECK (new_ticket IN ('none', 'email', 'telegram', 'both')),
  reply TEXT NOT NULL CHECK (reply IN ('none', 'email', 'telegram', 'both')),
  deadline TEXT NOT NULL CHECK (deadline IN ('none', 'email', 'telegram', 'both')),
  updated_at INTEGER NOT NULL
);

-- recipient: 'officer:<id>' (e-mail, or Telegram to the linked user) or 'group:<agency>/<destination>' (an agency's
-- Telegram group). The address is read when sending, so a changed e-mail or a new link is followed.
CREATE TABLE officer_notifications (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'telegram')),
  kind TEXT NOT NULL CHECK (kind IN ('new_ticket', 'reply', 'due_soon', 'overdue')),
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE UNIQUE INDEX officer_notifications_once ON officer_notifications (recipient, channel, kind, ticket_id, key);
CREATE INDEX officer_notifications_due ON officer_notifications (next_attempt_at)
  WHERE status IN ('pending', 'sending');

-- A ticket's deadline stage (due_soon, overdue) noticed for one due date; a new due date (dialihkan) is noticed again.
CREATE TABLE ticket_deadline_notices (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  stage TEXT NOT NULL CHECK (stage IN ('due_soon', 'overdue')),
  due_date TEXT NOT NULL,
  PRIMARY KEY (ticket_id, stage, due_date)
) WITHOUT ROWID;
`;
