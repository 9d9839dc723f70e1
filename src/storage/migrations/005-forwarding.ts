// Migration 005: routing decisions on tickets, links between similar tickets, and the outbox of ticket deliveries.
export const sql = `
ALTER TABLE tickets ADD COLUMN agency_id TEXT;
-- JSON: the routing decision (rule, reason, fallback, also-notified agencies), shown to officers.
ALTER TABLE tickets ADD COLUMN routing TEXT;
CREATE INDEX tickets_agency ON tickets (agency_id, id);

-- Similar complaints about the same place and category from different citizens, linked for officers.
CREATE TABLE ticket_links (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  linked_ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  score REAL NOT NULL,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, linked_ticket_id)
) WITHOUT ROWID;

-- One row per ticket × agency destination (webhook, email, Telegram group, Open311): at-least-once delivery.
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  agency_id TEXT NOT NULL,
  destination_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('webhook', 'email', 'telegram', 'open311')),
  -- Stable per ticket and destination; sent as a header or the e-mail's Message-ID, so receivers can drop repeats.
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER,
  remote_id TEXT,
  last_error TEXT
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX deliveries_ticket ON deliveries (ticket_id);
CREATE INDEX deliveries_dead ON deliveries (status) WHERE status = 'dead';
`;
