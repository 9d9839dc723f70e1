// Migration 003: the operators' block list; a blocked sender's messages are recorded but never answered.
export const sql = `
CREATE TABLE blocked_senders (
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  reason TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (channel, chat_id)
) WITHOUT ROWID;
`;
