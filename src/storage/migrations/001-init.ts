// Migration 001: conversations, inbound log, outbox, complaints, tickets, attachments, audit.
export const sql = `
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  flow TEXT NOT NULL,
  flow_version INTEGER NOT NULL,
  state TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  next_deadline_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (channel, chat_id)
);
CREATE INDEX conversations_deadline ON conversations (next_deadline_at) WHERE next_deadline_at IS NOT NULL;

CREATE TABLE inbound_messages (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  received_at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  -- JSON of what was understood (text, attachment ids, location); NULL once the citizen refused consent.
  body TEXT,
  UNIQUE (channel, dedup_key)
);
CREATE INDEX inbound_conversation ON inbound_messages (conversation_id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  inbound_id INTEGER REFERENCES inbound_messages (id),
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  platform_message_id TEXT,
  last_error TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_chat ON outbox (channel, chat_id, id);

CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  data TEXT NOT NULL,
  category TEXT NOT NULL,
  kabkota_code TEXT NOT NULL,
  identity_mode TEXT NOT NULL CHECK (identity_mode IN ('biasa', 'rahasia', 'anonim')),
  created_at INTEGER NOT NULL
);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  complaint_id INTEGER NOT NULL UNIQUE REFERENCES complaints (id),
  -- The chat that filed it, only to deliver updates; dropped when an anonim ticket is closed.
  conversation_id INTEGER REFERENCES conversations (id),
  status TEXT NOT NULL DEFAULT 'baru',
  due_date TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tickets_conversation ON tickets (conversation_id);

CREATE TABLE ticket_notes (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  author TEXT NOT NULL,
  text TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  kind TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  filename TEXT,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  ticket_id INTEGER REFERENCES tickets (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_conversation ON attachments (conversation_id);

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  ticket_id INTEGER REFERENCES tickets (id),
  conversation_id INTEGER REFERENCES conversations (id),
  data TEXT
);
`;
