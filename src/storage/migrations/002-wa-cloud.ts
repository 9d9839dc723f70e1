// Migration 002: what the WhatsApp Cloud API channel remembers per chat (24-hour window, held messages, menus)
// and the delivery statuses Meta reports.
export const sql = `
CREATE TABLE wacloud_chats (
  chat_id TEXT PRIMARY KEY,
  last_inbound_at INTEGER,
  last_template_at INTEGER,
  menu TEXT
);

CREATE TABLE wacloud_held (
  id INTEGER PRIMARY KEY,
  chat_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  held_at INTEGER NOT NULL
);
CREATE INDEX wacloud_held_chat ON wacloud_held (chat_id, id);

CREATE TABLE wacloud_statuses (
  wamid TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
  at INTEGER NOT NULL,
  error_code INTEGER,
  error_title TEXT
);
`;
