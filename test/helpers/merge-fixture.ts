// Tickets for the merge tests: the assignment fixture (two road tickets of Banjarmasin's PUPR, a health ticket of Kab.
// Banjar's Dinkes, and their accounts) plus `twin`, a second report of the same pothole by another citizen who chose
// rahasia, and `gap`, an anonim one; both linked to `road` as similar.
import type { Complaint } from '../../src/domain/complaint.js';
import { type AssignmentFixture, ROAD, assignmentFixture, fileTicket } from './assignment-fixture.js';
import type { Harness } from './harness.js';

/** The rahasia reporter of `twin`: none of this may reach the road ticket's citizen. */
export const TWIN_IDENTITY = { name: 'Rahmat Hidayat', nik: '6371012505880003', phone: '+6281355557777' };

export type MergeFixture = AssignmentFixture & {
  twin: string;
  gap: string;
  /** The chats (telegram) of road, twin, gap. */
  chats: { road: string; twin: string; gap: string };
};

export function mergeFixture(h: Harness): MergeFixture {
  const base = assignmentFixture(h);
  const file = (chat: string, over: Partial<Complaint>) => fileTicket(h, chat, over);
  const road = ROAD;
  const twin = file('warga-kembar', {
    ...road,
    story: 'Jalan berlubang di Jl. Veteran sejak sebulan, motor sering jatuh.',
    identityMode: 'rahasia',
    ...TWIN_IDENTITY,
  });
  const gap = file('warga-anonim', {
    ...road,
    story: 'Jalan berlubang besar di Jl. Veteran sudah sebulan.',
    identityMode: 'anonim',
    name: null,
    nik: null,
    phone: null,
  });
  return { ...base, twin, gap, chats: { road: 'warga-jalan', twin: 'warga-kembar', gap: 'warga-anonim' } };
}
