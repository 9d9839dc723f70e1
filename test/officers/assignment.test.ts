// Assigning a ticket to one officer of its agency: who may (404 outside the scope, read only for a watching
// supervisor), to whom (an enabled account of the agency), the `assigned` event and the row written together, the
// citizen not told, the inbox's filters by assignee, and the assignment let go when the ticket is moved (dialihkan).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AssignmentFixture, PUPR, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('TicketActions.assign', () => {
  let h: Harness;
  let f: AssignmentFixture;
  const id = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1;
  const assigned = (number: string) => h.core.store.ticketAssignments.assignee(id(number));
  const events = (number: string) =>
    h.core.store.ticketEvents.forTicket(id(number)).filter((e) => e.type === 'assigned');

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
  });
  afterEach(() => h.close());

  it('lets the agency’s officers, an admin and a supervisor who took the ticket over assign it', () => {
    const { actions } = h.core;
    expect(actions.assign(f.budi, f.road, f.budi.id)).toEqual({ ok: true });
    expect(assigned(f.road)).toEqual({ id: f.budi.id, name: 'Budi Santoso' });
    expect(actions.assign(f.budi, f.road, f.sari.id)).toEqual({ ok: true });
    expect(assigned(f.road)?.id).toBe(f.sari.id);
    expect(actions.assign(f.admin, f.road, null)).toEqual({ ok: true });
    expect(assigned(f.road)).toBeNull();
    expect(actions.assign(f.coordinator, f.road, f.budi.id)).toEqual({ ok: false, problem: 'read_only' });
    expect(actions.takeOver(f.coordinator, f.road)).toEqual({ ok: true });
    expect(actions.assign(f.coordinator, f.road, f.budi.id)).toEqual({ ok: true });
    expect(assigned(f.road)?.id).toBe(f.budi.id);
  });

  it('answers not_found outside the scope, before anything else', () => {
    const { actions } = h.core;
    expect(actions.assign(f.lain, f.road, f.lain.id)).toEqual({ ok: false, problem: 'not_found' });
    expect(actions.assign(f.budi, f.health, 99)).toEqual({ ok: false, problem: 'not_found' });
    expect(actions.assign(f.coordinator, f.health, null)).toEqual({ ok: false, problem: 'not_found' });
    expect(actions.assign(f.budi, 'ADU-0000-XXXX', f.budi.id)).toEqual({ ok: false, problem: 'not_found' });
    expect(events(f.road)).toEqual([]);
  });

  it('gives the ticket only to an enabled account of its agency', () => {
    const { actions } = h.core;
    for (const who of [f.lain.id, f.dina.id, f.coordinator.id, f.admin.id, 9999])
      expect(actions.assign(f.budi, f.road, who), String(who)).toEqual({
        ok: false,
        problem: 'unknown_officer',
      });
    expect(h.core.store.ticketAssignments.candidates(PUPR).map((o) => o.name)).toEqual([
      'Budi Santoso',
      'Sari Wulandari',
    ]);
    expect(assigned(f.road)).toBeNull();
  });

  it('writes the row and the officer’s `assigned` event together, once per change', () => {
    h.core.actions.assign(f.budi, f.road, f.sari.id);
    h.core.actions.assign(f.budi, f.road, f.sari.id);
    h.core.actions.assign(f.sari, f.road, null);
    expect(events(f.road)).toEqual([
      expect.objectContaining({
        actor: 'officer',
        officerId: f.budi.id,
        data: { officerId: f.sari.id },
        reason: null,
      }),
      expect.objectContaining({ actor: 'officer', officerId: f.sari.id, data: { officerId: null } }),
    ]);
    const audit = h.core.db.prepare("SELECT count(*) AS n FROM audit_events WHERE type = 'ticket.assigned'");
    expect(audit.get()).toEqual({ n: 2 });
  });

  it('refuses a closed ticket', () => {
    h.core.actions.changeStatus(f.budi, f.road, 'selesai', { message: 'Sudah ditambal.', reason: null });
    h.core.actions.changeStatus(f.budi, f.road, 'ditutup', { message: null, reason: null });
    expect(h.core.actions.assign(f.budi, f.road, f.budi.id)).toEqual({ ok: false, problem: 'not_allowed' });
  });

  it('lets go of the assignment when the ticket moves to another agency, in the same change', () => {
    h.core.actions.assign(f.budi, f.road, f.budi.id);
    const moved = h.core.actions.reassign(f.budi, f.road, '6371-dishub', 'Urusan lampu lalu lintas');
    expect(moved.ok).toBe(true);
    expect(assigned(f.road)).toBeNull();
    expect(events(f.road).at(-1)).toMatchObject({ reason: 'dialihkan', data: { officerId: null } });
    const all = h.core.store.ticketEvents.forTicket(id(f.road));
    expect(all.at(-1)?.type).toBe('assigned');
    expect(all.at(-2)).toMatchObject({ type: 'status_changed', to: 'dialihkan' });
    // The old agency reads only now.
    expect(h.core.actions.assign(f.budi, f.road, f.budi.id)).toEqual({ ok: false, problem: 'read_only' });
  });

  it('filters the inbox by assignee within the scope, on the rows with the assignee’s name', () => {
    h.core.actions.assign(f.budi, f.road, f.budi.id);
    h.core.actions.assign(f.budi, f.drain, f.sari.id);
    const inbox = h.core.store.ticketInbox;
    const pupr = { kind: 'agencies', agencyIds: [PUPR] } as const;
    const numbers = (rows: { number: string }[]) => rows.map((r) => r.number);
    expect(numbers(inbox.inbox(pupr, { assignedTo: f.budi.id }))).toEqual([f.road]);
    expect(numbers(inbox.inbox(pupr, { assignedTo: f.sari.id }))).toEqual([f.drain]);
    expect(numbers(inbox.inbox(pupr, { assignedTo: 'none' }))).toEqual([]);
    expect(numbers(inbox.inbox({ kind: 'all' }, { assignedTo: 'none' }))).toEqual([f.health]);
    expect(numbers(inbox.inbox({ kind: 'kabkota', codes: ['63.71'] }, { assignedTo: f.budi.id }))).toEqual([
      f.road,
    ]);
    expect(inbox.inbox(pupr).map((r) => [r.number, r.assignee?.name ?? null])).toEqual([
      [f.drain, 'Sari Wulandari'],
      [f.road, 'Budi Santoso'],
    ]);
  });
});

describe('assignment and the citizen', () => {
  it('does not tell the citizen, and leaves a new reply marked for the assignee', () => {
    const h = new Harness();
    try {
      const dialogue = DIALOGUES.find((d) => d.name === 'an informal citizen with chat abbreviations');
      for (const turn of dialogue?.turns ?? []) if ('say' in turn) h.say('warga', turn.say);
      const row = h.core.store.ticketInbox.inbox({ kind: 'all' })[0];
      const f = assignmentFixture(h);
      const number = row?.number ?? '';
      expect(row?.agencyId).toBe(PUPR);
      h.say('warga', 'lubangnya makin besar pak');
      h.say('warga', '1');
      const before = h.core.store.outbox.latest('simulate', 'warga', 5);
      const newReply = () =>
        h.core.store.ticketInbox.inbox({ kind: 'all' }, { newReply: true }).map((r) => r.number);
      expect(newReply()).toEqual([number]);
      expect(h.core.actions.assign(f.budi, number, f.budi.id)).toEqual({ ok: true });
      expect(h.core.store.outbox.latest('simulate', 'warga', 5)).toEqual(before);
      expect(newReply()).toEqual([number]);
    } finally {
      h.close();
    }
  });
});
