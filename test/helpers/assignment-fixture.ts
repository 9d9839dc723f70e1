// Tickets and accounts for the assignment tests: two road tickets of Banjarmasin's PUPR and a health ticket of Kab.
// Banjar's Dinkes; an admin, Banjarmasin's coordinator (a supervisor), two PUPR officers, a disabled one, and an
// officer of Dinkes.
import type { Complaint } from '../../src/domain/complaint.js';
import type { Officer, OfficerRole } from '../../src/domain/officer.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import type { Harness } from './harness.js';

export const PASSWORD = 'kata-sandi-penugasan-1';
export const PUPR = '6371-pupr';

export type AssignmentFixture = {
  /** Ticket numbers: `road` and `drain` at PUPR, `health` at Dinkes. */
  road: string;
  drain: string;
  health: string;
  admin: Officer;
  coordinator: Officer;
  budi: Officer;
  sari: Officer;
  /** A PUPR officer whose account is disabled. */
  dina: Officer;
  /** An officer of Dinkes Kab. Banjar. */
  lain: Officer;
};

/** The fields of a road complaint in Banjarmasin (routed to PUPR). */
export const ROAD = { category: 'infrastruktur', kabkotaCode: '63.71', kecamatanCode: null } as const;

/** Files `over` as a Telegram chat's complaint, then moves the clock a minute on; returns the ticket's number. */
export function fileTicket(h: Harness, chat: string, over: Partial<Complaint>): string {
  const conv = h.core.store.conversations.findOrCreate('telegram', chat, 'intake', 2, h.clock.now()).id;
  const r = h.core.tickets.file(complaint(over), conv, true, h.clock.now());
  if (r.kind !== 'filed') throw new Error('not filed');
  h.clock.advance(60_000);
  return r.ticket;
}

export function assignmentFixture(h: Harness): AssignmentFixture {
  const file = (chat: string, over: Partial<Complaint>) => fileTicket(h, chat, over);
  const road = ROAD;
  const health = file('warga-sehat', {});
  const roadTicket = file('warga-jalan', { ...road, story: 'Jalan berlubang di Jl. Veteran sejak sebulan.' });
  const drain = file('warga-got', { ...road, story: 'Drainase mampet di Jl. Pramuka, banjir tiap hujan.' });
  const account = (username: string, name: string | null, role: OfficerRole, agencies: string[]) => {
    const id = h.core.store.officers.add(
      { username, name, role, passwordHash: hashPassword(PASSWORD), agencies },
      h.clock.now(),
    );
    const officer = h.core.store.officers.get(id);
    if (!officer) throw new Error('no officer');
    return officer;
  };
  const fixture = {
    road: roadTicket,
    drain,
    health,
    admin: account('admin', null, 'admin', []),
    coordinator: account('korbjm', null, 'supervisor', ['6371-koordinator']),
    budi: account('budi', 'Budi Santoso', 'officer', [PUPR]),
    sari: account('sari', 'Sari Wulandari', 'officer', [PUPR]),
    dina: account('dina', 'Dina', 'officer', [PUPR]),
    lain: account('lain', null, 'officer', ['6303-dinkes']),
  };
  h.core.store.officers.disableAccount(fixture.dina.id, h.clock.now());
  return { ...fixture, dina: { ...fixture.dina, disabled: true } };
}
