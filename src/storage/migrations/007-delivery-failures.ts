// Migration 007: chats whose citizen blocked the bot (their messages wait) and the outbox row a WhatsApp status names.
export const sql = `
-- The citizen blocked the bot or deleted the account (Telegram my_chat_member "kicked", a send refused with 403):
-- the chat's messages wait without spending attempts until the citizen writes again, and die 30 days after blocked_at.
-- Not the operators' block list (blocked_senders): that one is ours, this one is the citizen's.
CREATE TABLE chat_blocks (
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  blocked_at INTEGER NOT NULL,
  PRIMARY KEY (channel, chat_id)
) WITHOUT ROWID;
CREATE INDEX chat_blocks_since ON chat_blocks (blocked_at);

-- The message a WhatsApp Cloud delivery status is about (its wamid), so that a failed delivery can be acted on.
CREATE INDEX outbox_wamid ON outbox (platform_message_id)
  WHERE channel = 'wacloud' AND platform_message_id IS NOT NULL;
`;
