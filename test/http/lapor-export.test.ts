// The SP4N-LAPOR!-ready export (GET /api/v1/tickets.lapor.csv|json and the inbox's /petugas/tiket.lapor.csv|json), read
// back with the operators' CSV parser and the JSON's own schema: the access matrix, LAPOR!'s fields (title, date, place,
// category, signed evidence links, flags), `;` and `?sep=,`, quotes, newlines and formulas, the reporter and the free
// text as the inbox CSV shows them to each account, the inbox's filters, the audit entries, the OpenAPI document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Complaint } from '../../src/domain/complaint.js';
import { witaDate } from '../../src/domain/wita.js';
import { makeLinkSigner, verifyAttachmentSignature } from '../../src/forwarding/signed-links.js';
import { LaporDocument, LaporItem } from '../../src/http/api/lapor-schema.js';
import type { createApp } from '../../src/http/app.js';
import { parseCsv } from '../../src/officers/csv.js';
import { ATTACHMENTS, complaint } from '../forwarding/ticket-fixture.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';

const DAY = 24 * 3600_000;
const SECRET = 'rahasia-tautan-untuk-uji-ekspor-lapor-0001';
const BASE = 'https://aduan.example.go.id';
type Who = 'admin' | 'korbjm' | 'pupr' | 'dinkes';
const WHO: readonly Who[] = ['admin', 'korbjm', 'pupr', 'dinkes'];
const RAHASIA = { name: 'Budi Rahasia', nik: '6371010101900003', phone: '+6281111111111' };
const COLUMNS = Object.keys(LaporItem.shape);
const road = (story: string, over: Partial<Complaint> = {}): Partial<Complaint> => ({
  category: 'infrastruktur',
  kabkotaCode: '63.71',
  kecamatanCode: '63.71.04',
  address: 'Jl. Veteran, RT 5',
  location: null,
  story,
  ...over,
});

describe('the SP4N-LAPOR!-ready export', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
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
  const csv = async (res: Response) => {
    expect(res.status).toBe(200);
    const text = await res.text();
    const table = parseCsv(text);
    const [header = [], ...rows] = table.records.map((r) => r.fields);
    const byName = (name: string) => {
      const row = rows.find((r) => r[0] === filed[name]);
      return row ? Object.fromEntries(header.map((col, i) => [col, row[i] ?? ''])) : null;
    };
    return { text, delimiter: table.delimiter, header, rows, byName };
  };
  const json = async (res: Response) => {
    expect(res.status).toBe(200);
    return LaporDocument.parse(await res.json());
  };
  const names = (numbers: (string | undefined)[]) => {
    const byNumber = new Map(Object.entries(filed).map(([k, v]) => [v, k]));
    return numbers.map((n) => byNumber.get(n ?? '') ?? n);
  };

  beforeEach(() => {
    h = new Harness();
    // Filed a day apart from Monday 23 November 2026, 10:00 WITA.
    file(
      'jalan',
      road('Jalan "Veteran" rusak; lubangnya besar,\ndi depan sekolah', {
        location: { lat: -3.31987, lon: 114.59075 },
        attachments: [ATTACHMENTS.photo, ATTACHMENTS.scan],
        incidentDate: { date: '2026-11-01', precision: 'month', tooOld: false },
      }),
    );
    file(
      'rahasia',
      road('=HYPERLINK("http://x.example") hubungi saya di 0812 3456 7890, NIK 6371010101900003', {
        identityMode: 'rahasia',
        ...RAHASIA,
      }),
    );
    file(
      'anonim',
      road('+62 drainase mampet', { identityMode: 'anonim', name: null, nik: null, phone: null }),
    );
    file(
      'lain',
      road('@camat lampu jalan mati', { category: 'lainnya', kecamatanCode: null, address: null }),
    );
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
    const signLink = makeLinkSigner({ baseUrl: BASE, secret: SECRET, ttlMs: 14 * DAY, clock: h.clock });
    app = officerApp(h, undefined, undefined, signLink);
  });
  afterEach(() => h.close());

  it('gives each account the tickets of its scope, as CSV and JSON, on the page and by the API', async () => {
    // 'lain' (lainnya) is routed to the kab/kota's coordinator: its supervisors see it, the PUPR's officers do not.
    const roads = ['anonim', 'rahasia', 'jalan'];
    const expected: Record<Who, string[]> = {
      admin: ['sehat', 'lain', ...roads],
      korbjm: ['lain', ...roads],
      pupr: roads,
      dinkes: ['sehat'],
    };
    for (const who of WHO) {
      const want = expected[who];
      expect(
        names((await csv(await page(who, '/petugas/tiket.lapor.csv'))).rows.map((r) => r[0])),
        who,
      ).toEqual(want);
      expect(
        names((await csv(await call(who, 'GET', '/v1/tickets.lapor.csv'))).rows.map((r) => r[0])),
        who,
      ).toEqual(want);
      for (const res of [
        await page(who, '/petugas/tiket.lapor.json'),
        await call(who, 'GET', '/v1/tickets.lapor.json'),
      ])
        expect(names((await json(res)).items.map((i) => i.nomor_tiket)), who).toEqual(want);
    }
    for (const path of ['/petugas/tiket.lapor.csv', '/petugas/tiket.lapor.json']) {
      const out = await page(null, path);
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/petugas/masuk');
    }
    for (const who of [null, 'aduan_bukan-token-yang-benar-sama-sekali'])
      for (const path of ['/v1/tickets.lapor.csv', '/v1/tickets.lapor.json']) {
        const res = await call(who, 'GET', path);
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
    // Another agency's tickets are not reached by naming their agency either.
    const other = await call('dinkes', 'GET', `/v1/tickets.lapor.csv?agency=${agencyOf('jalan')}`);
    expect((await csv(other)).rows).toEqual([]);
  });

  it('writes LAPOR!’s fields: title, story, date, place, agency, category, evidence links, flags', async () => {
    const res = await call('admin', 'GET', '/v1/tickets.lapor.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="aduan-lapor-${witaDate(h.clock.now())}.csv"`,
    );
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, byName, delimiter } = await csv(res);
    expect(delimiter).toBe(';');
    expect(header).toEqual(COLUMNS);
    const jalan = byName('jalan');
    const agency = h.core.directory.agency(agencyOf('jalan'))?.name;
    expect(jalan).toMatchObject({
      judul: 'Jalan, jembatan, drainase, PJU di Banjarmasin Utara, Kota Banjarmasin',
      isi: 'Jalan "Veteran" rusak; lubangnya besar,\ndi depan sekolah',
      tanggal_kejadian: '2026-11',
      lokasi: 'Jl. Veteran, RT 5, Banjarmasin Utara, Kota Banjarmasin',
      kecamatan: 'Banjarmasin Utara',
      kabkota: 'Kota Banjarmasin',
      // A number is written as a number (a spreadsheet reads -3.31987 as one, never as a formula).
      lintang: '-3.31987',
      bujur: '114.59075',
      instansi_tujuan: agency,
      kategori: 'Pekerjaan Umum dan Penataan Ruang',
      kategori_aduan: 'infrastruktur',
      anonim: '0',
      rahasia: '0',
      nama_pelapor: 'Siti Aminah',
      telepon_pelapor: "'+6281234567890",
      nik_pelapor: '6303**********01',
    });
    // The evidence: one signed link per line, each valid until LINK_TTL_DAYS from now and not a moment later.
    const links = (jalan?.lampiran ?? '').split('\n');
    expect(links).toHaveLength(2);
    for (const [i, link] of links.entries()) {
      const url = new URL(link);
      const id = [ATTACHMENTS.photo.id, ATTACHMENTS.scan.id][i] ?? '';
      expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/files/${id}`);
      const [exp, sig] = [url.searchParams.get('exp') ?? '', url.searchParams.get('sig') ?? ''];
      expect(verifyAttachmentSignature(SECRET, id, exp, sig, h.clock.now())).toBe('ok');
      expect(verifyAttachmentSignature(SECRET, id, exp, sig, h.clock.now() + 15 * DAY)).toBe('expired');
    }
    // A category LAPOR! has no entry for keeps Aduan's label; no kecamatan, no address: the kab/kota alone.
    expect(byName('lain')).toMatchObject({
      judul: 'Lainnya di Kota Banjarmasin',
      lokasi: 'Kota Banjarmasin',
      kategori: 'Lainnya',
      kategori_aduan: 'lainnya',
      lampiran: '',
      tanggal_kejadian: '2026-11-02',
    });
    expect(byName('anonim')).toMatchObject({ anonim: '1', rahasia: '0' });
    expect(byName('rahasia')).toMatchObject({ anonim: '0', rahasia: '1' });
  });

  it('reads back the same with `?sep=,`, quoting stories and defusing formulas', async () => {
    const semi = await csv(await call('admin', 'GET', '/v1/tickets.lapor.csv'));
    const comma = await csv(await call('admin', 'GET', '/v1/tickets.lapor.csv?sep=,'));
    expect(comma.delimiter).toBe(',');
    expect(comma.rows).toEqual(semi.rows);
    expect(semi.text).toContain('"Jalan ""Veteran"" rusak; lubangnya besar,\ndi depan sekolah"');
    expect(comma.byName('rahasia')?.isi?.startsWith(`'=HYPERLINK("http://x.example")`)).toBe(true);
    expect(comma.byName('anonim')?.isi).toBe("'+62 drainase mampet");
    expect(comma.byName('lain')?.isi).toBe("'@camat lampu jalan mati");
    for (const row of semi.rows) expect(row).toHaveLength(COLUMNS.length);
    expect((await call('admin', 'GET', '/v1/tickets.lapor.csv?sep=%7C')).status).toBe(422);
    const page = await csv(
      await app.request('/petugas/tiket.lapor.csv?sep=,', {
        headers: { cookie: `__Host-aduan_petugas=${cookies.admin}` },
      }),
    );
    expect(page.delimiter).toBe(',');
  });

  it('gives the JSON the CSV’s content, valid by its schema', async () => {
    const doc = await json(await call('admin', 'GET', '/v1/tickets.lapor.json'));
    expect(doc.schema).toBe('aduan.lapor/1');
    const { byName } = await csv(await call('admin', 'GET', '/v1/tickets.lapor.csv'));
    const item = doc.items.find((i) => i.nomor_tiket === filed.jalan);
    expect(item).toMatchObject({
      judul: byName('jalan')?.judul,
      isi: byName('jalan')?.isi,
      lintang: -3.31987,
      bujur: 114.59075,
      anonim: false,
      rahasia: false,
    });
    expect(item?.lampiran.map((a) => a.url)).toEqual(byName('jalan')?.lampiran?.split('\n'));
    expect(item?.lampiran[0]?.berlaku_sampai).toBe(new Date(h.clock.now() + 14 * DAY).toISOString());
    expect(doc.items.find((i) => i.nomor_tiket === filed.lain)?.tanggal_kejadian).toBe('2026-11-02');
  });

  it('shows the reporter and the free text to each account as the inbox CSV does', async () => {
    const seen = async (who: Who, name: string) => {
      const { text, byName } = await csv(await call(who, 'GET', '/v1/tickets.lapor.csv'));
      expect(text).not.toContain(RAHASIA.nik);
      expect(text).not.toContain('6303014506900001');
      const row = byName(name);
      return { reporter: [row?.nama_pelapor, row?.telepon_pelapor, row?.nik_pelapor], isi: row?.isi ?? '' };
    };
    const agency = await seen('pupr', 'rahasia');
    expect(agency.reporter).toEqual(['', '', '']);
    // The agency never reads who reported a rahasia ticket, not even inside the story.
    expect(agency.isi).toContain('[nomor disamarkan]');
    expect(agency.isi).toContain('[NIK disamarkan]');
    expect((await seen('pupr', 'anonim')).reporter).toEqual(['', '', '']);
    expect((await seen('pupr', 'jalan')).reporter).toEqual([
      'Siti Aminah',
      "'+6281234567890",
      '6303**********01',
    ]);
    for (const who of ['admin', 'korbjm'] as const) {
      const r = await seen(who, 'rahasia');
      expect(r.reporter).toEqual([RAHASIA.name, `'${RAHASIA.phone}`, '6371**********03']);
      expect(r.isi).toContain('0812 3456 7890');
      expect(r.isi).toContain('[NIK disamarkan]');
      expect((await seen(who, 'anonim')).reporter).toEqual(['', '', '']);
    }
  });

  it('takes the inbox’s filters, and the inbox links its view to the export', async () => {
    const Page = z.object({ items: z.array(z.object({ number: z.string() })) });
    for (const query of [
      'category=kesehatan',
      'kabkota=63.71&sort=oldest',
      'q=drainase',
      'from=2026-11-24&to=2026-11-25',
    ]) {
      const list = Page.parse(await (await call('admin', 'GET', `/v1/tickets?limit=200&${query}`)).json());
      const doc = await json(await call('admin', 'GET', `/v1/tickets.lapor.json?${query}`));
      expect(
        doc.items.map((i) => i.nomor_tiket),
        query,
      ).toEqual(list.items.map((i) => i.number));
    }
    const html = await (await page('pupr', '/petugas?status=baru&sort=oldest')).text();
    expect(html).toContain('Unduh untuk SP4N-LAPOR! (CSV)');
    const href = /href="(\/petugas\/tiket\.lapor\.csv[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe('/petugas/tiket.lapor.csv?status=baru&sort=oldest');
    expect(html).toContain('href="/petugas/tiket.lapor.json?status=baru&amp;sort=oldest"');
    expect(names((await csv(await page('pupr', href ?? ''))).rows.map((r) => r[0]))).toEqual([
      'jalan',
      'rahasia',
      'anonim',
    ]);
  });

  it('records each export at its start and its end, with the format, the filters and the identities', async () => {
    await (await call('pupr', 'GET', '/v1/tickets.lapor.csv?category=infrastruktur')).text();
    await (await page('admin', '/petugas/tiket.lapor.json?kabkota=63.71&balasan=1')).text();
    await (await call('korbjm', 'GET', '/v1/tickets.lapor.json')).text();
    const entries = (type: string) =>
      h.core.store.auditLog.page({ type }, 10).map((e) => [e.username, JSON.parse(e.data ?? 'null')]);
    expect(entries('officer.exported_tickets')).toEqual([
      ['korbjm', { format: 'lapor_json', via: 'api', filter: {} }],
      ['admin', { format: 'lapor_json', via: 'page', filter: { kabkota: '63.71', newReply: true } }],
      ['pupr', { format: 'lapor_csv', via: 'api', filter: { category: 'infrastruktur' } }],
    ]);
    expect(entries('officer.exported_tickets_end')).toEqual([
      ['korbjm', { rows: 4, identities: 3 }],
      ['admin', { rows: 0, identities: 0 }],
      ['pupr', { rows: 3, identities: 1 }],
    ]);
  });

  it('is in the OpenAPI document with the list’s filters and its CSV and JSON answers', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const Op = z.object({
      parameters: z.array(z.object({ name: z.string(), in: z.string() })),
      responses: z.record(z.string(), z.object({ content: z.record(z.string(), z.unknown()).optional() })),
    });
    const list = Op.parse(doc.paths['/v1/tickets'].get);
    const query = (op: z.infer<typeof Op>) =>
      op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const filters = query(list).filter((n) => n !== 'limit' && n !== 'cursor');
    const laporCsv = Op.parse(doc.paths['/v1/tickets.lapor.csv'].get);
    const laporJson = Op.parse(doc.paths['/v1/tickets.lapor.json'].get);
    expect(query(laporCsv).sort()).toEqual([...filters, 'sep'].sort());
    expect(query(laporJson).sort()).toEqual([...filters].sort());
    expect(Object.keys(laporCsv.responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(JSON.stringify(laporJson.responses['200']?.content)).toContain(
      '#/components/schemas/LaporDocument',
    );
    expect(Object.keys(doc.components.schemas.LaporItem.properties)).toEqual(COLUMNS);
  });
});
