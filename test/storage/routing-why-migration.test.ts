// Migration 019: routing reasons stored as text before it stay as they were written, as `{kind: "text"}` data that the
// ticket page and the forwarded ticket show unchanged; a ticket without routing is left alone.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routeReason } from '../../src/routing/route-reason.js';
import { migrate } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { StoredRouting } from '../../src/storage/tickets.js';

describe('migration 019 (routing why)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 19),
    );
    db.prepare(
      `INSERT INTO complaints (id, data, category, kabkota_code, identity_mode, created_at)
       VALUES (1, '{}', 'adminduk', '63.71', 'biasa', 0), (2, '{}', 'adminduk', '63.71', 'biasa', 0)`,
    ).run();
    const ticket = db.prepare(
      `INSERT INTO tickets (number, complaint_id, status, due_date, created_at, updated_at, routing)
       VALUES (?, ?, 'baru', '2026-12-01', 0, 0, ?)`,
    );
    ticket.run(
      'ADU-2611-AAAA',
      1,
      JSON.stringify({
        agencyName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Banjarmasin',
        rule: 'adminduk-kabkota',
        reason:
          'Kategori adminduk di Kota Banjarmasin → Disdukcapil Kota Banjarmasin (aturan adminduk-kabkota).',
        details: [],
        fallback: false,
        also: [
          { agencyId: 'ombudsman-kalsel', agencyName: 'Ombudsman', reason: 'Pelapor meminta eskalasi.' },
        ],
      }),
    );
    ticket.run('ADU-2611-BBBB', 2, null);
  });
  afterEach(() => db.close());

  it('keeps each stored reason as text data that reads the same', () => {
    migrate(db);
    const rows = db.prepare('SELECT number, routing FROM tickets ORDER BY id').all();
    const [first, second] = rows.map((raw) => {
      const r = z.object({ routing: z.string().nullable() }).parse(raw);
      return StoredRouting.nullable().parse(r.routing === null ? null : JSON.parse(r.routing));
    });
    expect(first?.why).toEqual({
      kind: 'text',
      text: 'Kategori adminduk di Kota Banjarmasin → Disdukcapil Kota Banjarmasin (aturan adminduk-kabkota).',
    });
    expect(routeReason('en', first?.why ?? { kind: 'text', text: '' })).toBe(
      'Kategori adminduk di Kota Banjarmasin → Disdukcapil Kota Banjarmasin (aturan adminduk-kabkota).',
    );
    expect(first?.also).toEqual([
      {
        agencyId: 'ombudsman-kalsel',
        agencyName: 'Ombudsman',
        why: { kind: 'text', text: 'Pelapor meminta eskalasi.' },
      },
    ]);
    expect(second).toBeNull();
  });
});
