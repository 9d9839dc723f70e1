// The statistics page under load, for `npm run bench`: N tickets over a year in one database (all 13 kab/kota, every
// category, the directory's agencies, kecamatan, forms, events, stages, ratings, ladder steps, similar links), the
// refresher's first pass over them, then the page (query + render, through the real route) timed for an admin, a
// kab/kota coordinator and an agency's officer; p50/p95 in milliseconds.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCore } from '../app/core.js';
import { ManualClock, seededIds } from '../clock.js';
import { KABKOTA, KECAMATAN } from '../data/regions-data.js';
import { CATEGORY_IDS } from '../domain/categories.js';
import { MALADMINISTRATION_FORMS } from '../domain/maladministration.js';
import { witaDate } from '../domain/wita.js';
import { WorkingDays } from '../domain/working-days.js';
import { officerPages } from '../http/officers/officer-pages.js';
import { TelegramLinking } from '../officers/telegram-linking.js';
import { newToken, tokenHash } from '../officers/tokens.js';
import { totpSecretBox } from '../officers/totp-secret-box.js';
import { TwoFactor } from '../officers/two-factor.js';
import { defaultDirectory } from '../routing/load-directory.js';
import { openDb } from '../storage/db.js';

/** From 1 January 2026 over about eleven and a half months: a million tickets are one every 30 seconds. */
const T0 = Date.parse('2026-01-01T00:00:00+08:00');
const SPAN_MS = 1_000_000 * 30_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLOSED = ['selesai', 'ditutup', 'ditutup', 'ditolak', 'selesai', 'ditutup'] as const;
const OPEN = ['baru', 'diverifikasi', 'diproses', 'menunggu_pelapor', 'selesai'] as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ p50Ms: number; p95Ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: Number(percentile(times, 50).toFixed(1)), p95Ms: Number(percentile(times, 95).toFixed(1)) };
}

/** Fills `count` tickets with their events, stages, ratings, ladder steps and links. */
function fill(path: string, count: number): void {
  const step = SPAN_MS / count;
  const db = openDb(path, 'OFF');
  const calendar = new WorkingDays();
  const directory = defaultDirectory();
  const agenciesOf = new Map(
    KABKOTA.map((k) => [k.code, directory.all().filter((a) => a.region === k.code && !a.coordinator)]),
  );
  const kecamatanOf = new Map(
    KABKOTA.map((k) => [k.code, KECAMATAN.filter((c) => c.kabkotaCode === k.code)]),
  );
  const complaint = db.prepare(
    "INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at) VALUES (?, ?, ?, 'anonim', ?)",
  );
  const ticket = db.prepare(
    `INSERT INTO tickets (number, complaint_id, status, due_date, created_at, updated_at, agency_id, kabkota_code,
       category, rating_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(
    "INSERT INTO ticket_events (ticket_id, at, actor, type, to_status) VALUES (?, ?, 'officer', ?, ?)",
  );
  const stage = db.prepare(
    `INSERT INTO ticket_deadlines (ticket_id, stage, agency_id, started_at, due_on, met_at, ended_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const ladder = db.prepare(
    "INSERT INTO ticket_ladder (deadline_id, level, ticket_id, fired_at) VALUES (?, 'coordinator', ?, ?)",
  );
  const link = db.prepare(
    "INSERT INTO ticket_links (ticket_id, linked_ticket_id, score, reason, created_at) VALUES (?, ?, 0.8, 'similar', ?)",
  );
  /** The stages' due dates of a ticket filed at `at`, worked out once per filing day. */
  const dueCache = new Map<string, { verifyDue: string; answerDue: string }>();
  const dues = (at: number) => {
    const day = witaDate(at);
    let d = dueCache.get(day);
    if (!d) {
      d = {
        verifyDue: calendar.addWorkingDays(new Date(at), 3),
        answerDue: calendar.addWorkingDays(new Date(at), 8),
      };
      dueCache.set(day, d);
    }
    return d;
  };
  const run = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const kab = KABKOTA[i % KABKOTA.length];
      if (!kab) continue;
      const c = (i * 7) % CATEGORY_IDS.length;
      const category = CATEGORY_IDS[c] ?? 'lainnya';
      // As routing does: a category goes to one of its kab/kota's agencies.
      const agencies = agenciesOf.get(kab.code) ?? [];
      const agency = agencies[c % Math.max(1, agencies.length)]?.id ?? null;
      const places = kecamatanOf.get(kab.code) ?? [];
      const kecamatan = places[(i * 31) % Math.max(1, places.length)]?.code ?? null;
      const at = T0 + Math.floor(i * step);
      const data = {
        kecamatanCode: kecamatan,
        maladministration: i % 3 === 0 ? MALADMINISTRATION_FORMS[i % MALADMINISTRATION_FORMS.length] : null,
        escalate: i % 50 === 0,
      };
      const cid = complaint.run(JSON.stringify(data), category, kab.code, at).lastInsertRowid;
      const old = i < count * 0.9;
      const status = old ? CLOSED[i % CLOSED.length] : OPEN[i % OPEN.length];
      const rating =
        (status === 'selesai' || status === 'ditutup') && i % 5 === 0 ? 1 + ((i >> 3) % 5) : null;
      const { verifyDue, answerDue } = dues(at);
      const t = Number(
        ticket.run(
          `ADU-26${i.toString(36).toUpperCase().padStart(7, '0')}`,
          cid,
          status,
          answerDue,
          at,
          at,
          agency,
          kab.code,
          category,
          rating,
        ).lastInsertRowid,
      );
      event.run(t, at, 'filed', 'baru');
      if (status === 'baru') {
        stage.run(t, 'verify', agency, at, verifyDue, null, null);
        continue;
      }
      const verified = at + ((i % 5) + 1) * 20 * HOUR;
      event.run(t, verified, 'status_changed', 'diverifikasi');
      stage.run(t, 'verify', agency, at, verifyDue, verified, null);
      const replied = i % 10 < 7 ? verified + ((i % 9) + 1) * 9 * HOUR : null;
      if (replied) event.run(t, replied, 'replied', null);
      const done = status === 'selesai' || status === 'ditutup' ? verified + ((i % 7) + 2) * DAY : null;
      if (done) event.run(t, done, 'status_changed', 'selesai');
      const met = replied ?? done;
      const answer = Number(
        stage.run(
          t,
          'answer',
          agency,
          verified,
          answerDue,
          met,
          met === null && old ? verified + 12 * DAY : null,
        ).lastInsertRowid,
      );
      if (i % 40 === 0) ladder.run(answer, t, verified + 10 * DAY);
      const twin = i - KABKOTA.length * Math.max(1, places.length);
      if (i % 20 === 0 && twin > 0) {
        link.run(t, twin + 1, at);
        link.run(twin + 1, t, at);
      }
    }
  });
  for (let from = 0; from < count; from += 50_000) run(from, Math.min(count, from + 50_000));
  db.close();
}

export async function benchStatistics(dir: string, count: number) {
  const path = join(dir, 'statistics.db');
  let started = process.hrtime.bigint();
  fill(path, count);
  const fillSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const now = T0 + SPAN_MS + DAY;
  const clock = new ManualClock(now);
  const core = buildCore({ dbPath: path, dataDir: dir, clock, ids: seededIds(3), synchronous: 'OFF' });
  started = process.hrtime.bigint();
  while (!core.statistics.refresh(60_000, 5000));
  const refreshSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { store } = core;
  const box = totpSecretBox(newToken());
  const session = (username: string, role: 'admin' | 'supervisor' | 'officer', agencies: string[]) => {
    const id = store.officers.add({ username, name: null, role, passwordHash: 'bench', agencies }, now);
    // An admin reaches the workspace only with its second factor on (the code itself is never asked here).
    if (role === 'admin') {
      store.secondFactors.startTotp(id, box.seal(id, 'JBSWY3DPEHPK3PXP'), now);
      store.secondFactors.enableTotp(id, 0, now);
    }
    const cookie = newToken();
    store.officers.openSession(tokenHash(cookie), id, newToken(), now);
    return `__Host-aduan_petugas=${cookie}`;
  };
  // The workspace as the server mounts it at /petugas (without the web chat, whose page reads files beside it).
  const app = officerPages({
    store,
    files: core.files,
    actions: core.actions,
    directory: core.directory,
    clock,
    secureRequest: () => true,
    clientAddress: () => '127.0.0.1',
    telegramLinking: new TelegramLinking({ store, clock, random: core.ids.random }),
    twoFactor: new TwoFactor({ store, clock, random: core.ids.random, box }),
  });
  const admin = session('admin', 'admin', []);
  const coordinator = session('korbjm', 'supervisor', ['6371-koordinator']);
  const officer = session('pupr', 'officer', ['6371-pupr']);
  const render =
    (cookie: string, query = '') =>
    async () => {
      const res = await app.request(`/statistik${query}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`statistics page answered ${res.status}`);
      await res.text();
    };
  const today = witaDate(now);
  const month = `?from=${today.slice(0, 7)}-01&to=${today}`;
  // Ranges that are not whole months and weeks: 13 and 15 days left over, read from the rollup's day rows.
  const uneven = '?from=2026-03-15&to=2026-09-10';
  const unevenLong = '?from=2026-02-03&to=2026-11-17';
  const figures = {
    tickets: count,
    fillSeconds: Number(fillSeconds.toFixed(1)),
    refreshSeconds: Number(refreshSeconds.toFixed(1)),
    rollupRows: Number(core.db.prepare('SELECT count(*) FROM stat_rollup').pluck().get()),
    databaseMB: Math.round(statSync(path).size / 1048576),
    pageAdmin: await timed(10, render(admin)),
    pageAdminMonth: await timed(10, render(admin, month)),
    pageAdminUnevenRange: await timed(10, render(admin, uneven)),
    pageAdminUnevenRangeFebNov: await timed(10, render(admin, unevenLong)),
    pageAdminCategory: await timed(10, render(admin, '?category=infrastruktur')),
    pageCoordinator: await timed(10, render(coordinator)),
    pageOfficer: await timed(10, render(officer)),
    reportCsvAdmin: await timed(10, async () => {
      await app.request('/statistik/bulanan.csv?month=2026-06', { headers: { cookie: admin } });
    }),
  };
  core.close();
  return figures;
}
