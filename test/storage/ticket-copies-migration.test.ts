// Migration 035's backfill of the copies made before it: each `escalated` event (its time and why), the routing's
// `also` (the intake escalation), and the `routed` event's list when a later dialihkan dropped `also`; once per ticket
// and agency; nothing for a ticket without a copy or with a routing that is not JSON.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { scopeWhere } from '../../src/storage/ticket-inbox.js';

const OMBUDSMAN = 'ombudsman-kalsel';
const also = (kind: string) =>
  JSON.stringify({
    agencyName: 'Dinas PUPR',
    rule: 'r',
    why: { kind: 'text', text: 'x' },
    details: [],
    fallback: false,
    also: [{ agencyId: OMBUDSMAN, agencyName: 'Ombudsman', why: { kind, agency: 'Ombudsman' } }],
  });
const none = JSON.stringify({ agencyName: 'Dinas PUPR', rule: 'r', also: [] });

describe('migration 035 (ticket copies)', () => {
  let db: Database.Database | null = null;
  afterEach(() => db?.close());

  it('backfills a copy per ticket and agency from the events and the routing', () => {
    db = new Database(join(mkdtempSync(join(tmpdir(), 'aduan-035-')), 'aduan.db'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 35),
    );
    const complaint = db.prepare(
      `INSERT INTO complaints (id, data, category, kabkota_code, identity_mode, created_at)
       VALUES (?, '{}', 'infrastruktur', '63.71', 'biasa', 0)`,
    );
    const ticket = db.prepare(
      `INSERT INTO tickets (id, number, complaint_id, status, due_date, created_at, updated_at, agency_id, routing)
       VALUES (?, ?, ?, 'baru', '2026-12-01', ?, 2000, '6371-pupr', ?)`,
    );
    const event = db.prepare(
      'INSERT INTO ticket_events (ticket_id, at, actor, type, data) VALUES (?, ?, ?, ?, ?)',
    );
    // 1: the ladder's copy (an event). 2: asked at intake (routing and its event). 3: asked at intake, then moved
    // (dialihkan dropped `also`; the routed event keeps it). 4: no copy. 5: a routing that is not JSON.
    const rows: [string, string | null][] = [
      ['ADU-2611-AAAA', none],
      ['ADU-2611-BBBB', also('escalation')],
      ['ADU-2611-CCCC', none],
      ['ADU-2611-DDDD', none],
      ['ADU-2611-EEEE', '{oops'],
    ];
    rows.forEach(([number, routing], i) => {
      complaint.run(i + 1);
      ticket.run(i + 1, number, i + 1, 1000 + i, routing);
    });
    event.run(1, 5000, 'system', 'escalated', JSON.stringify({ to: OMBUDSMAN, why: 'deadline' }));
    event.run(2, 1001, 'system', 'routed', JSON.stringify({ agency: '6371-pupr', also: OMBUDSMAN }));
    event.run(2, 1001, 'citizen', 'escalated', JSON.stringify({ to: OMBUDSMAN, why: 'citizen' }));
    event.run(3, 1002, 'system', 'routed', JSON.stringify({ agency: '6371-pupr', also: OMBUDSMAN }));
    event.run(4, 1003, 'system', 'routed', JSON.stringify({ agency: '6371-pupr', also: null }));
    migrate(db);
    expect(db.prepare('SELECT * FROM ticket_copies ORDER BY ticket_id').all()).toEqual([
      { ticket_id: 1, agency_id: OMBUDSMAN, at: 5000, why: 'deadline' },
      { ticket_id: 2, agency_id: OMBUDSMAN, at: 1001, why: 'citizen' },
      { ticket_id: 3, agency_id: OMBUDSMAN, at: 1002, why: 'citizen' },
    ]);
    // The scope of an agency holding copies reads its own tickets and its copies each on their index.
    const scope = scopeWhere({ kind: 'agencies', agencyIds: [OMBUDSMAN] }, false, [OMBUDSMAN]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE ${scope.sql} ORDER BY t.id DESC LIMIT 51`)
      .all(...scope.params)
      .map((r) => String((r as { detail: string }).detail));
    expect(plan.join(' | ')).toContain('ticket_copies_agency');
    expect(
      db
        .prepare(`SELECT t.id FROM tickets t WHERE ${scope.sql} ORDER BY t.id DESC`)
        .pluck()
        .all(...scope.params),
    ).toEqual([3, 2, 1]);
  });
});
