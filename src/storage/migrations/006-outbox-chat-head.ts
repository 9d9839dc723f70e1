// Migration 006: partial indexes over unsent outbox rows only, so picking each chat's due messages skips sent ones.
export const sql = `
-- A channel's unsent rows in id order, with what the due check reads: the sender walks them oldest first and stops
-- at its limit, never reading another channel's (a web chat's unread replies stay pending for good).
CREATE INDEX outbox_active ON outbox (channel, id, status, next_attempt_at, chat_id)
  WHERE status IN ('pending', 'sending');
-- A chat's unsent rows: whether an earlier message of the same chat still holds a later one back.
CREATE INDEX outbox_active_chat ON outbox (channel, chat_id, id, status, next_attempt_at)
  WHERE status IN ('pending', 'sending');
`;
