// The statistics page, its monthly report (CSV, PDF) and the API through app.request: the access matrix (admin,
// coordinator, the agency's officer, another agency's officer, signed out, no token), the JSON matching the page's
// tables, the CSV read back with the project's parser, the PDF, each download audited, and no identity shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { createApp } from '../../src/http/app.js';
import { monthlyReportCsv } from '../../src/http/officers/monthly-report-csv.js';
import { t } from '../../src/i18n/locales.js';
import { parseCsv } from '../../src/officers/csv.js';
import { IDENTITY } from '../forwarding/ticket-fixture.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';
import { statisticsFixture } from '../helpers/statistics-fixture.js';

type Who = 'admin' | 'korbjm' | 'pupr' | 'lain';
const WHO: Who[] = ['admin', 'korbjm', 'pupr', 'lain'];
const NOV_DEC = '?from=2026-11-01&to=2026-12-31';
const Counts = z.array(z.object({ key: z.string(), n: z.number() }));
const Stats = z.object({
  asOf: z.number().nullable(),
  total: z.number(),
  byCategory: Counts,
  byKabkota: Counts,
  byAgency: Counts,
  byStatus: Counts,
  escalated: z.number(),
  rating: z.object({ count: z.number(), average: z.number().nullable() }),
});

/** The count column of the table in the page's figure `id`, in order. */
function tableCounts(html: string, id: string): number[] {
  const section =
    new RegExp(`<section class="card figure" id="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '';
  return [...body.matchAll(/<tr><td>[^<]*<\/td><td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

describe('statistics pages and API', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const call = apiCaller(() => app, tokens);
  const page = (who: Who | null, path: string) =>
    app.request(path, { headers: who ? { cookie: `__Host-aduan_petugas=${cookies[who]}` } : {} });

  beforeEach(() => {
    h = new Harness();
    statisticsFixture(h);
    const add = (username: Who, role: 'admin' | 'supervisor' | 'officer', agency: string | null) => {
      cookies[username] = accountWithSession(h, username, role, agency).cookie;
    };
    add('admin', 'admin', null);
    add('korbjm', 'supervisor', '6371-koordinator');
    add('pupr', 'officer', '6371-pupr');
    add('lain', 'officer', '6372-pupr');
    issueTokens(h, WHO, tokens);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('opens the page to every signed-in account, each within its scope, and sends a visitor to sign in', async () => {
    const totals: Record<string, string> = {};
    for (const who of WHO) {
      const res = await page(who, `/petugas/statistik${NOV_DEC}`);
      expect(res.status, who).toBe(200);
      const html = await res.text();
      totals[who] = /<div>Pengaduan masuk<b>(\d+)<\/b>/.exec(html)?.[1] ?? '';
      expect(html).toContain('Angka per 10:00 WITA');
      expect(html).toContain('<svg');
      expect(html).toContain('role="img"');
      expect(html).toContain('<title id="volume-chart-t">');
    }
    expect(totals).toEqual({ admin: '4', korbjm: '3', pupr: '3', lain: '0' });
    const out = await page(null, '/petugas/statistik');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    for (const path of [
      '/petugas/statistik/bulanan.csv?month=2026-11',
      '/petugas/statistik/bulanan.pdf?month=2026-11',
    ])
      expect((await page(null, path)).status).toBe(303);
  });

  it('answers the API for every token within its scope; 401 without one, 422 for a bad filter', async () => {
    const totals: Record<string, number> = {};
    for (const who of WHO) {
      const res = await call(who, 'GET', `/v1/statistics${NOV_DEC}`);
      expect(res.status, who).toBe(200);
      totals[who] = Stats.parse(await res.json()).total;
    }
    expect(totals).toEqual({ admin: 4, korbjm: 3, pupr: 3, lain: 0 });
    for (const path of [
      '/v1/statistics',
      '/v1/statistics/monthly?month=2026-11',
      '/v1/statistics/monthly.csv?month=2026-11',
      '/v1/statistics/monthly.pdf?month=2026-11',
    ])
      expect((await call(null, 'GET', path)).status, path).toBe(401);
    expect((await call('admin', 'GET', '/v1/statistics?from=2026-13-01')).status).toBe(422);
    expect((await call('admin', 'GET', '/v1/statistics?category=bukan')).status).toBe(422);
    expect((await call('admin', 'GET', '/v1/statistics/monthly?month=2026-1')).status).toBe(422);
    const doc = JSON.stringify(await (await app.request('/api/openapi.json')).json());
    for (const path of [
      '/v1/statistics',
      '/v1/statistics/monthly',
      '/v1/statistics/monthly.csv',
      '/v1/statistics/monthly.pdf',
    ])
      expect(doc).toContain(`"${path}"`);
  });

  it('shows in its tables the numbers the JSON gives, with the same filters, and no identity', async () => {
    for (const query of [NOV_DEC, `${NOV_DEC}&category=infrastruktur`, `${NOV_DEC}&kabkota=63.03`, '']) {
      const html = await (await page('admin', `/petugas/statistik${query}`)).text();
      const json = Stats.parse(await (await call('admin', 'GET', `/v1/statistics${query}`)).json());
      expect(tableCounts(html, 'category'), query).toEqual(json.byCategory.map((c) => c.n));
      expect(tableCounts(html, 'kabkota'), query).toEqual(json.byKabkota.map((c) => c.n));
      expect(tableCounts(html, 'agency'), query).toEqual(json.byAgency.map((c) => c.n));
      expect(tableCounts(html, 'status'), query).toEqual(json.byStatus.map((c) => c.n));
      for (const secret of [IDENTITY.name, IDENTITY.nik, IDENTITY.phone, IDENTITY.phone.slice(3)]) {
        expect(html).not.toContain(secret);
        expect(JSON.stringify(json)).not.toContain(secret);
      }
    }
    const html = await (await page('admin', `/petugas/statistik${NOV_DEC}`)).text();
    expect(html).toContain(t('id', 'category.infrastruktur'));
    expect(html).toContain('Banjarmasin Utara');
    expect(html).toContain('18 jam');
    expect(html).toContain('Per minggu (mulai Senin).');
    expect(html).toMatch(/@media \(max-width:760px\)\{\.fig-grid\{grid-template-columns:1fr\}\}/);
    const en = await (await page('admin', `/petugas/statistik${NOV_DEC}&lang=en`)).text();
    expect(en).toContain('Complaint statistics');
    expect(en).toContain('18 h');
  });

  it('gives the monthly report as CSV (BOM, `;`, read back) and PDF (the month in it, the font embedded), each audited', async () => {
    const csv = await page('korbjm', '/petugas/statistik/bulanan.csv?month=2026-11');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseCsv(new TextDecoder().decode(bytes));
    expect(table.delimiter).toBe(';');
    expect(table.records.map((r) => r.fields)).toEqual([
      [
        'Kabupaten/kota',
        'Instansi',
        'Masuk',
        'Dijawab tepat waktu',
        'Dieskalasi',
        'Rata-rata penilaian',
        'Jumlah penilaian',
      ],
      ['Kota Banjarmasin', 'Dinas PUPR Kota Banjarmasin', '2', '0', '2', '3,00', '1'],
      ['Jumlah', '', '2', '0', '2', '3,00', '1'],
    ]);
    const pdf = await page('admin', '/petugas/statistik/bulanan.pdf?month=2026-11');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const raw = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(raw.startsWith('%PDF')).toBe(true);
    expect(raw).toContain('2026-11');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('DejaVuSans');
    const api = await call('pupr', 'GET', '/v1/statistics/monthly.csv?month=2026-12');
    expect(parseCsv(await api.text()).records[1]?.fields).toEqual([
      'Kota Banjarmasin',
      'Dinas PUPR Kota Banjarmasin',
      '1',
      '1',
      '0',
      '5,00',
      '1',
    ]);
    expect((await call('lain', 'GET', '/v1/statistics/monthly.pdf?month=2026-12')).status).toBe(200);
    const json = await call('admin', 'GET', '/v1/statistics/monthly?month=2026-11');
    expect(await json.json()).toMatchObject({ month: '2026-11', total: { received: 3, escalated: 2 } });
    expect((await page('admin', '/petugas/statistik/bulanan.csv?month=november')).status).toBe(404);
    const audited = h.core.store.auditLog.page({ type: 'officer.exported_statistics' }, 10);
    expect(audited.map((e) => JSON.parse(String(e.data)))).toEqual([
      { format: 'json', month: '2026-11' },
      { format: 'pdf', month: '2026-12' },
      { format: 'csv', month: '2026-12' },
      { format: 'pdf', month: '2026-11' },
      { format: 'csv', month: '2026-11' },
    ]);
  });

  it('defuses a cell a spreadsheet would run as a formula, and quotes one with the separator', () => {
    const text = monthlyReportCsv(
      'en',
      {
        month: '2026-11',
        lines: [
          {
            kabkotaCode: '63.71',
            agencyId: 'x',
            received: 1,
            answeredOnTime: 0,
            escalated: 0,
            ratings: 0,
            averageRating: null,
          },
        ],
        total: {
          kabkotaCode: '',
          agencyId: '',
          received: 1,
          answeredOnTime: 0,
          escalated: 0,
          ratings: 0,
          averageRating: null,
        },
      },
      { kabkota: () => '=HYPERLINK("x")', agency: () => 'Dinas; "PU"' },
    );
    const rows = parseCsv(text).records.map((r) => r.fields);
    expect(rows[1]?.slice(0, 2)).toEqual(['\'=HYPERLINK("x")', 'Dinas; "PU"']);
  });
});
