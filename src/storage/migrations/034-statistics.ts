// Migration 034: the statistics' read model, kept by the statistics refresher: each ticket's counted keys and the
// counts rolled up per month and per week, so the statistics page reads thousands of rows instead of every ticket.
export const sql = `
-- One row per ticket the refresher has counted: its filing day, agency, kab/kota and category, and its keys
-- ("dim=value", ";"-separated, "@agency" when a key belongs to another agency, as a stage of an earlier agency does).
-- A ticket counted again takes its old keys out of the rollup before the new ones go in.
CREATE TABLE stat_tickets (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
  day TEXT NOT NULL,
  agency_id TEXT NOT NULL,
  kabkota_code TEXT NOT NULL,
  category TEXT NOT NULL,
  keys TEXT NOT NULL
);
CREATE INDEX stat_tickets_day ON stat_tickets (day);

-- Counts per dimension and value, per period of the filing ('M2026-11' a month, 'W2026-11-23' the week from that
-- Monday; 'D2026-11-23' a WITA day, for the tickets filed only), agency ('' for none), kab/kota and category. Read by
-- dimension and periods; the days a range has beyond whole weeks are read from stat_tickets.
CREATE TABLE stat_rollup (
  dim TEXT NOT NULL,
  period TEXT NOT NULL,
  agency_id TEXT NOT NULL,
  kabkota_code TEXT NOT NULL,
  category TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, period, agency_id, kabkota_code, category, value)
) WITHOUT ROWID;
CREATE INDEX stat_rollup_empty ON stat_rollup (dim) WHERE n = 0;

-- How far the refresher has read: the last ticket event, deadline row and ladder step it counted, and when it last
-- caught up (the page's "per HH:mm").
CREATE TABLE stat_marks (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;
