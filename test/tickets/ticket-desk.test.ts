// The ticket desk, the one writer of ticket state: each change writes its typed event, forwarding rows are queued with
// the filing, and a closing status drops an anonim citizen's chat link (only theirs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { WorkingDays } from '../../src/domain/working-days.js';
import type { RoutingPort } from '../../src/ports/routing.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { type Store, createStore } from '../../src/storage/store.js';
import { TicketDesk } from '../../src/tickets/ticket-desk.js';
import { complaint } from '../forwarding/ticket-fixture.js';

const T0 = Date.parse('2026-11-23T02:00:00Z');

const routing: RoutingPort = {
  route: () => ({
    agencyId: 'dinkes-6303',
    agencyName: 'Dinas Kesehatan Kabupaten Banjar',
    rule: 'category_kabkota',
    why: { kind: 'text', text: 'kesehatan di Kabupaten Banjar' },
    details: [],
    fallback: false,
    also: [],
    offerEscalation: false,
  }),
  explain: (why) => (why.kind === 'text' ? why.text : why.kind),
  shortName: () => 'Dinkes Kab. Banjar',
  coordinator: () => null,
  destinations: () => [
    { id: 'hook', method: 'webhook' },
    { id: 'mail', method: 'email' },
  ],
  stageDays: () => ({}),
};

describe('TicketDesk', () => {
  let db: Db;
  let store: Store;
  let desk: TicketDesk;
  let n = 0;
  beforeEach(() => {
    db = openDb(':memory:');
    store = createStore(db);
    desk = new TicketDesk({
      store,
      routing,
      calendar: new WorkingDays(),
      answerDays: 5,
      verifyDays: 3,
      random: () => n++ % 30,
    });
  });
  afterEach(() => db.close());

  const chat = (id: string) => store.conversations.findOrCreate('telegram', id, 'intake', 2, T0).id;
  const file = (conv: number, over: Partial<Complaint> = {}) => {
    const filed = desk.file(complaint(over), conv, true, T0);
    if (filed.kind !== 'filed') throw new Error('expected a new ticket');
    return filed;
  };
  const idOf = (conv: number, number: string) => store.tickets.findForChat(conv, number)?.id ?? -1;

  it('files with a "filed" and a "routed" event, both stages\' dates in working days and one row per destination', () => {
    const conv = chat('a');
    const filed = file(conv);
    expect(filed).toMatchObject({
      kind: 'filed',
      verifyDue: '2026-11-26',
      due: '2026-12-03',
      days: 5,
      agency: 'Dinkes Kab. Banjar',
    });
    expect(filed.deliveries).toBe(2);
    const events = store.ticketEvents.forTicket(idOf(conv, filed.ticket));
    expect(events.map((e) => [e.type, e.actor, e.from, e.to, e.reason])).toEqual([
      ['filed', 'citizen', null, 'baru', null],
      ['routed', 'system', null, null, 'category_kabkota'],
    ]);
    expect(events[1]?.data).toEqual({ agency: 'dinkes-6303', also: null });
  });

  it('returns the earlier ticket for the same story from the same chat within a day, unless allowed', () => {
    const conv = chat('b');
    const first = file(conv);
    expect(desk.file(complaint(), conv, false, T0 + 60_000)).toEqual({
      kind: 'duplicate',
      ticket: first.ticket,
    });
    expect(desk.file(complaint(), conv, true, T0 + 60_000).kind).toBe('filed');
  });

  it('appends and withdraws only a ticket of the same chat, each with its event', () => {
    const conv = chat('c');
    const other = chat('d');
    const { ticket } = file(conv);
    const id = idOf(conv, ticket);
    expect(desk.append(other, ticket, 'bukan punya saya', [], T0)).toBe(false);
    expect(desk.withdraw(other, ticket, T0)).toBe(false);
    expect(desk.append(conv, ticket, 'tambahan', [], T0 + 1)).toBe(true);
    expect(desk.withdraw(conv, ticket, T0 + 2)).toBe(true);
    const events = store.ticketEvents.forTicket(id);
    expect(events.slice(2).map((e) => [e.type, e.from, e.to, e.reason, e.at])).toEqual([
      ['appended', null, null, null, T0 + 1],
      ['status_changed', 'baru', 'dicabut', 'citizen_withdrew', T0 + 2],
    ]);
  });

  it('drops the chat link of an anonim ticket when it closes, and keeps a named one', () => {
    const anon = chat('e');
    const named = chat('f');
    const a = file(anon, { identityMode: 'anonim' });
    const b = file(named, { identityMode: 'biasa' });
    desk.withdraw(anon, a.ticket, T0 + 1);
    desk.withdraw(named, b.ticket, T0 + 1);
    expect(store.tickets.findForChat(anon, a.ticket)).toBeNull();
    expect(store.tickets.findForChat(named, b.ticket)?.status).toBe('dicabut');
  });
});

describe('TicketDesk: nobody at the agency receives it yet', () => {
  it('says who holds a ticket whose agency has no destination and no account, and stops once one exists', () => {
    const db = openDb(':memory:');
    const store = createStore(db);
    const bare: RoutingPort = {
      ...routing,
      destinations: () => [],
      coordinator: () => ({ agencyId: '6303-koordinator', name: 'Admin LAPOR! Pemkab Banjar' }),
    };
    let n = 0;
    const desk = new TicketDesk({
      store,
      routing: bare,
      calendar: new WorkingDays(),
      answerDays: 5,
      verifyDays: 3,
      random: () => n++ % 30,
    });
    const conv = store.conversations.findOrCreate('web', 'x', 'intake', 2, T0).id;
    const file = (story: string) => desk.file(complaint({ story }), conv, true, T0);
    expect(file('satu')).toMatchObject({ kind: 'filed', deliveries: 0, heldBy: { name: null } });
    const account = (agency: string) =>
      store.officers.add(
        { username: agency, name: null, role: 'supervisor', passwordHash: 'x', agencies: [agency] },
        T0,
      );
    account('6303-koordinator');
    expect(file('dua')).toMatchObject({ heldBy: { name: 'Admin LAPOR! Pemkab Banjar' } });
    expect(store.ticketInbox.inbox({ kind: 'all' }, { unreceived: true })).toHaveLength(2);
    account('dinkes-6303');
    expect(file('tiga')).toMatchObject({ heldBy: null });
    expect(store.ticketInbox.inbox({ kind: 'all' }, { unreceived: true })).toHaveLength(0);
    db.close();
  });
});
