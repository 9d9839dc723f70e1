// Migration 025: a citizen's chat handed to a person (hand-off): asked, taken by an account, returned to the bot or
// expired untaken; the ticket (and so the agency and kab/kota) it belongs to when the chat had an open one.
export const sql = `
CREATE TABLE handoffs (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  ticket_id INTEGER REFERENCES tickets (id),
  agency_id TEXT,
  kabkota_code TEXT,
  state TEXT NOT NULL CHECK (state IN ('open', 'taken', 'returned', 'expired')),
  asked_at INTEGER NOT NULL,
  -- When an untaken hand-off returns to the bot; null once taken.
  expires_at INTEGER,
  taken_by INTEGER REFERENCES officers (id),
  taken_at INTEGER,
  returned_at INTEGER
);

-- At most one live hand-off per chat; the queue reads the live ones oldest first.
CREATE UNIQUE INDEX handoffs_live_chat ON handoffs (conversation_id) WHERE state IN ('open', 'taken');
CREATE INDEX handoffs_live ON handoffs (asked_at) WHERE state IN ('open', 'taken');
`;
