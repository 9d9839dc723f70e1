// The start-up rebuild of the search index in the background, stepped by an injected scheduler: on a database of
// 2,402 tickets indexed before masking (a rahasia reporter's name and NIK in every row), the core is built and the
// app answers before any slice ran; each slice re-indexes 500 tickets in its own transaction; a ticket not reached
// yet is found by no word (its old row would give the reporter away); a restart resumes after the last slice; the
// start and the end are logged once each, with counts only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';
import { reopen } from '../helpers/reopened-core.js';

const PERSON = { name: 'Siti Rahmah', nik: '6371045708900001', phone: '+6281234567890' };
const STORY =
  'Antrean di Puskesmas Gambut panjang. Nama saya Siti Rahmah, NIK 6371045708900001, hp 081234567890.';
const COPIES = 2401;
const TOTAL = COPIES + 1;

describe('the masked search rebuild in the background', () => {
  let h: Harness;
  let agencyId = '';
  let first = 0;
  beforeEach(() => {
    h = new Harness();
    const number = fileTicket(h, 'warga', { ...PERSON, identityMode: 'rahasia', story: STORY });
    const t = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    if (!t?.agencyId) throw new Error('not routed');
    agencyId = t.agencyId;
    first = t.id;
    // Copies of it, every search row as an older version wrote it (unmasked), and the rebuild not begun.
    const db = h.core.db;
    const complaint = db.prepare(
      `INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at)
       SELECT data, category, kabkota_code, identity_mode, created_at FROM complaints WHERE id = ?`,
    );
    const ticket = db.prepare(
      `INSERT INTO tickets (number, complaint_id, status, due_date, created_at, updated_at, agency_id, routing,
                            kabkota_code, category)
       SELECT ?, ?, status, due_date, created_at, updated_at, agency_id, routing, kabkota_code, category
       FROM tickets WHERE id = ?`,
    );
    const row = db.prepare('INSERT OR REPLACE INTO ticket_search (rowid, body) VALUES (?, ?)');
    const complaintId = db.prepare('SELECT complaint_id FROM tickets WHERE id = ?').pluck().get(first);
    db.transaction(() => {
      row.run(first, STORY.toLowerCase());
      for (let i = 0; i < COPIES; i++) {
        const c = complaint.run(complaintId).lastInsertRowid;
        const id = ticket.run(`ADU-0000-${String(i).padStart(4, '0')}`, c, first).lastInsertRowid;
        row.run(id, STORY.toLowerCase());
      }
    })();
    db.exec('UPDATE search_masked SET after_ticket = 0, done_at = NULL');
  });
  afterEach(() => h.close());

  const progress = () => h.core.db.prepare('SELECT after_ticket, done_at FROM search_masked').get();
  /** How many of the agency's tickets a word search finds. */
  const found = (word: string) =>
    h.core.store.ticketInbox.inbox({ kind: 'agencies', agencyIds: [agencyId] }, { words: [word] }, 5000)
      .length;
  /** Rows of the index itself that hold the word (what a search would find without the guard). */
  const rows = (word: string) =>
    Number(
      h.core.db.prepare('SELECT count(*) FROM ticket_search WHERE ticket_search MATCH ?').pluck().get(word),
    );

  it('answers at once, masks 500 tickets a slice, finds no ticket before its row is masked, resumes', async () => {
    const started = reopen(h);
    // Built, and nothing re-indexed yet: one slice waits for the scheduler.
    expect(started.slices).toHaveLength(1);
    expect(progress()).toEqual({ after_ticket: 0, done_at: null });
    expect(started.logs).toEqual([
      { level: 'info', fields: { tickets: TOTAL }, message: expect.stringContaining('background') },
    ]);
    const app = officerApp(h);
    expect((await app.request('/readyz')).status).toBe(200);
    // The unmasked rows would give the rahasia reporter away: no ticket is found by any word until reached.
    expect(rows('rahmah')).toBe(TOTAL);
    expect(found('rahmah')).toBe(0);
    expect(found('puskesmas')).toBe(0);

    expect(started.step()).toBe(true);
    const after500 = first + 499;
    expect(progress()).toEqual({ after_ticket: after500, done_at: null });
    expect(found('puskesmas')).toBe(500);
    expect(found('rahmah')).toBe(0);
    expect(found('6371045708900001')).toBe(0);
    expect(rows('rahmah')).toBe(TOTAL - 500);
    expect(started.step()).toBe(true);
    expect(progress()).toEqual({ after_ticket: first + 999, done_at: null });

    // A restart (a crash) before the next slice: the old slice does nothing, the new start resumes after 1,000.
    const stale = started.slices.splice(0);
    const resumed = reopen(h);
    for (const slice of stale) slice();
    expect(progress()).toEqual({ after_ticket: first + 999, done_at: null });
    expect(resumed.logs).toEqual([
      { level: 'info', fields: { tickets: TOTAL - 1000 }, message: expect.any(String) },
    ]);
    let slices = 0;
    while (resumed.step()) slices++;
    expect(slices).toBe(3);
    expect(progress()).toEqual({ after_ticket: first + TOTAL - 1, done_at: h.clock.now() });
    expect(resumed.logs).toEqual([
      { level: 'info', fields: { tickets: TOTAL - 1000 }, message: expect.any(String) },
      { level: 'info', fields: { tickets: TOTAL - 1000 }, message: expect.stringContaining('masked') },
    ]);
    expect(found('puskesmas')).toBe(TOTAL);
    for (const word of ['rahmah', 'siti', '6371045708900001', '081234567890']) {
      expect(rows(word), word).toBe(0);
      expect(found(word), word).toBe(0);
    }
    const { cookie } = accountWithSession(h, 'petugas', 'officer', agencyId);
    const page = await officerApp(h).request('/petugas?q=puskesmas', {
      headers: { cookie: `__Host-aduan_petugas=${cookie}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('ADU-0000-');

    // Finished: a later start schedules nothing and logs nothing.
    const later = reopen(h);
    expect(later.slices).toEqual([]);
    expect(later.logs).toEqual([]);
  });
});
