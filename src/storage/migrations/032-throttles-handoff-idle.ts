// Migration 032: attempt counters kept in the database (sign-in, password links, the status page, /tautkan), so a
// restart or a second process does not reset them; and a taken hand-off's idle deadline (`handoffs.expires_at`).
export const sql = `
-- One counter per throttled key: the key is an HMAC of what is counted (an address, a ticket number, a Telegram user,
-- a username) under throttle_key's secret, never the value itself; rows a day old are pruned.
CREATE TABLE throttles (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX throttles_window_start ON throttles (window_start);

-- This database's own secret for the keys above (made once, here; a copy of the database carries it along).
CREATE TABLE throttle_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL
);
INSERT INTO throttle_key (id, secret) VALUES (1, randomblob(32));

-- A taken hand-off now returns to the bot after HANDOFF_IDLE_MINUTES (120 by default) without an officer's message:
-- the ones taken before this migration get that deadline from when they were taken (past ones fire at once).
UPDATE handoffs SET expires_at = taken_at + 7200000 WHERE state = 'taken' AND expires_at IS NULL;
UPDATE conversations SET next_deadline_at = (
  SELECT h.expires_at FROM handoffs h WHERE h.conversation_id = conversations.id AND h.state = 'taken'
) WHERE id IN (SELECT conversation_id FROM handoffs WHERE state = 'taken');
`;
