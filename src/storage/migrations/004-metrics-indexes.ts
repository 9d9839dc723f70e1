// Migration 004: indexes that keep the scrape-time gauges of GET /metrics cheap (dead letters, conversation states).
export const sql = `
CREATE INDEX outbox_dead ON outbox (channel) WHERE status = 'dead';
CREATE INDEX conversations_state ON conversations (state);
`;
