// A ticket being filed is indexed from the complaint just stored (indexNewTicket): the very text `reindex` writes when
// it reads the ticket back, for every identity mode, with the reporter's details in the story.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentityMode } from '../../src/domain/complaint.js';
import { reindex } from '../../src/tickets/ticket-changes.js';
import { fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';

const STORY =
  'Antrean di Puskesmas Gambut panjang. Nama saya Siti Rahmah, NIK 6371045708900001, hp 081234567890.';
const PERSON = { name: 'Siti Rahmah', nik: '6371045708900001', phone: '+6281234567890' };

describe('indexing a ticket as it is filed', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  const body = (id: number) =>
    h.core.db.prepare('SELECT body FROM ticket_search WHERE rowid = ?').pluck().get(id);

  for (const mode of ['biasa', 'rahasia', 'anonim'] satisfies IdentityMode[]) {
    it(`writes what reading the ticket back writes (${mode})`, () => {
      const number = fileTicket(h, `warga-${mode}`, {
        ...PERSON,
        identityMode: mode,
        story: STORY,
        address: 'Jl. A. Yani km 12',
      });
      const id = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id;
      if (id === undefined) throw new Error('no ticket');
      const atFiling = body(id);
      expect(atFiling).toEqual(expect.stringContaining('puskesmas'));
      reindex(h.core.store, id);
      expect(body(id)).toBe(atFiling);
    });
  }
});
