// The Open311 GeoReport v2 server through app.request: the spec's JSON and XML example shapes (XML read back with a
// parser), the api_key of an integration account required (none, a wrong one, an officer's token, another agency's),
// identity never in GET, POST filing a ticket routed, clocked, forwarded and in the inbox like a chat's, and the
// spec's errors for bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import type { createApp } from '../../src/http/app.js';
import { userCommand } from '../../src/officers/user-command.js';
import { IDENTITY } from '../forwarding/ticket-fixture.js';
import { PUPR, assignmentFixture, fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { integrationKey, open311Client, parseXml, shape, specExample } from '../helpers/open311-client.js';

const DINKES = '6303-dinkes';
/** Banjarmasin's centre: a pin the shipped centroids place in Kota Banjarmasin (63.71). */
const BANJARMASIN = { lat: '-3.3186', long: '114.5944' };
const REPORTER = {
  first_name: 'Rina',
  last_name: 'Marlina',
  email: 'rina.marlina@example.id',
  phone: '0812 7777 3131',
};
/** The identities of the fixture, every way GET could leak them. */
const SECRETS = [
  IDENTITY.name,
  IDENTITY.nik,
  IDENTITY.phone,
  '081234567890',
  'Rina',
  'Marlina',
  REPORTER.email,
  '+6281277773131',
  '0812 7777 3131',
];

describe('Open311 GeoReport v2 server', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let road = '';
  let secret = '';
  let health = '';
  const keys = { pupr: '', dinkes: '', admin: '', korbjm: '', budi: '' };
  const { get, post } = open311Client(() => app);
  const json = async (res: Response) => JSON.parse(await res.text());

  beforeEach(() => {
    h = new Harness();
    const f = assignmentFixture(h);
    road = f.road;
    health = f.health;
    const rahasia: Partial<Complaint> = {
      category: 'infrastruktur',
      kabkotaCode: '63.71',
      kecamatanCode: null,
      identityMode: 'rahasia',
      story: `Lampu jalan mati di Jl. Kuripan. Saya ${IDENTITY.name}, hubungi ${IDENTITY.phone}.`,
    };
    secret = fileTicket(h, 'warga-rahasia', rahasia);
    keys.pupr = integrationKey(h, 'sistem-pupr', [PUPR]);
    keys.dinkes = integrationKey(h, 'sistem-dinkes', [DINKES]);
    const deps = { store: h.core.store, directory: h.core.directory, readPassword: () => null, now: 0 };
    for (const who of ['admin', 'korbjm', 'budi'] as const)
      keys[who] = userCommand({ command: 'token', username: who, agencies: [] }, deps).lines.at(-1) ?? '';
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('lists the services and a definition in the shape of the spec’s examples, JSON and XML', async () => {
    const list = await json(await get('/services.json', keys.pupr));
    expect(list).toHaveLength(19);
    expect(list.map((s: { service_code: string }) => s.service_code)).toContain('infrastruktur');
    for (const s of list) expect(shape(s)).toEqual(shape(JSON.parse(specExample('services.json'))[0]));
    const xml = await get('/services.xml', keys.pupr);
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const text = await xml.text();
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(shape(parseXml(text))).toEqual(shape(parseXml(specExample('services.xml'))));
    const definition = await json(await get('/services/infrastruktur.json', keys.pupr));
    expect(shape(definition)).toEqual(shape(JSON.parse(specExample('service-definition.json'))));
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(['kabkota', 'identitas']);
    const definitionXml = await (await get('/services/infrastruktur.xml', keys.pupr)).text();
    expect(shape(parseXml(definitionXml))).toEqual(shape(parseXml(specExample('service-definition.xml'))));
    const unknown = await get('/services/jalan_tol.xml', keys.pupr);
    expect(unknown.status).toBe(404);
    expect(shape(parseXml(await unknown.text()))).toEqual(shape(parseXml(specExample('errors.xml'))));
  });

  it('needs an integration account’s api_key: none, a wrong one or an officer’s token get the spec’s 403', async () => {
    for (const key of [null, 'aduan_not-a-key-at-all-000000000000', keys.admin, keys.korbjm, keys.budi]) {
      const res = await get('/requests.json', key ?? null);
      expect(res.status, String(key)).toBe(403);
      const body = await json(res);
      expect(shape(body)).toEqual(shape(JSON.parse(specExample('errors.json'))));
      expect(body[0].code).toBe(403);
    }
    const xml = await get('/services.xml', null);
    expect(xml.status).toBe(403);
    expect(shape(parseXml(await xml.text()))).toEqual(shape(parseXml(specExample('errors.xml'))));
    const posted = await post('/requests.json', null, {
      service_code: 'infrastruktur',
      description: 'x',
      ...BANJARMASIN,
    });
    expect(posted.status).toBe(403);
    // The key is not a bearer token of the JSON API, and the account never signs in.
    const api = await app.request('/api/v1/tickets', { headers: { authorization: `Bearer ${keys.pupr}` } });
    expect(api.status).toBe(401);
  });

  it('answers GET requests within the key’s agencies, in the spec’s shape; another agency’s ticket is a 404', async () => {
    const list = await json(await get('/requests.json', keys.pupr));
    const numbers = list.map((r: { service_request_id: string }) => r.service_request_id);
    expect(numbers).toEqual(expect.arrayContaining([road, secret]));
    expect(numbers).not.toContain(health);
    for (const r of list)
      expect(shape(r)).toEqual(shape(JSON.parse(specExample('service-requests.json'))[0]));
    const xml = await (await get('/requests.xml', keys.pupr)).text();
    expect(shape(parseXml(xml))).toEqual(shape(parseXml(specExample('service-requests.xml'))));
    const one = (await json(await get(`/requests/${road}.json`, keys.pupr)))[0];
    expect(one).toMatchObject({
      service_request_id: road,
      status: 'open',
      service_code: 'infrastruktur',
      agency_responsible: expect.stringContaining('Banjarmasin'),
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      expected_datetime: expect.stringMatching(/T23:59:59\+08:00$/),
      media_url: null,
    });
    expect((await get(`/requests/${road}.json`, keys.dinkes)).status).toBe(404);
    expect((await get(`/requests/${health}.xml`, keys.pupr)).status).toBe(404);
    expect((await get('/requests/ADU-0000-ZZZZ.json', keys.pupr)).status).toBe(404);
  });

  it('filters GET requests by the spec’s arguments: ids, service_code, status, dates (at most 90 days)', async () => {
    const ids = await json(await get('/requests.json', keys.pupr, `service_request_id=${road},${health}`));
    expect(ids.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([road]);
    const closed = await json(await get('/requests.json', keys.pupr, 'status=closed'));
    expect(closed).toEqual([]);
    const health311 = await json(
      await get('/requests.json', keys.dinkes, 'service_code=kesehatan,infrastruktur'),
    );
    expect(health311.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([health]);
    const before = await json(await get('/requests.json', keys.pupr, 'end_date=2026-01-01T00:00:00Z'));
    expect(before).toEqual([]);
    const tooLong = await get(
      '/requests.json',
      keys.pupr,
      'start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z',
    );
    expect(tooLong.status).toBe(400);
    expect((await get('/requests.json', keys.pupr, 'status=pending')).status).toBe(400);
    expect((await get('/requests.json', keys.pupr, 'start_date=kemarin')).status).toBe(400);
  });

  it('never answers a name, NIK, phone or e-mail in GET: stories and officers’ words come masked', async () => {
    const filed = await json(
      await post('/requests.json', keys.pupr, {
        service_code: 'infrastruktur',
        description: 'Trotoar di depan pasar ambruk.',
        ...BANJARMASIN,
        ...REPORTER,
      }),
    );
    const mine = filed[0].service_request_id;
    const budi = h.core.store.officers.find('budi');
    if (!budi) throw new Error('no budi');
    const said = `Bu ${IDENTITY.name}, kami hubungi di 081234567890 besok.`;
    expect(h.core.actions.write(budi, road, 'reply', said).ok).toBe(true);
    for (const key of [keys.pupr, keys.dinkes])
      for (const path of [
        '/requests.json',
        '/requests.xml',
        `/requests/${road}.json`,
        `/requests/${mine}.xml`,
      ]) {
        const text = await (await get(path, key)).text();
        for (const s of SECRETS) expect(text, `${path}: ${s}`).not.toContain(s);
      }
    const masked = (await json(await get(`/requests/${secret}.json`, keys.pupr)))[0];
    expect(masked.description).toContain('Lampu jalan mati di Jl. Kuripan.');
    const open = (await json(await get(`/requests/${road}.json`, keys.pupr)))[0];
    expect(open.description).toContain('Jalan berlubang');
  });

  it('files a POSTed request as a ticket routed, clocked and in the agency’s inbox like a chat’s', async () => {
    const res = await post(
      '/requests.json',
      keys.dinkes,
      {
        service_code: 'infrastruktur',
        description: 'Jembatan kayu di Sungai Andai patah.',
        ...BANJARMASIN,
        ...REPORTER,
      },
      { 'Accept-Language': 'en' },
    );
    expect(res.status).toBe(201);
    const answer = await json(res);
    expect(shape(answer)).toEqual(shape(JSON.parse(specExample('post-response.json'))));
    const number: string = answer[0].service_request_id;
    expect(number).toMatch(/^ADU-\d{4}-[A-Z0-9]{4}$/);
    expect(answer[0].service_notice).toContain('Forwarded to');
    const row = h.core.store.ticketInbox
      .inbox({ kind: 'agencies', agencyIds: [PUPR] })
      .find((r) => r.number === number);
    expect(row?.status).toBe('baru');
    const ticket = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    expect(ticket?.conversationId).toBeNull();
    expect(ticket?.complaint).toMatchObject({
      channel: 'open311',
      identityMode: 'rahasia',
      name: 'Rina Marlina',
      phone: '+6281277773131',
      expectation: '',
      priorReport: { done: false, result: null },
      consent: { version: 'open311-client-terms' },
      lang: 'en',
    });
    const events = h.core.store.ticketEvents.forTicket(ticket?.id ?? 0);
    expect(events.map((e) => e.type)).toEqual(['filed', 'consent_by_client', 'routed']);
    expect(events[1]?.data).toEqual({ account: 'sistem-dinkes' });
    expect(h.core.store.ticketDeadlines.current(ticket?.id ?? 0)?.stage).toBe('verify');
    // The filing client follows its request, though it went to another agency; that agency's key reads it too.
    expect((await get(`/requests/${number}.json`, keys.dinkes)).status).toBe(200);
    expect((await get(`/requests/${number}.json`, keys.pupr)).status).toBe(200);
    const xml = await post('/requests.xml', keys.pupr, {
      service_code: 'lingkungan',
      description: 'Sampah menumpuk di TPS Kelayan.',
      address_string: 'Jl. Kelayan A, Banjarmasin Selatan, Banjarmasin',
    });
    expect(xml.status).toBe(201);
    expect(shape(parseXml(await xml.text()))).toEqual(shape(parseXml(specExample('post-response.xml'))));
  });

  it('files one ticket for a repeated Idempotency-Key, and an anonim one when no identity is given', async () => {
    const fields = {
      service_code: 'infrastruktur',
      description: 'Got tersumbat di Jl. Pramuka.',
      ...BANJARMASIN,
    };
    const first = await json(await post('/requests.json', keys.pupr, fields, { 'Idempotency-Key': 'k-1' }));
    const again = await json(await post('/requests.json', keys.pupr, fields, { 'Idempotency-Key': 'k-1' }));
    expect(again[0].service_request_id).toBe(first[0].service_request_id);
    const ticket = h.core.store.ticketInbox.forOfficer(first[0].service_request_id, { kind: 'all' });
    expect(ticket?.complaint.identityMode).toBe('anonim');
    const chosen = await json(
      await post('/requests.json', keys.pupr, { ...fields, ...REPORTER, 'attribute[identitas]': 'anonim' }),
    );
    const anonim = h.core.store.ticketInbox.forOfficer(chosen[0].service_request_id, { kind: 'all' });
    expect(anonim?.complaint).toMatchObject({ identityMode: 'anonim', name: null, phone: null });
  });

  it('refuses bad input with the spec’s errors and files nothing', async () => {
    const before = h.core.store.ticketInbox.inbox({ kind: 'all' }).length;
    const base = { service_code: 'infrastruktur', description: 'Jalan rusak.', ...BANJARMASIN };
    const cases: [Record<string, string>, number, string][] = [
      [{ ...base, service_code: '' }, 400, 'service_code'],
      [{ ...base, service_code: 'jalan_tol' }, 404, 'jalan_tol'],
      [{ ...base, description: 'a'.repeat(10_000) }, 400, '4000'],
      [{ ...base, description: 'Jalan <b>rusak</b> <script>alert(1)</script>' }, 400, 'HTML'],
      [{ service_code: 'infrastruktur', description: 'Jalan rusak.' }, 400, 'lat'],
      [{ ...base, lat: '1.29', long: '103.85' }, 400, 'Kalimantan Selatan'],
      [{ ...base, lat: 'utara' }, 400, 'lat'],
      [{ ...base, email: 'bukan-email' }, 400, 'email'],
      [{ ...base, phone: '12' }, 400, 'phone'],
      [
        { ...base, 'attribute[kabkota]': '99.99', lat: '', long: '', address_string: 'dekat pasar' },
        400,
        'kabkota',
      ],
    ];
    for (const [fields, status, word] of cases) {
      const res = await post('/requests.json', keys.pupr, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      const body = await json(res);
      expect(shape(body)).toEqual(shape(JSON.parse(specExample('errors.json'))));
      expect(body[0].description).toContain(word);
    }
    const xml = await post('/requests.xml', keys.pupr, { ...base, service_code: '' });
    expect(xml.status).toBe(400);
    expect(shape(parseXml(await xml.text()))).toEqual(shape(parseXml(specExample('errors.xml'))));
    const json311 = await app.request('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: keys.pupr, ...base }),
    });
    expect(json311.status).toBe(400);
    expect(h.core.store.ticketInbox.inbox({ kind: 'all' })).toHaveLength(before);
  });

  it('access matrix: only an integration account’s key, within its agencies; other paths are the spec’s 404', async () => {
    const callers: [string, string | null, number, number][] = [
      ['admin token', keys.admin, 403, 403],
      ['supervisor token', keys.korbjm, 403, 403],
      ['officer of the agency', keys.budi, 403, 403],
      ['integration of the agency', keys.pupr, 200, 200],
      ['integration of another agency', keys.dinkes, 200, 404],
      ['no key (signed out)', null, 403, 403],
    ];
    for (const [who, key, list, one] of callers) {
      expect((await get('/requests.json', key)).status, who).toBe(list);
      expect((await get(`/requests/${road}.json`, key)).status, who).toBe(one);
    }
    expect((await get('/tokens/1.json', keys.pupr)).status).toBe(404);
    expect((await get('/services.csv', keys.pupr)).status).toBe(404);
  });
});
