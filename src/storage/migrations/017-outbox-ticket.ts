// Migration 017: the ticket an outbound message is about, so a citizen's reply to it (the platform's reply context)
// reaches that ticket. Only such messages are indexed, by the id the platform gave them.
export const sql = `
ALTER TABLE outbox ADD COLUMN ticket TEXT;
CREATE INDEX outbox_ticket_reply ON outbox (conversation_id, platform_message_id)
  WHERE ticket IS NOT NULL AND platform_message_id IS NOT NULL;
`;
