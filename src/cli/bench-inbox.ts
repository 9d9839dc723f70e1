// The officers' inbox under load, for `npm run bench`: N tickets in one database, then the inbox list (an officer's
// agency, a coordinator's kab/kota, everything; filtered by category, overdue, a week, a rating, assigned to me or to
// nobody; sorted by due date) and full-text searches, timed; returns p50/p95 in milliseconds.
import { join } from 'node:path';
import { witaDate } from '../domain/wita.js';
import { openDb } from '../storage/db.js';
import { createStore } from '../storage/store.js';
import { normalize, tokens } from '../understand/normalize.js';

const AGENCIES = ['6371-pupr', '6371-disdukcapil', '6372-pdam', '6303-dinkes', '6306-disdik', '6309-dinsos'];
const KABKOTA = ['63.71', '63.72', '63.03', '63.06', '63.09', '63.10'];
const CATEGORIES = ['infrastruktur', 'adminduk', 'air_minum', 'kesehatan', 'pendidikan', 'bansos'];
const STATUSES = ['baru', 'diverifikasi', 'diproses', 'selesai', 'ditutup'];
/** Filing times: one ticket every 30 seconds from 1 January 2026, so a million span about a year. */
const T0 = Date.parse('2026-01-01T00:00:00+08:00');
const STEP_MS = 30_000;
const DAY_MS = 24 * 3600_000;
const WORDS =
  'jalan rusak lubang jembatan ktp blangko air pdam keruh mati puskesmas antri guru honor bantuan pkh lampu banjir sampah pasar sekolah listrik padam'.split(
    ' ',
  );

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function timed(runs: number, fn: (i: number) => unknown): { p50Ms: number; p95Ms: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: Number(percentile(times, 50).toFixed(2)), p95Ms: Number(percentile(times, 95).toFixed(2)) };
}

export function benchInbox(dir: string, count: number) {
  const db = openDb(join(dir, 'inbox.db'), 'OFF');
  const store = createStore(db);
  const complaint = db.prepare(
    'INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const ticket = db.prepare(
    `INSERT INTO tickets (number, complaint_id, status, due_date, created_at, updated_at, agency_id, kabkota_code,
       rating_score, category, assignee_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Two officers of the first agency: a fifth of the tickets is nobody's, the rest the colleague's or (more than half of
  // the first agency's) mine.
  const officerOf = (username: string) =>
    store.officers.add(
      { username, name: null, role: 'officer', passwordHash: 'bench', agencies: [AGENCIES[0] ?? ''] },
      T0,
    );
  const me = officerOf('saya');
  const colleague = officerOf('rekan');
  const started = process.hrtime.bigint();
  const fill = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const k = i % AGENCIES.length;
      const story = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} di kelurahan ${i % 997} sudah ${i % 9} bulan`;
      const at = T0 + i * STEP_MS;
      // Categories cycle more slowly than agencies, so an agency holds several and a filter has work to do.
      const category = CATEGORIES[Math.floor(i / AGENCIES.length) % CATEGORIES.length];
      const cid = complaint.run(JSON.stringify({ story }), category, KABKOTA[k], 'biasa', at).lastInsertRowid;
      const status = STATUSES[i % 5];
      const t = ticket.run(
        `ADU-2612-${i.toString(36).toUpperCase().padStart(6, '0')}`,
        cid,
        status,
        witaDate(at + (7 + (i % 5)) * DAY_MS),
        at,
        at,
        AGENCIES[k],
        KABKOTA[k],
        status === 'selesai' && i % 7 === 0 ? 1 + (Math.floor(i / 7) % 5) : null,
        category,
        i % 5 === 0 ? null : k === 0 && i % 7 < 4 ? me : colleague,
      );
      store.ticketSearch.index(Number(t.lastInsertRowid), normalize(story));
    }
  });
  for (let from = 0; from < count; from += 50_000) fill(from, Math.min(count, from + 50_000));
  const fillSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const officer = { kind: 'agencies' as const, agencyIds: ['6371-pupr'] };
  const coordinator = { kind: 'kabkota' as const, codes: ['63.71'] };
  const everything = { kind: 'all' as const };
  const queries = ['jalan rusak', 'air pdam keruh', 'ktp blangko', 'guru honor', 'banjir', 'lampu mati'];
  const last = T0 + count * STEP_MS;
  const today = witaDate(last);
  // A week in the middle of what was filed, as an officer would ask for it.
  const week = {
    createdFrom: T0 + Math.floor(count / 2) * STEP_MS,
    createdBefore: T0 + Math.floor(count / 2) * STEP_MS + 7 * DAY_MS,
  };
  const figures = {
    tickets: count,
    fillSeconds: Number(fillSeconds.toFixed(1)),
    listOfficer: timed(200, () => store.ticketInbox.inbox(officer, {}, 51)),
    listOfficerStatus: timed(200, () => store.ticketInbox.inbox(officer, { status: 'diproses' }, 51)),
    listCoordinator: timed(200, () => store.ticketInbox.inbox(coordinator, {}, 51)),
    listAll: timed(200, () => store.ticketInbox.inbox(everything, {}, 51)),
    listAllCategory: timed(200, () => store.ticketInbox.inbox(everything, { category: 'kesehatan' }, 51)),
    listOfficerCategory: timed(200, () => store.ticketInbox.inbox(officer, { category: 'kesehatan' }, 51)),
    listOfficerOverdue: timed(200, () => store.ticketInbox.inbox(officer, { overdueOn: today }, 51)),
    listAllWeek: timed(200, () => store.ticketInbox.inbox(everything, week, 51)),
    listOfficerWeek: timed(200, () => store.ticketInbox.inbox(officer, week, 51)),
    listOfficerByDue: timed(200, () => store.ticketInbox.inbox(officer, { sort: 'due' }, 51)),
    listAllByDue: timed(200, () => store.ticketInbox.inbox(everything, { sort: 'due' }, 51)),
    listAllRating: timed(200, () => store.ticketInbox.inbox(everything, { rating: 5 }, 51)),
    listOfficerMine: timed(200, () => store.ticketInbox.inbox(officer, { assignedTo: me }, 51)),
    listOfficerUnassigned: timed(200, () => store.ticketInbox.inbox(officer, { assignedTo: 'none' }, 51)),
    listCoordinatorUnassigned: timed(200, () =>
      store.ticketInbox.inbox(coordinator, { assignedTo: 'none' }, 51),
    ),
    listAllUnassigned: timed(200, () => store.ticketInbox.inbox(everything, { assignedTo: 'none' }, 51)),
    counts: timed(20, () => store.ticketInbox.statusCounts(officer)),
    searchOfficer: timed(200, (i) =>
      store.ticketInbox.inbox(officer, { words: tokens(queries[i % queries.length] ?? '') }, 51),
    ),
    searchAll: timed(200, (i) =>
      store.ticketInbox.inbox(everything, { words: tokens(queries[i % queries.length] ?? '') }, 51),
    ),
  };
  db.close();
  return figures;
}
