// Any inbox view as CSV (GET /api/v1/tickets.csv and the inbox's "Unduh CSV" at /petugas/tiket.csv), read back with
// the operators' CSV parser: who gets which tickets, BOM, `;` or `,`, quotes and newlines in stories, formulas
// defused, the reporter hidden as on the ticket page, the list's filters, chunked reads, the audit entry, OpenAPI.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Complaint } from '../../src/domain/complaint.js';
import { witaDate } from '../../src/domain/wita.js';
import type { createApp } from '../../src/http/app.js';
import { ticketCsv } from '../../src/http/officers/ticket-csv.js';
import { parseCsv } from '../../src/officers/csv.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';

const DAY = 24 * 3600_000;
type Who = 'admin' | 'korbjm' | 'pupr' | 'dinkes';
const WHO: readonly Who[] = ['admin', 'korbjm', 'pupr', 'dinkes'];
const RAHASIA = { name: 'Budi Rahasia', nik: '6371010101900003', phone: '+6281111111111' };
const road = (story: string, over: Partial<Complaint> = {}): Partial<Complaint> => ({
  category: 'infrastruktur',
  kabkotaCode: '63.71',
  kecamatanCode: null,
  address: 'Jl. Veteran, RT 5',
  story,
  ...over,
});

describe('tickets as CSV', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  /** Ticket numbers by a short name. */
  const filed: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const call = apiCaller(() => app, tokens);

  const file = (name: string, over: Partial<Complaint>) => {
    const conv = h.core.store.conversations.findOrCreate('telegram', name, 'intake', 2, h.clock.now()).id;
    const r = h.core.tickets.file(complaint(over), conv, true, h.clock.now());
    if (r.kind !== 'filed') throw new Error('not filed');
    filed[name] = r.ticket;
    h.clock.advance(DAY);
  };
  const agencyOf = (name: string) =>
    h.core.store.ticketInbox.forOfficer(filed[name] ?? '', { kind: 'all' })?.agencyId ?? '';
  const page = (who: Who | null, path: string) =>
    app.request(path, { headers: who ? { cookie: `__Host-aduan_petugas=${cookies[who]}` } : {} });
  const read = async (res: Response) => {
    expect(res.status).toBe(200);
    const text = await res.text();
    const table = parseCsv(text);
    const [header, ...rows] = table.records.map((r) => r.fields);
    return { text, delimiter: table.delimiter, header: header ?? [], rows };
  };
  const numbers = async (res: Response) => (await read(res)).rows.map((r) => r[0]);
  const names = (list: (string | undefined)[]) => {
    const byNumber = new Map(Object.entries(filed).map(([k, v]) => [v, k]));
    return list.map((n) => byNumber.get(n ?? '') ?? n);
  };

  beforeEach(() => {
    h = new Harness();
    // Filed a day apart from Monday 23 November 2026, 10:00 WITA.
    file('jalan', road('Jalan "Veteran" rusak; lubangnya besar,\ndi depan sekolah'));
    file('rahasia', road('=HYPERLINK("http://x.example","klik")', { identityMode: 'rahasia', ...RAHASIA }));
    file(
      'anonim',
      road('+62 drainase mampet', { identityMode: 'anonim', name: null, nik: null, phone: null }),
    );
    file('minus', road('-1 lampu jalan mati'));
    file('at', road('@camat tolong perbaiki jembatan'));
    file('sehat', {});
    const accounts = {
      admin: null,
      korbjm: '6371-koordinator',
      pupr: agencyOf('jalan'),
      dinkes: agencyOf('sehat'),
    };
    for (const who of WHO)
      cookies[who] = accountWithSession(
        h,
        who,
        who === 'admin' ? 'admin' : who === 'korbjm' ? 'supervisor' : 'officer',
        accounts[who],
      ).cookie;
    issueTokens(h, [...WHO], tokens);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('gives each account the tickets of its scope, on the page and by the API; signed out is refused', async () => {
    expect(agencyOf('jalan')).not.toBe(agencyOf('sehat'));
    const roads = ['at', 'minus', 'anonim', 'rahasia', 'jalan'];
    const expected: Record<Who, string[]> = {
      admin: ['sehat', ...roads],
      korbjm: roads,
      pupr: roads,
      dinkes: ['sehat'],
    };
    for (const who of WHO) {
      expect(names(await numbers(await page(who, '/petugas/tiket.csv'))), `${who} page`).toEqual(
        expected[who],
      );
      expect(names(await numbers(await call(who, 'GET', '/v1/tickets.csv'))), `${who} api`).toEqual(
        expected[who],
      );
    }
    const out = await page(null, '/petugas/tiket.csv');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    for (const who of [null, 'aduan_bukan-token-yang-benar-sama-sekali']) {
      const res = await call(who, 'GET', '/v1/tickets.csv');
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    // Another agency's ticket is not reached by naming its agency either.
    expect(await numbers(await call('dinkes', 'GET', `/v1/tickets.csv?agency=${agencyOf('jalan')}`))).toEqual(
      [],
    );
  });

  it('writes UTF-8 with a BOM, a header row, `;` by default and `,` when asked, quoting as RFC 4180', async () => {
    const res = await call('admin', 'GET', '/v1/tickets.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="aduan-tiket-${witaDate(h.clock.now())}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFNomor tiket;Masuk (WITA);Status;Kategori;Instansi;Kab/kota;Kecamatan;Lokasi;Tenggat;Ditugaskan ke;' +
        'Mode identitas;Nama pelapor;Telepon pelapor;NIK pelapor (disamarkan);Cerita',
    );
    const semi = await read(await call('admin', 'GET', '/v1/tickets.csv'));
    const comma = await read(await call('admin', 'GET', '/v1/tickets.csv?sep=,'));
    expect(semi.delimiter).toBe(';');
    expect(comma.delimiter).toBe(',');
    expect(comma.rows).toEqual(semi.rows);
    expect(comma.header).toEqual(semi.header);
    const jalan = semi.rows.find((r) => r[0] === filed.jalan);
    expect(jalan).toEqual([
      filed.jalan,
      '2026-11-23 10:00',
      'baru, belum diverifikasi',
      'Jalan, jembatan, drainase, PJU',
      h.core.directory.agency(agencyOf('jalan'))?.name,
      'Kota Banjarmasin',
      '',
      'Jl. Veteran, RT 5',
      h.core.store.ticketInbox.forOfficer(filed.jalan ?? '', { kind: 'all' })?.dueDate,
      '',
      'Biasa',
      'Siti Aminah',
      "'+6281234567890",
      '6303**********01',
      'Jalan "Veteran" rusak; lubangnya besar,\ndi depan sekolah',
    ]);
    expect(semi.text).toContain('"Jalan ""Veteran"" rusak; lubangnya besar,\ndi depan sekolah"');
    expect(semi.rows.find((r) => r[0] === filed.sehat)?.[6]).toBe('Gambut');
    // Each row has every column, whatever its story holds.
    for (const row of semi.rows) expect(row).toHaveLength(15);
  });

  it('defuses stories that start with = + - @', async () => {
    const { rows } = await read(await call('admin', 'GET', '/v1/tickets.csv'));
    const story = (name: string) => rows.find((r) => r[0] === filed[name])?.[14];
    expect(story('rahasia')).toBe(`'=HYPERLINK("http://x.example","klik")`);
    expect(story('anonim')).toBe("'+62 drainase mampet");
    expect(story('minus')).toBe("'-1 lampu jalan mati");
    expect(story('at')).toBe("'@camat tolong perbaiki jembatan");
  });

  it('hides a rahasia or anonim reporter from the agency, as the ticket page does; the NIK is always masked', async () => {
    const reporter = async (who: Who, name: string) => {
      const { rows, text } = await read(await call(who, 'GET', '/v1/tickets.csv'));
      expect(text).not.toContain(RAHASIA.nik);
      expect(text).not.toContain('6303014506900001');
      return rows.find((r) => r[0] === filed[name])?.slice(10, 14);
    };
    expect(await reporter('pupr', 'rahasia')).toEqual(['Rahasia', '', '', '']);
    expect(await reporter('pupr', 'anonim')).toEqual(['Anonim', '', '', '']);
    expect(await reporter('pupr', 'jalan')).toEqual([
      'Biasa',
      'Siti Aminah',
      "'+6281234567890",
      '6303**********01',
    ]);
    for (const who of ['admin', 'korbjm'] as const) {
      expect(await reporter(who, 'rahasia')).toEqual([
        'Rahasia',
        RAHASIA.name,
        `'${RAHASIA.phone}`,
        '6371**********03',
      ]);
      expect(await reporter(who, 'anonim')).toEqual(['Anonim', '', '', '']);
    }
  });

  it('takes the filters of GET /v1/tickets and words the file in the caller’s language', async () => {
    const Page = z.object({ items: z.array(z.object({ number: z.string() })) });
    const list = async (query: string) =>
      Page.parse(await (await call('admin', 'GET', `/v1/tickets?limit=200&${query}`)).json()).items.map(
        (i) => i.number,
      );
    for (const query of [
      '',
      'category=kesehatan',
      'kabkota=63.71&sort=oldest',
      'q=jembatan',
      'sort=due',
      'status=baru',
      'from=2026-11-24&to=2026-11-25',
    ])
      expect(await numbers(await call('admin', 'GET', `/v1/tickets.csv?${query}`)), query).toEqual(
        await list(query),
      );
    const bad = await call('admin', 'GET', '/v1/tickets.csv?sep=%7C');
    expect(bad.status).toBe(422);
    const en = await app.request('/api/v1/tickets.csv', {
      headers: { authorization: `Bearer ${tokens.admin}`, 'accept-language': 'en' },
    });
    const english = await read(en);
    expect(english.header[0]).toBe('Ticket number');
    expect(english.rows.find((r) => r[0] === filed.rahasia)?.[10]).toBe('Confidential');
    expect((await read(await page('pupr', '/petugas/tiket.csv?lang=en'))).header[14]).toBe('Story');
  });

  it('links the inbox view to its CSV with the same filters, tab and marks', async () => {
    const html = await (
      await page('admin', '/petugas?category=infrastruktur&status=baru&sort=oldest')
    ).text();
    const href = /href="(\/petugas\/tiket\.csv[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(href).toBe('/petugas/tiket.csv?status=baru&category=infrastruktur&sort=oldest');
    expect(names(await numbers(await page('admin', href)))).toEqual([
      'jalan',
      'rahasia',
      'anonim',
      'minus',
      'at',
    ]);
    expect(html).toContain('Unduh CSV');
    const replies = await (await page('admin', '/petugas?balasan=1&cursor=3')).text();
    expect(replies).toContain('href="/petugas/tiket.csv?balasan=1"');
    expect(await numbers(await page('admin', '/petugas/tiket.csv?balasan=1'))).toEqual([]);
    const comma = await read(await page('admin', '/petugas/tiket.csv?sep=,'));
    expect(comma.delimiter).toBe(',');
    expect(comma.rows).toHaveLength(6);
  });

  it('records each export in the audit log with the account, the filters and the rows', async () => {
    await (await call('pupr', 'GET', '/v1/tickets.csv?category=infrastruktur&sort=oldest')).text();
    await (await page('admin', '/petugas/tiket.csv?kabkota=63.03')).text();
    const entries = (type: string) =>
      h.core.store.auditLog.page({ type }, 10).map((e) => [e.username, JSON.parse(e.data ?? 'null')]);
    // The export is recorded before its first row leaves; its end, with how far it went.
    expect(entries('officer.exported_tickets')).toEqual([
      ['admin', { format: 'csv', via: 'page', filter: { kabkota: '63.03' } }],
      ['pupr', { format: 'csv', via: 'api', filter: { category: 'infrastruktur', sort: 'oldest' } }],
    ]);
    expect(entries('officer.exported_tickets_end')).toEqual([
      ['admin', { rows: 1, identities: 1 }],
      ['pupr', { rows: 5, identities: 3 }],
    ]);
  });

  it('reads the tickets a chunk at a time by cursor, in every sort, up to its bound', async () => {
    const admin = h.core.store.officers.find('admin');
    if (!admin) throw new Error('no admin');
    const reads = vi.spyOn(h.core.store.ticketInbox, 'inbox');
    const deps = { store: h.core.store, directory: h.core.directory, clock: h.clock };
    const request = {
      officer: admin,
      flags: {},
      sep: ';' as const,
      lang: 'id' as const,
      via: 'api' as const,
    };
    for (const sort of ['newest', 'oldest', 'due'] as const) {
      const whole = await numbers(ticketCsv(deps, { ...request, query: { sort } }));
      reads.mockClear();
      const res = ticketCsv(deps, { ...request, query: { sort, cursor: '3' } }, { chunk: 2, maxRows: 100 });
      const got = await numbers(res);
      expect(new Set(got).size, sort).toBe(6);
      expect(got, sort).toEqual(whole);
      expect(
        reads.mock.calls.map(([, , limit]) => limit),
        sort,
      ).toEqual([2, 2, 2, 2]);
    }
    reads.mockClear();
    const capped = await numbers(ticketCsv(deps, { ...request, query: {} }, { chunk: 2, maxRows: 3 }));
    expect(names(capped)).toEqual(['sehat', 'at', 'minus']);
    expect(reads.mock.calls.map(([, , limit]) => limit)).toEqual([2, 1]);
    const last = h.core.store.auditLog.page({ type: 'officer.exported_tickets_end' }, 1)[0];
    expect(JSON.parse(last?.data ?? 'null')).toMatchObject({ rows: 3, atLimit: true });
  });

  it('is in the OpenAPI document with the list’s filters, `sep`, and a text/csv answer', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const Op = z.object({
      parameters: z.array(z.object({ name: z.string(), in: z.string() })),
      responses: z.record(z.string(), z.object({ content: z.record(z.string(), z.unknown()).optional() })),
    });
    const csv = Op.parse(doc.paths['/v1/tickets.csv'].get);
    const list = Op.parse(doc.paths['/v1/tickets'].get);
    const query = (op: z.infer<typeof Op>) =>
      op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query(csv).sort()).toEqual(
      [...query(list).filter((n) => n !== 'limit' && n !== 'cursor'), 'sep'].sort(),
    );
    expect(Object.keys(csv.responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(csv.responses).sort()).toEqual(['200', '401', '422']);
  });
});
