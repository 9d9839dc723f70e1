// Migration 033's backfill of tickets open before it: `verify` for baru and dialihkan; `answer` for the others, met
// at the first officer reply when there is one (so the ladder leaves an answered ticket alone), paused while waiting
// for the citizen, and the date the ladder's next step is due.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { Harness } from '../helpers/harness.js';
import { day } from '../helpers/ladder-fixture.js';

const REPLIED = day('2026-11-10');

describe('migration 033 (ticket deadlines)', () => {
  let h: Harness | null = null;
  afterEach(() => h?.close());

  it('backfills the stage each open ticket is at, met when an officer already replied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-033-'));
    const db = new Database(join(dir, 'aduan.db'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 33),
    );
    const tickets: [string, string, string][] = [
      ['ADU-2611-AAAA', 'baru', '2026-12-10'],
      ['ADU-2611-BBBB', 'dialihkan', '2026-12-10'],
      ['ADU-2611-CCCC', 'diproses', '2026-11-12'],
      ['ADU-2611-DDDD', 'diverifikasi', '2026-11-12'],
      ['ADU-2611-EEEE', 'diproses', '2026-11-12'],
      ['ADU-2611-FFFF', 'menunggu_pelapor', '2026-11-12'],
      ['ADU-2611-GGGG', 'selesai', '2026-11-12'],
    ];
    const complaint = db.prepare(
      `INSERT INTO complaints (id, data, category, kabkota_code, identity_mode, created_at)
       VALUES (?, '{}', 'infrastruktur', '63.71', 'biasa', 0)`,
    );
    const ticket = db.prepare(
      `INSERT INTO tickets (id, number, complaint_id, status, due_date, created_at, updated_at, agency_id)
       VALUES (?, ?, ?, ?, ?, 1000, 2000, '6371-pupr')`,
    );
    tickets.forEach(([number, status, due], i) => {
      complaint.run(i + 1);
      ticket.run(i + 1, number, i + 1, status, due);
    });
    const event = db.prepare(
      `INSERT INTO ticket_events (ticket_id, at, actor, type, officer_id) VALUES (?, ?, ?, 'replied', NULL)`,
    );
    // C and D were answered by an officer (C twice: the first reply meets it); E only by the citizen's side.
    event.run(3, REPLIED, 'officer');
    event.run(3, REPLIED + 5000, 'officer');
    event.run(4, REPLIED, 'officer');
    event.run(5, REPLIED, 'citizen');
    db.close();

    h = new Harness({ dir, at: day('2026-11-25') });
    const rows = h.core.db
      .prepare(
        'SELECT ticket_id, stage, due_on, paused_at, met_at, ended_at, next_step_on FROM ticket_deadlines ORDER BY ticket_id',
      )
      .all();
    expect(rows).toEqual([
      {
        ticket_id: 1,
        stage: 'verify',
        due_on: '2026-12-10',
        paused_at: null,
        met_at: null,
        ended_at: null,
        next_step_on: '2026-12-11',
      },
      {
        ticket_id: 2,
        stage: 'verify',
        due_on: '2026-12-10',
        paused_at: null,
        met_at: null,
        ended_at: null,
        next_step_on: '2026-12-11',
      },
      {
        ticket_id: 3,
        stage: 'answer',
        due_on: '2026-11-12',
        paused_at: null,
        met_at: REPLIED,
        ended_at: null,
        next_step_on: null,
      },
      {
        ticket_id: 4,
        stage: 'answer',
        due_on: '2026-11-12',
        paused_at: null,
        met_at: REPLIED,
        ended_at: null,
        next_step_on: null,
      },
      {
        ticket_id: 5,
        stage: 'answer',
        due_on: '2026-11-12',
        paused_at: null,
        met_at: null,
        ended_at: null,
        next_step_on: '2026-11-13',
      },
      {
        ticket_id: 6,
        stage: 'answer',
        due_on: '2026-11-12',
        paused_at: 2000,
        met_at: null,
        ended_at: null,
        next_step_on: '2026-11-13',
      },
    ]);
    // Only the unanswered one is the ladder's work; the answered ones never climb.
    expect(h.core.store.ticketDeadlines.climbing('2026-11-25', 100).map((s) => s.ticketId)).toEqual([5]);
    h.core.ladder.sweep();
    expect([3, 4].flatMap((id) => h?.core.store.ticketDeadlines.ladder(id) ?? [])).toEqual([]);
  });
});
