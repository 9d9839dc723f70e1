// What the scrape-time gauges read, as the metrics own it: storage answers it from SQLite, tests without one.

export type DeliveryStats = {
  method: string;
  /** Deliveries pending or being sent. */
  depth: number;
  /** created_at of the oldest of those, or null when there are none. */
  oldestCreatedAt: number | null;
  dead: number;
};

export type OutboxStats = {
  channel: string;
  /** Messages pending or being sent. */
  depth: number;
  /** created_at of the oldest of those, or null when there are none. */
  oldestCreatedAt: number | null;
  /** Dead letters (outbox.status = 'dead'). */
  dead: number;
};

/** What the scrape-time gauges read; injected so tests (and another store) can answer without SQLite. */
export type MetricsQueries = {
  outbox(): OutboxStats[];
  /** conversations.state → count. */
  conversationStates(): { state: string; count: number }[];
  /** tickets.status → count. */
  ticketStatuses(): { status: string; count: number }[];
  /** Ticket deliveries to agencies, per method (Deliveries.stats); without it those gauges stay empty. */
  deliveries?(): DeliveryStats[];
  /** Bytes in the database's write-ahead log (0 when there is none); without it the gauge is absent. */
  walBytes?(): number;
};
