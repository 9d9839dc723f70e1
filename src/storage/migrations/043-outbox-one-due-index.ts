// Migration 043: the outbox keeps one partial index over its unsent rows in id order, not two. outbox_due (by
// next_attempt_at) was written on every message's insert, claim and sent mark, and what read it (the lease recovery,
// the metrics' queue depth, `npm run outbox`) reads outbox_active's rows just as well: only unsent ones, few.
export const sql = `
DROP INDEX outbox_due;
`;
