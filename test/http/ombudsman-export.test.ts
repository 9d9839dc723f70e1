// The Ombudsman-ready export of one ticket (GET /api/v1/tickets/{number}/ombudsman.pdf|json and the ticket page's
// /petugas/tiket/{number}/ombudsman.pdf|json): the access matrix (admin, coordinator, Ombudsman, the agency's officer,
// another agency's officer, signed out, a wrong token), the JSON valid by its schema, the reporter by the rule of
// Ombudsman's copy (biasa, rahasia given, refused or never asked, anonim), the PDF's text extracted and checked, the
// evidence as signed links, the history and the missed deadlines, each export audited, the OpenAPI document.
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Complaint } from '../../src/domain/complaint.js';
import type { TicketEventType } from '../../src/domain/ticket-event.js';
import { makeLinkSigner, verifyAttachmentSignature } from '../../src/forwarding/signed-links.js';
import { OmbudsmanReport } from '../../src/http/api/ombudsman-schema.js';
import type { createApp } from '../../src/http/app.js';
import { ATTACHMENTS, IDENTITY, complaint } from '../forwarding/ticket-fixture.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';

const DAY = 24 * 3600_000;
const SECRET = 'rahasia-tautan-untuk-uji-ekspor-ombudsman-01';
const BASE = 'https://aduan.example.go.id';
const OMBUDSMAN = 'ombudsman-kalsel';
const RAHASIA = { name: 'Budi Rahasia', nik: '6303010101900003', phone: '+6281111111111' };
type Who = 'admin' | 'korbanjar' | 'ombudsman' | 'dinkes' | 'pupr';
const WHO: readonly Who[] = ['admin', 'korbanjar', 'ombudsman', 'dinkes', 'pupr'];
const FORMATS = ['pdf', 'json'] as const;

/** The PDF's text, as a reader copies it out. */
async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe('the Ombudsman-ready export', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const filed: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const call = apiCaller(() => app, tokens);
  const page = (who: Who | null, path: string) =>
    app.request(path, { headers: who ? { cookie: `__Host-aduan_petugas=${cookies[who]}` } : {} });

  const file = (name: string, over: Partial<Complaint>) => {
    const conv = h.core.store.conversations.findOrCreate('telegram', name, 'intake', 2, h.clock.now()).id;
    const r = h.core.tickets.file(complaint(over), conv, true, h.clock.now());
    if (r.kind !== 'filed') throw new Error('not filed');
    filed[name] = r.ticket;
  };
  const ticketOf = (name: string) => {
    const t = h.core.store.ticketInbox.forOfficer(filed[name] ?? '', { kind: 'all' });
    if (!t) throw new Error(`no ticket ${name}`);
    return t;
  };
  /** The question about the reporter's identity for Ombudsman's copy, asked and answered as the chat records it. */
  const answered = (name: string, answer: TicketEventType) => {
    const ticketId = ticketOf(name).id;
    for (const type of ['identity_asked', answer] as const)
      h.core.store.ticketEvents.add({
        ticketId,
        at: h.clock.now(),
        actor: type === 'identity_asked' ? 'system' : 'citizen',
        type,
        from: null,
        to: null,
        reason: null,
        ...(type === 'identity_asked' ? { data: { to: OMBUDSMAN, name: 'Ombudsman', deadline: 1 } } : {}),
      });
  };
  const report = async (res: Response) => {
    expect(res.status).toBe(200);
    return OmbudsmanReport.parse(await res.json());
  };

  beforeEach(() => {
    h = new Harness();
    const rahasia = { identityMode: 'rahasia' as const, ...RAHASIA };
    // Monday 23 November 2026, 10:00 WITA: a Kabupaten Banjar health complaint, with a photo and a scan.
    file('biasa', { attachments: [ATTACHMENTS.photo, ATTACHMENTS.scan] });
    file('diberikan', { ...rahasia, story: 'Petugas puskesmas meminta uang. Hubungi saya 0812 3456 7890.' });
    file('ditolak', rahasia);
    file('rahasia', rahasia);
    file('anonim', {
      identityMode: 'anonim',
      name: null,
      nik: null,
      phone: null,
      priorReport: { done: false, result: null },
    });
    answered('diberikan', 'identity_given');
    answered('ditolak', 'identity_refused');
    const agency = ticketOf('biasa').agencyId;
    const add = (who: Who, role: 'admin' | 'supervisor' | 'officer', of: string | null) => {
      const { id, cookie } = accountWithSession(h, who, role, of);
      cookies[who] = cookie;
      return id;
    };
    add('admin', 'admin', null);
    add('korbanjar', 'supervisor', '6303-koordinator');
    add('ombudsman', 'supervisor', OMBUDSMAN);
    add('dinkes', 'officer', agency);
    add('pupr', 'officer', '6371-pupr');
    issueTokens(h, [...WHO], tokens);
    const signLink = makeLinkSigner({ baseUrl: BASE, secret: SECRET, ttlMs: 14 * DAY, clock: h.clock });
    app = officerApp(h, undefined, undefined, signLink);
  });
  afterEach(() => h.close());

  it('is for admins and supervisors: the agency’s officer is refused, another agency and signed out do not reach it', async () => {
    const number = filed.biasa ?? '';
    const expected: Record<Who, number> = {
      admin: 200,
      korbanjar: 200,
      ombudsman: 200,
      dinkes: 403,
      pupr: 404,
    };
    for (const format of FORMATS)
      for (const who of WHO) {
        const api = await call(who, 'GET', `/v1/tickets/${number}/ombudsman.${format}`);
        expect(api.status, `${who} api ${format}`).toBe(expected[who]);
        const onPage = await page(who, `/petugas/tiket/${number}/ombudsman.${format}`);
        expect(onPage.status, `${who} page ${format}`).toBe(expected[who]);
        if (expected[who] === 403) {
          expect(await api.json()).toMatchObject({ error: { code: 'forbidden' } });
          expect(await onPage.text()).toContain('Hanya koordinator (supervisor) dan admin');
        }
        if (expected[who] === 404) expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    for (const format of FORMATS) {
      const out = await page(null, `/petugas/tiket/${number}/ombudsman.${format}`);
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/petugas/masuk');
      for (const who of [null, 'aduan_bukan-token-yang-benar-sama-sekali'])
        expect((await call(who, 'GET', `/v1/tickets/${number}/ombudsman.${format}`)).status).toBe(401);
      expect((await call('admin', 'GET', `/v1/tickets/ADU-2611-ZZZZ/ombudsman.${format}`)).status).toBe(404);
    }
    // The ticket page offers it to whom may download it, and only to them.
    const card = '/petugas/tiket/' + number + '/ombudsman.pdf';
    for (const who of ['admin', 'korbanjar', 'ombudsman'] as const)
      expect(await (await page(who, `/petugas/tiket/${number}`)).text(), who).toContain(card);
    expect(await (await page('dinkes', `/petugas/tiket/${number}`)).text()).not.toContain(card);
  });

  it('answers JSON valid by its schema, with what Ombudsman’s intake asks for', async () => {
    const res = await call('korbanjar', 'GET', `/v1/tickets/${filed.biasa}/ombudsman.json`);
    const r = await report(res);
    const c = complaint();
    expect(r.schema).toBe('aduan.ombudsman/1');
    expect(r.preparedBy).toBe('korbanjar');
    expect(r.ticket).toMatchObject({ number: filed.biasa, status: 'baru', channel: 'telegram' });
    expect(r.reporter).toEqual({
      identityMode: 'biasa',
      identity: 'given',
      withheldWhy: null,
      name: IDENTITY.name,
      nik: IDENTITY.nik,
      phone: IDENTITY.phone,
    });
    expect(r.reported).toEqual({
      agency: {
        id: ticketOf('biasa').agencyId,
        name: h.core.directory.agency(ticketOf('biasa').agencyId ?? '')?.name,
      },
      named: 'Puskesmas Gambut',
      why: expect.any(String),
    });
    expect(r.category).toEqual({ id: 'kesehatan', name: 'Kesehatan (puskesmas, RSUD, ambulans)' });
    expect(r.maladministration).toEqual({ id: 'penundaan_berlarut', name: 'penundaan berlarut' });
    expect(r.story).toBe(c.story);
    expect(r.incident).toEqual({
      date: { date: '2026-11-02', precision: 'day', ongoing: false, words: '2 November 2026' },
      tooOld: false,
      address: 'Jl. A. Yani km 14',
      kecamatan: { code: '63.03.03', name: expect.any(String) },
      kabkota: { code: '63.03', name: 'Kabupaten Banjar' },
      location: { lat: -3.43339, lon: 114.64917 },
    });
    expect(r.priorReport).toEqual({ done: true, to: null, result: 'tidak ada tanggapan' });
    expect(r.expectation).toBe(c.expectation);
    // The evidence: signed links that expire after LINK_TTL_DAYS.
    expect(r.evidence.map((e) => e.sha256)).toEqual([ATTACHMENTS.photo.sha256, ATTACHMENTS.scan.sha256]);
    for (const [i, e] of r.evidence.entries()) {
      const url = new URL(e.url ?? '');
      const id = [ATTACHMENTS.photo.id, ATTACHMENTS.scan.id][i] ?? '';
      expect(url.pathname).toBe(`/files/${id}`);
      const [exp, sig] = [url.searchParams.get('exp') ?? '', url.searchParams.get('sig') ?? ''];
      expect(verifyAttachmentSignature(SECRET, id, exp, sig, h.clock.now())).toBe('ok');
      expect(verifyAttachmentSignature(SECRET, id, exp, sig, h.clock.now() + 15 * DAY)).toBe('expired');
      expect(e.expiresAt).toBe(new Date(h.clock.now() + 14 * DAY).toISOString());
    }
    expect(r.history.map((e) => e.type)).toContain('filed');
    expect(r.missedDeadlines).toEqual([]);
  });

  it('carries the reporter exactly as Ombudsman’s copy does, and says why it is withheld', async () => {
    const reporter = async (name: string) =>
      (await report(await call('admin', 'GET', `/v1/tickets/${filed[name]}/ombudsman.json`))).reporter;
    // Given for Ombudsman: the name and NIK, never the phone.
    expect(await reporter('diberikan')).toEqual({
      identityMode: 'rahasia',
      identity: 'given',
      withheldWhy: null,
      name: RAHASIA.name,
      nik: RAHASIA.nik,
      phone: null,
    });
    const none = { name: null, nik: null, phone: null, identity: 'withheld' };
    expect(await reporter('ditolak')).toEqual({ identityMode: 'rahasia', withheldWhy: 'refused', ...none });
    expect(await reporter('rahasia')).toEqual({ identityMode: 'rahasia', withheldWhy: 'not_asked', ...none });
    expect(await reporter('anonim')).toEqual({ identityMode: 'anonim', withheldWhy: 'anonim', ...none });
    // An identity the admin may see on the page still stays out when the copy's rule leaves it out.
    const json = await (await call('admin', 'GET', `/v1/tickets/${filed.ditolak}/ombudsman.json`)).text();
    for (const v of Object.values(RAHASIA)) expect(json).not.toContain(v);
    // The story as every agency reads a rahasia ticket: a phone number typed in it masked, even with the name given.
    const given = await report(await call('admin', 'GET', `/v1/tickets/${filed.diberikan}/ombudsman.json`));
    expect(given.story).toBe('Petugas puskesmas meminta uang. Hubungi saya [nomor disamarkan].');
  });

  it('writes the PDF with every field, and no identity at all for an anonim reporter', async () => {
    const text = await pdfText(await page('ombudsman', `/petugas/tiket/${filed.biasa}/ombudsman.pdf`));
    for (const expected of [
      `Laporan untuk Ombudsman RI: ${filed.biasa}`,
      '1. Identitas pelapor',
      `Nama: ${IDENTITY.name}`,
      `NIK: ${IDENTITY.nik}`,
      `Telepon: ${IDENTITY.phone}`,
      '2. Terlapor',
      'Disebut pelapor: Puskesmas Gambut',
      'Waktu kejadian: 2 November 2026',
      'Jl. A. Yani km 14',
      'Dugaan maladministrasi: penundaan berlarut',
      '4. Kronologi',
      complaint().story,
      'Hasilnya: tidak ada tanggapan',
      complaint().expectation,
      '7. Bukti',
      `${BASE}/files/${ATTACHMENTS.photo.id}?exp=`,
      '8. Riwayat tiket',
      'diajukan oleh pelapor',
      'Tidak ada batas waktu yang terlewati.',
    ])
      expect(text).toContain(expected);
    const anonim = await pdfText(await call('admin', 'GET', `/v1/tickets/${filed.anonim}/ombudsman.pdf`));
    expect(anonim).toContain('Identitas tidak ada: pelapor memilih anonim');
    expect(anonim).toContain('5. Pengaduan kepada instansi sebelumnya Sudah mengadu sebelumnya: belum');
    for (const v of [...Object.values(IDENTITY), ...Object.values(RAHASIA), 'Nama:', 'NIK:', 'Telepon:'])
      expect(anonim).not.toContain(v);
    const refused = await pdfText(await call('admin', 'GET', `/v1/tickets/${filed.ditolak}/ombudsman.pdf`));
    expect(refused).toContain('tidak bersedia identitasnya diberikan kepada Ombudsman');
    expect(refused).not.toContain(RAHASIA.name);
    const given = await pdfText(await call('admin', 'GET', `/v1/tickets/${filed.diberikan}/ombudsman.pdf`));
    expect(given).toContain(`Nama: ${RAHASIA.name}`);
    expect(given).toContain('khusus untuk Ombudsman');
    expect(given).not.toContain(RAHASIA.phone);
    const english = await app.request(`/api/v1/tickets/${filed.biasa}/ombudsman.pdf`, {
      headers: { authorization: `Bearer ${tokens.admin}`, 'accept-language': 'en' },
    });
    expect(await pdfText(english)).toContain(`Report for Ombudsman RI: ${filed.biasa}`);
  });

  it('lists the history with the officers’ names and the deadlines missed', async () => {
    // Eight days later the agency verifies (the verification stage was due in 3 working days)…
    h.clock.advance(8 * DAY);
    const verified = await call('dinkes', 'POST', `/v1/tickets/${filed.biasa}/status`, {
      status: 'diverifikasi',
    });
    expect(verified.status).toBe(200);
    // …and answers the citizen after the answer stage's date too.
    h.clock.advance(10 * DAY);
    const replied = await call('dinkes', 'POST', `/v1/tickets/${filed.biasa}/replies`, {
      text: 'Kami cek ke puskesmas.',
    });
    expect(replied.status).toBe(201);
    const r = await report(await call('admin', 'GET', `/v1/tickets/${filed.biasa}/ombudsman.json`));
    expect(r.history.find((e) => e.type === 'status_changed')).toMatchObject({
      actor: 'officer',
      officer: 'dinkes',
      from: 'baru',
      to: 'diverifikasi',
    });
    expect(r.history.find((e) => e.type === 'replied')).toMatchObject({
      officer: 'dinkes',
      message: 'Kami cek ke puskesmas.',
    });
    expect(r.missedDeadlines.map((m) => [m.stage, m.outcome, m.on])).toEqual([
      ['verify', 'late', '2026-12-01'],
      ['answer', 'late', '2026-12-11'],
    ]);
    expect(r.missedDeadlines[0]?.dueOn).toBe('2026-11-26');
    // A ticket nobody verified: its stage still runs, unmet.
    const waiting = await report(await call('admin', 'GET', `/v1/tickets/${filed.rahasia}/ombudsman.json`));
    expect(waiting.missedDeadlines.map((m) => [m.stage, m.outcome, m.on])).toEqual([
      ['verify', 'running', null],
    ]);
    const text = await pdfText(await call('admin', 'GET', `/v1/tickets/${filed.biasa}/ombudsman.pdf`));
    expect(text).toContain('dinkes: petugas menulis kepada pelapor');
    expect(text).toContain('“Kami cek ke puskesmas.”');
    expect(text).toContain('Verifikasi');
    expect(text).toContain('batas 26 November 2026, dipenuhi terlambat pada 1 Desember 2026');
    const running = await pdfText(await call('admin', 'GET', `/v1/tickets/${filed.rahasia}/ombudsman.pdf`));
    expect(running).toContain('sampai kini belum dipenuhi');
  });

  it('records each export with the account, the ticket, the format and the identity; refusals record none', async () => {
    await call('dinkes', 'GET', `/v1/tickets/${filed.biasa}/ombudsman.json`);
    await call('pupr', 'GET', `/v1/tickets/${filed.biasa}/ombudsman.pdf`);
    await (await page('korbanjar', `/petugas/tiket/${filed.biasa}/ombudsman.pdf`)).arrayBuffer();
    await (await call('admin', 'GET', `/v1/tickets/${filed.anonim}/ombudsman.json`)).json();
    const rows = h.core.store.auditLog
      .page({ type: 'officer.exported_ombudsman' }, 10)
      .map((e) => [e.username, e.ticketNumber, JSON.parse(e.data ?? 'null')]);
    expect(rows).toEqual([
      ['admin', filed.anonim, { format: 'json', via: 'api', identity: 'withheld' }],
      ['korbanjar', filed.biasa, { format: 'pdf', via: 'page', identity: 'given' }],
    ]);
  });

  it('is in the OpenAPI document with its schema and every answer', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const Op = z.object({
      responses: z.record(z.string(), z.object({ content: z.record(z.string(), z.unknown()).optional() })),
    });
    const pdf = Op.parse(doc.paths['/v1/tickets/{number}/ombudsman.pdf'].get);
    const json = Op.parse(doc.paths['/v1/tickets/{number}/ombudsman.json'].get);
    expect(Object.keys(pdf.responses).sort()).toEqual(['200', '401', '403', '404']);
    expect(Object.keys(pdf.responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(JSON.stringify(json.responses['200']?.content)).toContain('#/components/schemas/OmbudsmanReport');
    expect(doc.components.schemas.OmbudsmanReport.properties.reporter).toBeDefined();
  });
});
