// Climbing the escalation ladder in tests: a stage opened on a ticket (as the ticket writer opens them), the clock set
// to a WITA working day and the sweep run, Ombudsman Kalsel given a destination, and what a chat was last told.
import type { Harness } from './harness.js';

/** 09:00 WITA on a date. */
export const day = (date: string): number => Date.parse(`${date}T09:00:00+08:00`);

/**
 * A stage due Wednesday 25 November 2026: the reminder on Thursday 26, the coordinator 2 working days later (Monday
 * 30), Ombudsman 5 working days after that (Monday 7 December).
 */
export const LADDER = {
  due: '2026-11-25',
  reminder: '2026-11-26',
  coordinator: '2026-11-30',
  ombudsman: '2026-12-07',
} as const;

export const OMBUDSMAN = 'ombudsman-kalsel';

/** Ends every open stage (those filing opened): only the stages a test opens climb. */
export function endOpenStages(h: Harness): void {
  h.core.db
    .prepare('UPDATE ticket_deadlines SET ended_at = ? WHERE met_at IS NULL AND ended_at IS NULL')
    .run(h.clock.now());
}

/** The ticket's id, and a stage opened on it now (ending any open one), due `dueOn`. */
export function openStage(
  h: Harness,
  number: string,
  dueOn: string = LADDER.due,
): { ticketId: number; stageId: number } {
  const ticket = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
  if (!ticket) throw new Error(`no ticket ${number}`);
  const stageId = h.core.store.ticketDeadlines.open(
    { ticketId: ticket.id, stage: 'verify', agencyId: ticket.agencyId, dueOn },
    h.clock.now(),
  );
  return { ticketId: ticket.id, stageId };
}

/** Sets the clock to 09:00 WITA of `date` and sweeps once; the steps taken. */
export function sweepOn(h: Harness, date: string): number {
  h.clock.set(day(date));
  return h.core.ladder.sweep();
}

/** Ombudsman Kalsel receives tickets by e-mail (kept as an admin's change, so it holds after a restart). */
export function ombudsmanByMail(h: Harness, adminId: number): void {
  h.core.store.agencyOverrides.save(
    OMBUDSMAN,
    {
      destinations: [{ id: 'surel', method: 'email', to: ['laporan@ombudsman.example.go.id'], cc: [] }],
      hours: null,
    },
    adminId,
    h.clock.now(),
  );
  h.core.directory.applyOverrides(h.core.store.agencyOverrides.all());
}

/** Forwarding rows queued for an agency's destinations. */
export function deliveriesTo(h: Harness, agencyId: string): number {
  const row = h.core.db.prepare('SELECT count(*) AS n FROM deliveries WHERE agency_id = ?').get(agencyId);
  return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : 0;
}

/** The texts of the last messages queued to a chat, oldest first. */
export function lastTold(h: Harness, channel: string, chat: string, n = 1): string[] {
  return h.core.store.outbox.latest(channel, chat, n).map((e) => e.message.text);
}
