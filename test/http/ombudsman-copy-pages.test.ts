// Ombudsman's copy (tembusan) of a ticket the ladder escalated, through app.request, per account (admin, the watching
// coordinator, the agency's officer, another agency's officer, Ombudsman's officer and supervisor, signed out): found
// in Ombudsman's inbox, page, API, CSV, statistics and files; read-only ("Tembusan — hanya baca sampai diambil
// alih") until its officer takes it over, then acted on; and the reporter exactly as the copy carried them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../src/domain/officer.js';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import {
  type AssignmentFixture,
  PASSWORD,
  ROAD,
  assignmentFixture,
  fileTicket,
} from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import {
  LADDER,
  OMBUDSMAN,
  endOpenStages,
  ombudsmanByMail,
  openStage,
  sweepOn,
} from '../helpers/ladder-fixture.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const READ_ONLY = 'Tembusan — hanya baca sampai diambil alih.';
const NIK = '6371045708900001';

describe('Ombudsman’s copy of a ticket, for Ombudsman’s accounts', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let ombud: Officer;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const tokens: Record<string, string> = {};
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const page = async (jar: Jar, number: string) => client.get(jar, `/petugas/tiket/${number}`);
  const post = async (jar: Jar, path: string, form: Record<string, string> = {}) => {
    const csrf = csrfIn(await (await client.get(jar, '/petugas')).text());
    return client.post(jar, path, { csrf, ...form });
  };
  const call = (who: string | null, method: string, path: string, body?: unknown) =>
    apiCaller(() => app, tokens)(who, method, path, body);
  const ticketOf = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
  const account = (username: string, role: 'officer' | 'supervisor') => {
    const id = h.core.store.officers.add(
      { username, name: null, role, passwordHash: hashPassword(PASSWORD), agencies: [OMBUDSMAN] },
      h.clock.now(),
    );
    const o = h.core.store.officers.get(id);
    if (!o) throw new Error('no account');
    return o;
  };
  /** The tickets' verification missed and climbed to Ombudsman's step (the road's reporter's name and NIK known). */
  const climb = (...numbers: string[]) => {
    for (const number of numbers) openStage(h, number);
    for (const date of [LADDER.reminder, LADDER.coordinator, LADDER.ombudsman]) sweepOn(h, date);
  };

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    ombud = account('ombud', 'officer');
    account('ombudspv', 'supervisor');
    ombudsmanByMail(h, f.admin.id);
    endOpenStages(h);
    app = officerApp(h);
    client = pageClient(app);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain', 'ombud', 'ombudspv'], tokens);
  });
  afterEach(() => h.close());

  it('is out of Ombudsman’s officer’s scope before the copy, and in its inbox, page and API after it', async () => {
    expect((await page(await as('ombud'), f.road)).status).toBe(404);
    expect((await call('ombud', 'GET', `/v1/tickets/${f.road}`)).status).toBe(404);
    climb(f.road);
    expect(h.core.store.ticketCopies.agencies(ticketOf(f.road)?.id ?? -1)).toEqual([OMBUDSMAN]);
    const cases: [string | null, number, string | null][] = [
      ['admin', 200, null],
      ['korbjm', 200, 'Anda dapat melihat tiket ini, tetapi tidak mengubahnya.'],
      ['budi', 200, null],
      ['lain', 404, null],
      ['ombud', 200, READ_ONLY],
      ['ombudspv', 200, READ_ONLY],
    ];
    for (const [who, code, note] of cases) {
      const jar = await as(who);
      const res = await page(jar, f.road);
      expect(res.status, String(who)).toBe(code);
      const html = await res.text();
      expect(html.includes(READ_ONLY), String(who)).toBe(note === READ_ONLY);
      if (note) expect(html, String(who)).toContain(note);
      // Whoever reads it only may take it over (an officer only through its agency's copy).
      expect(html.includes(`/petugas/tiket/${f.road}/ambil-alih`), String(who)).toBe(note !== null);
      const inbox = await (await client.get(jar, '/petugas')).text();
      expect(inbox.includes(f.road), String(who)).toBe(code === 200);
      const api = await call(who, 'GET', `/v1/tickets/${f.road}`);
      expect(api.status, String(who)).toBe(code);
      const list = (await (await call(who, 'GET', '/v1/tickets')).json()) as { items: { number: string }[] };
      expect(
        list.items.some((i) => i.number === f.road),
        String(who),
      ).toBe(code === 200);
    }
    expect((await page(await as(null), f.road)).status).toBe(303);
    expect((await call(null, 'GET', `/v1/tickets/${f.road}`)).status).toBe(401);
    // Only the copied ticket: Ombudsman's officer does not see PUPR's other tickets.
    expect((await page(await as('ombud'), f.drain)).status).toBe(404);
    const csv = await (await call('ombud', 'GET', '/v1/tickets.csv')).text();
    expect(csv).toContain(f.road);
    expect(csv).not.toContain(f.drain);
    const search = (await (await call('ombud', 'GET', '/v1/tickets?q=berlubang')).json()) as {
      items: { number: string }[];
    };
    expect(search.items.map((i) => i.number)).toEqual([f.road]);
    expect(await (await call('lain', 'GET', '/v1/tickets.csv')).text()).not.toContain(f.road);
  });

  it('serves the copied ticket’s files to Ombudsman’s officer, and not to another agency’s', async () => {
    climb(f.road);
    const ticket = ticketOf(f.road);
    if (!ticket || ticket.conversationId === null) throw new Error('no ticket');
    const stored = h.core.files.put(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
    const file = { id: 'foto-1', kind: 'photo', mime: 'image/jpeg', filename: 'lubang.jpg', ...stored };
    h.core.store.attachments.add(file, ticket.conversationId, h.clock.now());
    h.core.store.attachments.linkToTicket([file.id], ticket.id, ticket.conversationId);
    const path = `/petugas/tiket/${f.road}/lampiran/${file.id}`;
    for (const [who, code] of [
      ['ombud', 200],
      ['budi', 200],
      ['lain', 404],
    ] as const)
      expect((await client.get(await as(who), path)).status, who).toBe(code);
  });

  it('counts the copied ticket in Ombudsman’s officer’s statistics, once', async () => {
    climb(f.road);
    h.core.statistics.refresh();
    const total = async (who: string) =>
      ((await (await call(who, 'GET', '/v1/statistics')).json()) as { total: number; escalated: number })
        .total;
    expect(await total('ombud')).toBe(1);
    expect(await total('lain')).toBe(1);
    expect(await total('budi')).toBe(2);
    expect(await total('admin')).toBe(3);
    const body = (await (await call('ombud', 'GET', '/v1/statistics')).json()) as {
      byAgency: { key: string; n: number }[];
      escalated: number;
    };
    expect(body.byAgency).toEqual([{ key: '6371-pupr', n: 1 }]);
    expect(body.escalated).toBe(1);
    const month = (await (await call('ombud', 'GET', '/v1/statistics/monthly?month=2026-11')).json()) as {
      total: { received: number };
    };
    expect(month.total.received).toBe(1);
  });

  it('refuses every change to Ombudsman’s officer until it takes the copy over; then it acts', async () => {
    climb(f.road);
    const jar = await as('ombud');
    const base = `/petugas/tiket/${f.road}`;
    const refusals: [string, Record<string, string>, string][] = [
      ['status', { status: 'diverifikasi' }, 'read_only'],
      ['balas', { text: 'Kami pantau.' }, 'read_only'],
      ['tugaskan', { officer: String(f.budi.id) }, 'read_only'],
      ['cek-lapangan', { days: '10', reason: 'Cek ke lokasi' }, 'read_only'],
      ['gabungkan', { into: f.drain }, 'read_only'],
      ['alihkan', { agency: '6371-dishub', reason: 'Urusan Dishub' }, 'read_only'],
    ];
    for (const [action, form, problem] of refusals) {
      const res = await post(jar, `${base}/${action}`, form);
      expect(res.status, action).toBe(303);
      expect(res.headers.get('location'), action).toContain(`?done=${problem}`);
    }
    // Another agency's officer: 404 for every one of them, and for the take-over.
    const other = await as('lain');
    for (const [action, form] of [...refusals, ['ambil-alih', {}] as const])
      expect((await post(other, `${base}/${action}`, { ...form })).status, action).toBe(404);
    const api: [string, unknown][] = [
      ['status', { status: 'diverifikasi' }],
      ['replies', { text: 'Kami pantau.' }],
      ['assign', { officerId: f.budi.id }],
      ['field-check', { days: 10, reason: 'Cek ke lokasi' }],
      ['merge', { into: f.drain }],
    ];
    for (const [action, body] of api) {
      expect((await call('ombud', 'POST', `/v1/tickets/${f.road}/${action}`, body)).status, action).toBe(409);
      expect((await call('lain', 'POST', `/v1/tickets/${f.road}/${action}`, body)).status, action).toBe(404);
    }
    expect(ticketOf(f.road)?.status).toBe('baru');
    // An internal note stays open to whoever reads the ticket, as for a watching supervisor.
    expect(
      (await post(jar, `${base}/catatan`, { text: 'Dipantau Ombudsman.' })).headers.get('location'),
    ).toContain('done=noted');

    // The take-over: PUPR's own officer has nothing to take over; Ombudsman's officer takes it, once.
    expect((await call('budi', 'POST', `/v1/tickets/${f.road}/takeover`)).status).toBe(409);
    const taken = await post(jar, `${base}/ambil-alih`);
    expect(taken.headers.get('location')).toBe(`${base}?done=taken_over`);
    expect((await call('ombud', 'POST', `/v1/tickets/${f.road}/takeover`)).status).toBe(409);
    const after = await (await page(jar, f.road)).text();
    expect(after).not.toContain(READ_ONLY);
    expect(after).toContain(`action="${base}/status"`);
    const moved = await post(jar, `${base}/status`, {
      status: 'diverifikasi',
      message: 'Ombudsman menangani.',
    });
    expect(moved.headers.get('location')).toBe(`${base}?done=ok`);
    expect(ticketOf(f.road)?.status).toBe('diverifikasi');
    expect(
      (await call('ombud', 'POST', `/v1/tickets/${f.road}/replies`, { text: 'Kami tindak lanjuti.' })).status,
    ).toBe(201);
    expect(h.core.store.outbox.latest('telegram', 'warga-jalan', 1)[0]?.message.text).toContain(
      'Kami tindak lanjuti.',
    );
    // Through the API too: Ombudsman's supervisor takes it over as any supervisor does.
    expect((await call('ombudspv', 'POST', `/v1/tickets/${f.road}/takeover`)).status).toBe(200);
    expect(ombud.role).toBe('officer');
  });

  it('shows Ombudsman’s officer the reporter exactly as the copy carried them', async () => {
    // A road ticket without a NIK: its reporter is asked at Ombudsman's step and gives the NIK; the ticket becomes
    // rahasia, and Ombudsman's copy carries the name and NIK (never the phone).
    const asked = fileTicket(h, 'warga-tanya', {
      ...ROAD,
      story: 'Jembatan kayu di Jl. Sutoyo patah.',
      nik: null,
    });
    endOpenStages(h);
    climb(asked, f.road);
    h.say('warga-tanya', 'ya', 'telegram');
    h.say('warga-tanya', NIK, 'telegram');
    expect(ticketOf(asked)?.complaint.identityMode).toBe('rahasia');
    const masked = '6371**********01';
    const shows = async (who: string) => (await (await page(await as(who), asked)).text()) as string;
    const ombudPage = await shows('ombud');
    expect(ombudPage).toContain(`Siti Aminah · ${masked}`);
    expect(ombudPage).not.toContain('+6281234567890');
    expect(ombudPage).toContain(READ_ONLY);
    const agencyPage = await shows('budi');
    expect(agencyPage).not.toContain('Siti Aminah');
    expect(agencyPage).toContain('dirahasiakan');
    expect(await shows('ombudspv')).toContain('+6281234567890');
    type Detail = { reporter: { name: string | null; phone: string | null; nik: string | null } };
    const detail = async (who: string) =>
      ((await (await call(who, 'GET', `/v1/tickets/${asked}`)).json()) as Detail).reporter;
    expect(await detail('ombud')).toMatchObject({ name: 'Siti Aminah', phone: null, nik: masked });
    expect(await detail('budi')).toMatchObject({ name: null, phone: null, nik: null });
    const csv = (await (await call('ombud', 'GET', '/v1/tickets.csv')).text()).split('\n');
    const row = csv.find((l) => l.startsWith(asked)) ?? '';
    expect(row).toContain('Siti Aminah');
    expect(row).toContain(masked);
    expect(row).not.toContain('+6281234567890');
    const agencyCsv = await (await call('budi', 'GET', '/v1/tickets.csv')).text();
    expect(agencyCsv.split('\n').find((l) => l.startsWith(asked))).not.toContain('Siti Aminah');

    // A biasa reporter with a NIK (the road ticket): the copy carried the name, phone and NIK; Ombudsman reads them.
    const road = await (await page(await as('ombud'), f.road)).text();
    expect(road).toContain('Siti Aminah · +6281234567890 · 6303**********01');
  });
});
