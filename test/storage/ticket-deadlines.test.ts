// The stage deadlines repository: one open stage, meet/end/pause/resume, the inbox's due-date copy, ladder steps once.
import { describe, expect, it } from 'vitest';
import { ROAD, fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';

describe('ticket deadlines', () => {
  it('keeps one open stage, moves the due date with it and fires each ladder step once', () => {
    const h = new Harness();
    const store = h.core.store;
    const ticket = store.ticketInbox.forOfficer(fileTicket(h, 'c1', ROAD), { kind: 'all' });
    if (!ticket) throw new Error('no ticket');
    const ticketId = ticket.id;
    const d = store.ticketDeadlines;
    const verify = d.open({ ticketId, stage: 'verify', agencyId: 'a', dueOn: '2026-12-10' }, 1);
    expect(store.ticketInbox.forOfficer(ticket.number, { kind: 'all' })?.dueDate).toBe('2026-12-10');
    expect(d.climbing('2026-12-10', 10)).toEqual([]);
    expect(d.climbing('2026-12-11', 10).map((c) => c.id)).toContain(verify);
    expect(d.pause(ticketId, 2)).toBe(true);
    expect(d.pause(ticketId, 3)).toBe(false);
    expect(d.climbing('2026-12-11', 10).map((c) => c.id)).not.toContain(verify);
    expect(d.resume(ticketId, '2026-12-14')).toBe(true);
    expect(store.ticketInbox.forOfficer(ticket.number, { kind: 'all' })?.dueDate).toBe('2026-12-14');
    const clock = d.current(ticketId);
    expect(clock?.id).toBe(verify);
    if (!clock) return;
    expect(d.fire(clock, 'reminder', 5)).toBe(true);
    expect(d.fire(clock, 'reminder', 6)).toBe(false);
    const answer = d.open({ ticketId, stage: 'answer', agencyId: 'a', dueOn: '2026-12-20' }, 7);
    // (Filing opened a verification stage first: the stage opened here ended it.)
    const stages = d.history(ticketId).slice(-2);
    expect(stages.map((c) => [c.id, c.endedAt])).toEqual([
      [verify, 7],
      [answer, null],
    ]);
    expect(d.meet(ticketId, 8)).toBe(true);
    expect(d.current(ticketId)).toBeNull();
    expect(d.meet(ticketId, 9)).toBe(false);
    expect(d.ladder(ticketId)).toEqual([{ deadlineId: verify, level: 'reminder', firedAt: 5 }]);
  });
});
