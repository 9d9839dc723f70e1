// The admins' audit log through app.request: who may open the page, its CSV and the API (everyone else gets the plain
// 404 of a page that does not exist, or 403 on the API), the filters, keyset paging, masked details, RFC 4180 quoting
// with formulas defused, an export that is itself audited and streams 100,000 entries in chunks, and the indexes used.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { createApp } from '../../src/http/app.js';
import { csvField } from '../../src/http/csv-writer.js';
import { actionLabel } from '../../src/http/officers/audit-page.js';
import { AUDIT_ACTIONS } from '../../src/officers/audit-query.js';
import { newApiToken, tokenHash } from '../../src/officers/tokens.js';
import { auditPageQuery } from '../../src/storage/audit-log.js';
import { parseCsv } from '../../src/understand/csv.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

type Who = 'admin' | 'korbjm' | 'pupr' | 'capil';
const Page = z.object({
  items: z.array(z.object({ id: z.number(), action: z.string(), username: z.string().nullable() })),
  next: z.string().nullable(),
});

describe('audit log', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let ticket = '';
  let ticketId = 0;
  const ids: Record<string, number> = {};
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const record = (e: { actor: string; type: string; ticketId?: number; data?: unknown; at?: number }) =>
    h.core.store.audit.record({ at: h.clock.now(), ...e });
  const page = (who: Who | null, path: string) =>
    app.request(path, { headers: who ? { cookie: `__Host-aduan_petugas=${cookies[who]}` } : {} });
  const api = (who: Who | null, query = '') =>
    app.request(`/api/v1/audit${query}`, {
      headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    });
  const apiItems = async (query: string) => {
    const res = await api('admin', query);
    expect(res.status).toBe(200);
    return Page.parse(await res.json());
  };
  const auditOf = (type: string) => h.core.store.auditLog.page({ type }, 100);

  beforeEach(() => {
    h = new Harness();
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say('warga', turn.say);
    const row = h.core.store.ticketInbox.inbox({ kind: 'all' })[0];
    ticket = row?.number ?? '';
    ticketId = row?.id ?? 0;
    const add = (username: string, role: 'admin' | 'supervisor' | 'officer', agency: string | null) => {
      const { id, cookie } = accountWithSession(h, username, role, agency);
      ids[username] = id;
      cookies[username] = cookie;
      tokens[username] = newApiToken();
      h.core.store.officers.addToken(tokenHash(tokens[username] ?? ''), id, h.clock.now());
    };
    add('admin', 'admin', null);
    add('korbjm', 'supervisor', '6371-koordinator');
    add('pupr', 'officer', row?.agencyId ?? '');
    add('capil', 'officer', '6372-pupr');
    app = officerApp(h);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    h.close();
  });

  it('opens the page, the CSV and the API to admins only; the others get what a missing page gets', async () => {
    const missing = await page('pupr', '/petugas/tidak-ada');
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    for (const path of ['/petugas/audit', '/petugas/audit.csv', '/petugas/audit?action=officer.login']) {
      const admin = await page('admin', path);
      expect(admin.status, path).toBe(200);
      for (const who of ['korbjm', 'pupr', 'capil'] as const) {
        const res = await page(who, path);
        expect(res.status, `${who} ${path}`).toBe(404);
        expect(await res.text()).toBe(missingBody);
      }
      const out = await page(null, path);
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/petugas/masuk');
    }
    expect((await api(null)).status).toBe(401);
    expect((await api('admin')).status).toBe(200);
    for (const who of ['korbjm', 'pupr', 'capil'] as const) {
      const res = await api(who);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'Hanya untuk akun admin.' } });
    }
    // Only the admins' navigation links to it.
    expect(await (await page('admin', '/petugas')).text()).toContain('href="/petugas/audit"');
    for (const who of ['korbjm', 'pupr'] as const)
      expect(await (await page(who, '/petugas')).text()).not.toContain('/petugas/audit');
  });

  it('lists entries newest first with the account, the action in words and the ticket, without personal data', async () => {
    h.clock.advance(60_000);
    record({ actor: `officer:${ids.pupr}`, type: 'officer.viewed_identity', ticketId });
    const html = await (await page('admin', '/petugas/audit')).text();
    expect(html).toContain('melihat identitas pelapor');
    expect(html).toContain(`href="/petugas/tiket/${ticket}"`);
    expect(html).toContain('2026-11-23 10:');
    expect(html.indexOf('melihat identitas pelapor')).toBeLessThan(html.indexOf('tiket dibuat'));
    expect(html).toMatch(/<td[^>]*>pupr<\/td>/);
    // The citizen filed with a name, NIK and phone; the audit rows hold none of them.
    const complaint = h.core.store.ticketInbox.forOfficer(ticket, { kind: 'all' })?.complaint;
    for (const personal of [complaint?.nik, complaint?.phone, complaint?.name]) {
      expect(personal).toBeTruthy();
      expect(html).not.toContain(personal ?? '');
    }
    const en = await (await page('admin', '/petugas/audit?lang=en')).text();
    expect(en).toContain('viewed the reporter&#39;s identity');
  });

  it('masks a NIK or a phone number that an entry’s details hold, in the page, the CSV and the API', async () => {
    record({
      actor: 'citizen',
      type: 'message.revoked',
      data: { messageId: 'false_6281234567890@c.us_3EB0C767', note: 'NIK 6371045708900001', phone: '0812' },
    });
    const html = await (await page('admin', '/petugas/audit')).text();
    const csv = await (await page('admin', '/petugas/audit.csv')).text();
    const json = await (await api('admin', '?action=message.revoked')).text();
    for (const out of [html, csv, json]) {
      expect(out).toContain('3EB0C767');
      expect(out).not.toContain('81234567890');
      expect(out).not.toContain('6371045708900001');
      expect(out).not.toContain('"0812"');
    }
  });

  it('filters by account, ticket, action and WITA days, the same on the page, the CSV and the API', async () => {
    // 23 Nov 2026 10:00 WITA is T0; these land on 23 Nov 23:59 WITA and 24 Nov 00:00 WITA.
    const lastMinute = Date.parse('2026-11-23T23:59:00+08:00');
    const midnight = Date.parse('2026-11-24T00:00:00+08:00');
    record({ actor: `officer:${ids.pupr}`, type: 'officer.login', at: lastMinute });
    record({ actor: `officer:${ids.capil}`, type: 'officer.login', at: midnight });
    record({ actor: `officer:${ids.pupr}`, type: 'ticket.status_changed', ticketId, at: midnight });
    const byActor = await apiItems('?actor=PUPR');
    expect(byActor.items.map((i) => i.action)).toEqual(['ticket.status_changed', 'officer.login']);
    expect(byActor.items.every((i) => i.username === 'pupr')).toBe(true);
    expect((await apiItems('?actor=nobody')).items).toEqual([]);
    const byTicket = await apiItems(`?ticket=${ticket.toLowerCase()}`);
    expect(byTicket.items.map((i) => i.action)).toEqual([
      'ticket.status_changed',
      'ticket.routed',
      'ticket.created',
    ]);
    expect((await apiItems('?action=officer.login')).items.map((i) => i.username)).toEqual(['capil', 'pupr']);
    const day23 = await apiItems('?from=2026-11-23&to=2026-11-23&action=officer.login');
    expect(day23.items.map((i) => i.username)).toEqual(['pupr']);
    const day24 = await apiItems('?from=2026-11-24&action=officer.login');
    expect(day24.items.map((i) => i.username)).toEqual(['capil']);
    expect((await apiItems('?to=2026-11-22')).items).toEqual([]);
    const both = await apiItems(`?actor=pupr&ticket=${ticket}&action=ticket.status_changed&from=2026-11-24`);
    expect(both.items).toHaveLength(1);
    // The page keeps the valid filters, shows them in the form and exports the same selection.
    const html = await (await page('admin', '/petugas/audit?actor=capil&from=bukan-tanggal')).text();
    expect(html).toContain('value="capil"');
    expect(html).toContain('href="/petugas/audit.csv?actor=capil"');
    expect(html).not.toMatch(/<td[^>]*>pupr<\/td>/);
    const csv = parseCsv(await (await page('admin', '/petugas/audit.csv?actor=capil')).text());
    expect(csv.map((r) => r[4])).toEqual(['Tindakan', 'officer.login']);
    // The API says which parameter is wrong.
    const bad = await api('admin', '?from=2026-13-45');
    expect(bad.status).toBe(422);
    expect((await api('admin', '?action=DROP TABLE')).status).toBe(422);
  });

  it('pages 50 at a time with a keyset cursor, every entry once', async () => {
    for (let i = 0; i < 120; i++)
      record({ actor: `officer:${ids.pupr}`, type: 'officer.viewed_attachment', data: { n: i } });
    const seen: number[] = [];
    let path: string | null = '/petugas/audit?action=officer.viewed_attachment';
    let pages = 0;
    while (path) {
      const html: string = await (await page('admin', path)).text();
      const ns = [...html.matchAll(/\{&quot;n&quot;:(\d+)\}/g)].map((m) => Number(m[1]));
      seen.push(...ns);
      pages++;
      const next: string | undefined = /href="(\/petugas\/audit\?[^"]*cursor=\d+[^"]*)"/.exec(html)?.[1];
      path = next ? next.replaceAll('&amp;', '&') : null;
      if (path) expect(path).toContain('action=officer.viewed_attachment');
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...Array(120).keys()].reverse());
    // The API pages the same way, with its own page size.
    const first = await apiItems('?action=officer.viewed_attachment&limit=100');
    expect(first.items).toHaveLength(100);
    const rest = await apiItems(`?action=officer.viewed_attachment&limit=100&cursor=${first.next}`);
    expect(rest.items).toHaveLength(20);
    expect(rest.next).toBeNull();
  });

  it('quotes CSV fields by RFC 4180 and defuses cells a spreadsheet would run as formulas', async () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+62')).toBe("'+62");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    const evil = '=HYPERLINK("http://x","klik")';
    h.core.store.officers.add(
      { username: evil, name: null, role: 'officer', passwordHash: 'x', agencies: [] },
      h.clock.now(),
    );
    const evilId = h.core.store.officers.find(evil)?.id;
    record({ actor: `officer:${evilId}`, type: 'officer.login', data: { note: 'a, "b"\r\nc' } });
    const res = await page('admin', '/petugas/audit.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="audit-2026-11-23.csv"');
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'ID',
      'Waktu (WITA)',
      'Pelaku',
      'Akun',
      'Tindakan',
      'Tiket',
      'Percakapan',
      'Rincian',
    ]);
    const row = rows[1] ?? [];
    expect(row[1]).toBe('2026-11-23T10:00:00+08:00');
    expect(row[3]).toBe(`'${evil}`);
    expect(row[7]).toBe('{"note":"a, \\"b\\"\\r\\nc"}');
    expect(rows.every((r) => r.length === 8)).toBe(true);
  });

  it('audits each export (CSV and API) with its filters; the file holds the log as it was when asked', async () => {
    const csv = parseCsv(
      await (await page('admin', '/petugas/audit.csv?action=ticket.created&cursor=1')).text(),
    );
    expect(csv.slice(1).map((r) => r[4])).toEqual(['ticket.created']);
    await apiItems('?actor=pupr&limit=5');
    const exports = auditOf('officer.exported_audit');
    expect(exports).toHaveLength(2);
    expect(exports.map((e) => [e.username, JSON.parse(e.data ?? '')])).toEqual([
      ['admin', { format: 'json', filter: { actor: 'pupr' } }],
      ['admin', { format: 'csv', filter: { action: 'ticket.created' } }],
    ]);
    const all = parseCsv(await (await page('admin', '/petugas/audit.csv')).text());
    expect(all.slice(1).filter((r) => r[4] === 'officer.exported_audit')).toHaveLength(2);
    // Nobody else's request is recorded as an export.
    await page('pupr', '/petugas/audit.csv');
    await api('pupr');
    expect(auditOf('officer.exported_audit')).toHaveLength(3);
  });

  it('streams an export of 100,000 entries a chunk at a time', async () => {
    const store = h.core.store;
    const before = store.auditLog.page({}, 1000).length;
    store.tx(() => {
      for (let i = 0; i < 100_000; i++)
        store.audit.record({
          at: h.clock.now() + i,
          actor: `officer:${ids.pupr}`,
          type: 'officer.viewed_identity',
          ticketId,
        });
    });
    const reads = vi.spyOn(store.auditLog, 'page');
    const res = await page('admin', '/petugas/audit.csv');
    expect(reads).toHaveBeenCalledTimes(1);
    const reader = res.body?.getReader();
    let lines = 0;
    let largest = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      largest = Math.max(largest, chunk.value.byteLength);
      for (const b of chunk.value) if (b === 0x0a) lines++;
    }
    expect(lines).toBe(1 + 100_000 + before);
    expect(reads.mock.calls.every(([, limit]) => limit === 1000)).toBe(true);
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(101);
    expect(largest).toBeLessThan(1_000_000);
  }, 60_000);

  it('names every known action in both languages, for the filter', () => {
    for (const action of AUDIT_ACTIONS)
      for (const lang of ['id', 'en'] as const) expect(actionLabel(lang, action), action).not.toBe(action);
    expect(actionLabel('id', 'officer.something_new')).toBe('officer.something_new');
  });

  it('answers each filter from an index, newest first, without sorting', () => {
    const plan = (filter: Parameters<typeof auditPageQuery>[0]) => {
      const { sql, params } = auditPageQuery(filter, 51);
      return h.core.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => z.object({ detail: z.string() }).parse(r).detail)
        .join('\n');
    };
    const day = Date.parse('2026-11-23T00:00:00+08:00');
    const cases: [Parameters<typeof auditPageQuery>[0], RegExp][] = [
      [{ username: 'pupr', cursor: 99 }, /SEARCH a USING INDEX audit_events_actor/],
      [{ ticket: ticket }, /SEARCH a USING INDEX audit_events_ticket/],
      [{ type: 'officer.login' }, /SEARCH a USING INDEX audit_events_type/],
      [{ from: day, before: day + 86_400_000 }, /SEARCH a USING INTEGER PRIMARY KEY/],
      [{ from: day }, /SEARCH audit_events USING COVERING INDEX audit_events_at/],
    ];
    for (const [filter, expected] of cases) {
      const p = plan(filter);
      expect(p, JSON.stringify(filter)).toMatch(expected);
      expect(p, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE|SCAN a\b(?! USING)/);
    }
    expect(plan({})).not.toMatch(/TEMP B-TREE/);
  });
});
