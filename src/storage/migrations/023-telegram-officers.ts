// Migration 023: officers acting from their agency's Telegram group: one-time link codes (hashed), the Telegram user
// linked to each account (one each way), and which group message carries which ticket.
export const sql = `
-- One live code per account, known only by its sha256; used once, valid until expires_at.
CREATE TABLE telegram_link_codes (
  officer_id INTEGER PRIMARY KEY REFERENCES officers (id),
  code_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

-- A Telegram user (from.id) acts as this account: one user per account and one account per user.
CREATE TABLE telegram_officer_links (
  telegram_user_id TEXT PRIMARY KEY,
  officer_id INTEGER NOT NULL UNIQUE REFERENCES officers (id),
  linked_at INTEGER NOT NULL
) WITHOUT ROWID;

-- The messages a ticket was posted as in an officers' group (each part of a long one), and the bot's lines about it.
CREATE TABLE telegram_ticket_messages (
  chat_id TEXT NOT NULL,
  message_id INTEGER NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
`;
