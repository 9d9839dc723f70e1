// The start-up rebuild of the search index with masked text (`maskSearchBatch`): a database whose rahasia ticket was
// indexed before `reindex` masked (its reporter's NIK, phone and name searchable) is reopened, and the agency's officer
// finds it by none of them, by its story still; the rebuild runs once, and resumes after the last batch it recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskSearchBatch } from '../../src/tickets/search-masking.js';
import { fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';
import { reopen } from '../helpers/reopened-core.js';

const PERSON = { name: 'Siti Rahmah', nik: '6371045708900001', phone: '+6281234567890' };
const STORY =
  'Antrean di Puskesmas Gambut panjang. Nama saya Siti Rahmah, NIK 6371045708900001, hp 081234567890.';

describe('the search index rebuilt masked at start-up', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  /** A rahasia ticket with the reporter in its story; its id and the agency it went to. */
  const rahasia = (chat: string) => {
    const number = fileTicket(h, chat, { ...PERSON, identityMode: 'rahasia', story: STORY });
    const t = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    if (!t?.agencyId) throw new Error('not routed');
    return { number, id: t.id, agencyId: t.agencyId };
  };
  /** The search row as the old `reindex` wrote it: the story unmasked. */
  const unmasked = (id: number) =>
    h.core.db
      .prepare('INSERT OR REPLACE INTO ticket_search (rowid, body) VALUES (?, ?)')
      .run(id, STORY.toLowerCase());
  const found = (agencyId: string, word: string) =>
    h.core.store.ticketInbox
      .inbox({ kind: 'agencies', agencyIds: [agencyId] }, { words: [word] })
      .map((r) => r.number);
  const progress = () => h.core.db.prepare('SELECT after_ticket, done_at FROM search_masked').get();
  /** Batches of `size` until the rebuild finishes; how many tickets they re-indexed. */
  const rebuild = (size: number) => {
    let tickets = 0;
    for (;;) {
      const step = maskSearchBatch(h.core.store, h.clock.now(), size);
      tickets += step.tickets;
      if (step.finished) return tickets;
    }
  };

  it('masks an old database’s search text once: the agency finds the ticket by no NIK, phone or name', async () => {
    const t = rahasia('warga');
    h.core.db.exec('UPDATE search_masked SET after_ticket = 0, done_at = NULL');
    unmasked(t.id);

    h.clock.advance(60_000);
    const started = reopen(h);
    expect(started.step()).toBe(true);
    expect(progress()).toEqual({ after_ticket: t.id, done_at: h.clock.now() });
    for (const word of ['6371045708900001', '081234567890', 'siti', 'rahmah'])
      expect(found(t.agencyId, word), word).toEqual([]);
    expect(found(t.agencyId, 'puskesmas')).toEqual([t.number]);
    const { cookie } = accountWithSession(h, 'capil', 'officer', t.agencyId);
    const page = await officerApp(h).request('/petugas?q=6371045708900001', {
      headers: { cookie: `__Host-aduan_petugas=${cookie}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(t.number);

    // A second run does nothing: it finished.
    unmasked(t.id);
    expect(maskSearchBatch(h.core.store, h.clock.now())).toEqual({ tickets: 0, finished: true });
    expect(found(t.agencyId, '6371045708900001')).toEqual([t.number]);
  });

  it('resumes after the last batch it recorded, in batches', () => {
    const first = rahasia('warga-1');
    const second = rahasia('warga-2');
    const third = rahasia('warga-3');
    for (const t of [first, second, third]) unmasked(t.id);
    // A crash after the first ticket's batch committed.
    h.core.db.prepare('UPDATE search_masked SET after_ticket = ?, done_at = NULL').run(first.id);

    expect(rebuild(1)).toBe(2);
    expect(found(first.agencyId, 'rahmah')).toEqual([first.number]);
    expect(progress()).toEqual({ after_ticket: third.id, done_at: h.clock.now() });
    expect(rebuild(1)).toBe(0);
  });
});
