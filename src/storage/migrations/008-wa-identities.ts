// Migration 008: a WhatsApp citizen's addresses (phone, business-scoped user ids) linked to one chat, and where
// replies to a chat go now.
export const sql = `
CREATE TABLE wacloud_addresses (
  -- 'p:<phone digits>' or 'u:<business-scoped user id>'
  address TEXT PRIMARY KEY,
  chat_id TEXT NOT NULL
);
CREATE INDEX wacloud_addresses_chat ON wacloud_addresses (chat_id);
ALTER TABLE wacloud_chats ADD COLUMN phone TEXT;
ALTER TABLE wacloud_chats ADD COLUMN user_id TEXT;
`;
