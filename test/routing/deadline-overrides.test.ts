// An agency's own deadlines in the agencies file: `verifyDays`, `answerDays` and `deadlines` per category, validated
// with the agency named; a ticket's stages take the category's days, else the agency's, else the settings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkingDays } from '../../src/domain/working-days.js';
import { DirectoryError } from '../../src/routing/directory.js';
import { loadDirectory } from '../../src/routing/load-directory.js';
import { routingPort } from '../../src/routing/routing-port.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';
import { TicketDesk } from '../../src/tickets/ticket-desk.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { T0 } from '../helpers/harness.js';

const tmp = mkdtempSync(join(tmpdir(), 'aduan-deadlines-'));
const File = z.object({ agencies: z.array(z.looseObject({ id: z.string() })) }).loose();

/** The built-in directory with `extra` fields on some agencies, written to a file and loaded. */
function directoryWith(name: string, extra: Record<string, Record<string, unknown>>) {
  const data = File.parse(
    JSON.parse(readFileSync(new URL('../../src/data/agencies.json', import.meta.url), 'utf8')),
  );
  const agencies = data.agencies.map((a) => ({ ...a, ...(extra[a.id] ?? {}) }));
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({ ...data, agencies }));
  return loadDirectory({ file, secrets: {} });
}

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (e) {
    if (e instanceof DirectoryError) return e.problems;
    throw e;
  }
  throw new Error('expected a DirectoryError');
}

const DINKES = {
  '6303-dinkes': { verifyDays: 2, answerDays: 7, deadlines: { kesehatan: { verifyDays: 1 } } },
  '6303-rsud': { verifyDays: 4 },
};

describe('deadlines per agency and category', () => {
  let db: Db | null = null;
  afterEach(() => db?.close());

  it('takes the category’s days first, then the agency’s, and leaves the rest to the settings', () => {
    const dir = directoryWith('ok.json', DINKES);
    expect(dir.stageDays('6303-dinkes', 'kesehatan')).toEqual({ verifyDays: 1, answerDays: 7 });
    expect(dir.stageDays('6303-dinkes', 'lingkungan')).toEqual({ verifyDays: 2, answerDays: 7 });
    expect(dir.stageDays('6303-rsud', 'kesehatan')).toEqual({ verifyDays: 4 });
    expect(dir.stageDays('6303-pupr', 'infrastruktur')).toEqual({});
    expect(dir.stageDays('no-such-agency', 'kesehatan')).toEqual({});
  });

  it('refuses an unknown category, an empty entry and days outside 1–60, naming the agency', () => {
    const unknown = problemsOf(() =>
      directoryWith('bad-category.json', { '6303-dinkes': { deadlines: { sehat: { answerDays: 3 } } } }),
    );
    expect(unknown).toContain('Agency "6303-dinkes": deadlines for unknown category "sehat".');
    const empty = problemsOf(() =>
      directoryWith('empty.json', { '6303-dinkes': { deadlines: { kesehatan: {} } } }),
    );
    expect(
      empty.some((p) => p.includes('("6303-dinkes").deadlines.kesehatan') && p.includes('verifyDays')),
    ).toBe(true);
    const range = problemsOf(() => directoryWith('range.json', { '6303-dinkes': { verifyDays: 0 } }));
    expect(range.some((p) => p.startsWith('agencies[') && p.includes('("6303-dinkes").verifyDays'))).toBe(
      true,
    );
    const extra = problemsOf(() =>
      directoryWith('typo.json', { '6303-dinkes': { deadlines: { kesehatan: { answerDay: 3 } } } }),
    );
    expect(extra.some((p) => p.includes('("6303-dinkes").deadlines.kesehatan'))).toBe(true);
  });

  it('files and moves tickets on the agency’s own days', () => {
    const dir = directoryWith('desk.json', DINKES);
    db = openDb(':memory:');
    const store = createStore(db);
    let n = 0;
    const desk = new TicketDesk({
      store,
      routing: routingPort(dir),
      calendar: new WorkingDays(),
      answerDays: 5,
      verifyDays: 3,
      random: () => n++ % 30,
    });
    const conv = store.conversations.findOrCreate('telegram', 'x', 'intake', 2, T0).id;
    // A health complaint in Kab. Banjar goes to its Dinkes: verified within 1 working day, answered within 7.
    const filed = desk.file(complaint(), conv, true, T0);
    expect(filed).toMatchObject({ kind: 'filed', verifyDue: '2026-11-24', due: '2026-12-03', days: 7 });
    if (filed.kind !== 'filed') return;
    const id = store.tickets.findForChat(conv, filed.ticket)?.id ?? 0;
    expect(store.ticketDeadlines.current(id)).toMatchObject({ stage: 'verify', agencyId: '6303-dinkes' });
    const officerId = store.officers.add(
      { username: 'p', name: null, role: 'admin', passwordHash: 'x', agencies: [] },
      T0,
    );
    // Moved to RSUD: its own 4 days to verify, from Monday 23 November.
    desk.reassign(
      { id, number: filed.ticket, status: 'baru', agencyId: '6303-dinkes' },
      { agencyId: '6303-rsud', name: 'RSUD' },
      { officerId, reason: 'rumah sakit' },
      T0,
    );
    expect(store.ticketDeadlines.current(id)).toMatchObject({
      stage: 'verify',
      agencyId: '6303-rsud',
      dueOn: '2026-11-27',
    });
    // RSUD answers on the settings' 5 days from its verification.
    desk.move({ id, status: 'dialihkan' }, 'diverifikasi', { officerId, reason: null, message: null }, T0);
    expect(store.ticketDeadlines.current(id)).toMatchObject({ stage: 'answer', dueOn: '2026-11-30' });
  });
});
