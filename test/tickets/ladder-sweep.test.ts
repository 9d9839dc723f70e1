// The ladder's sweep reads only stages with a step due: 150 stages waiting between steps never keep a new miss from
// its reminder; a ticket Ombudsman itself holds gets no coordinator watching it (only its history says so); a stage
// whose step throws is rolled back, reported by ticket id, and the sweep goes on with the others.
import { afterEach, describe, expect, it } from 'vitest';
import { routingPort } from '../../src/routing/routing-port.js';
import { DeadlineLadder } from '../../src/tickets/deadline-ladder.js';
import { watcherAgencies } from '../../src/tickets/ladder-steps.js';
import { ROAD, assignmentFixture, fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import {
  LADDER,
  OMBUDSMAN,
  day,
  endOpenStages,
  lastTold,
  openStage,
  sweepOn,
} from '../helpers/ladder-fixture.js';

describe('the ladder sweep', () => {
  let h: Harness;
  afterEach(() => h.close());

  const ladderOf = (ticketId: number) => h.core.store.ticketDeadlines.ladder(ticketId).map((l) => l.level);

  it('reminds a new miss at once though 150 older ones wait between steps', () => {
    h = new Harness();
    assignmentFixture(h);
    endOpenStages(h);
    const waiting = Array.from({ length: 150 }, (_, i) =>
      openStage(
        h,
        fileTicket(h, `warga-${i}`, { ...ROAD, story: `Lampu jalan padam di gang nomor ${i + 1}.` }),
        '2026-11-20',
      ),
    );
    // Tuesday 24: the 150 are reminded over two sweeps (100 at most each); their coordinator step comes Thursday 26.
    expect(sweepOn(h, '2026-11-24')).toBe(100);
    expect(sweepOn(h, '2026-11-24')).toBe(50);
    expect(sweepOn(h, '2026-11-24')).toBe(0);
    const fresh = openStage(
      h,
      fileTicket(h, 'warga-baru', { ...ROAD, story: 'Jembatan kayu di Sungai Andai patah.' }),
      '2026-11-24',
    );
    expect(sweepOn(h, '2026-11-25')).toBe(1);
    expect(ladderOf(fresh.ticketId)).toEqual(['reminder']);
    expect(waiting.every((w) => ladderOf(w.ticketId).length === 1)).toBe(true);
    expect(h.core.store.ticketDeadlines.climbing('2026-11-25', 1000)).toEqual([]);
  });

  it('does not make the coordinator a watcher of a ticket Ombudsman holds, and tells only the history', () => {
    h = new Harness();
    const f = assignmentFixture(h);
    endOpenStages(h);
    const { ticketId } = openStage(h, f.road);
    h.core.db.prepare('UPDATE tickets SET agency_id = ? WHERE id = ?').run(OMBUDSMAN, ticketId);
    const events = () => h.core.store.ticketEvents.forTicket(ticketId);
    const coordinatorNotices = () =>
      h.core.db
        .prepare('SELECT count(*) AS n FROM officer_notifications WHERE ticket_id = ? AND recipient = ?')
        .pluck()
        .get(ticketId, `officer:${f.coordinator.id}`);
    expect(sweepOn(h, LADDER.reminder)).toBe(1);
    const told = lastTold(h, 'telegram', 'warga-jalan', 20).length;
    expect(sweepOn(h, LADDER.coordinator)).toBe(1);
    expect(ladderOf(ticketId)).toEqual(['reminder', 'coordinator']);
    expect(events().map((e) => e.type)).toContain('watch_skipped');
    expect(events().find((e) => e.type === 'watch_skipped')?.data).toEqual({
      agency: '6371-koordinator',
      name: 'Admin LAPOR! Pemkot Banjarmasin',
    });
    expect(watcherAgencies(events())).toEqual([]);
    const ticket = h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' });
    if (!ticket) throw new Error('no ticket');
    expect(h.core.actions.mayReassign(f.coordinator, ticket)).toBe(false);
    expect(coordinatorNotices()).toBe(0);
    expect(lastTold(h, 'telegram', 'warga-jalan', 20)).toHaveLength(told);
    // Ombudsman holds it already: the last step is recorded without a copy.
    expect(sweepOn(h, LADDER.ombudsman)).toBe(1);
    expect(events().map((e) => e.type)).not.toContain('escalated');
  });

  it('rolls back a stage whose step throws, reports its ticket id and goes on with the others', () => {
    h = new Harness();
    const f = assignmentFixture(h);
    endOpenStages(h);
    const broken = openStage(h, f.road, '2026-11-20');
    const fine = openStage(h, f.drain, '2026-11-24');
    const badChat = h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' })?.conversationId;
    const failures: number[] = [];
    const ladder = new DeadlineLadder({
      store: h.core.store,
      routing: routingPort(h.core.directory),
      calendar: h.core.calendar,
      clock: h.clock,
      dispatch: (conversationId, event) => {
        if (conversationId === badChat) throw new Error('chat store down');
        return h.core.runtime.dispatch(conversationId, event);
      },
      ombudsman: () => OMBUDSMAN,
      isOmbudsman: (agencyId) => agencyId === OMBUDSMAN,
      failed: (ticketId) => failures.push(ticketId),
      coordinatorDays: 2,
      ombudsmanDays: 5,
    });
    h.clock.set(day('2026-11-25'));
    expect(ladder.sweep()).toBe(1);
    expect(failures).toEqual([broken.ticketId]);
    expect(ladderOf(broken.ticketId)).toEqual([]);
    expect(h.core.store.ticketEvents.forTicket(broken.ticketId).map((e) => e.type)).not.toContain('reminded');
    expect(ladderOf(fine.ticketId)).toEqual(['reminder']);
    // It keeps failing: skipped again, the others' steps still come on their day.
    expect(ladder.sweep()).toBe(0);
    expect(failures).toEqual([broken.ticketId, broken.ticketId]);
  });
});
