// The ladder on the officers' side through app.request: the ticket page's card ("Diingatkan …", "Koordinator …
// mengawasi sejak …", "Tembusan ke Ombudsman …") and the API's `ladder`, per account; and the watching coordinator's
// right to reassign (dialihkan) without taking the ticket over, its form and POST, per account, while everything else
// stays read-only for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { LADDER, endOpenStages, ombudsmanByMail, openStage, sweepOn } from '../helpers/ladder-fixture.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

describe('the ladder on the officers’ pages and API', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const tokens: Record<string, string> = {};
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const page = async (jar: Jar, number: string) => client.get(jar, `/petugas/tiket/${number}`);
  const reassign = async (jar: Jar, number: string) => {
    const html = await (await client.get(jar, '/petugas')).text();
    return client.post(jar, `/petugas/tiket/${number}/alihkan`, {
      agency: '6371-dishub',
      reason: 'Rambu lalu lintas urusan Dishub',
      csrf: csrfIn(html),
    });
  };
  const agencyOf = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.agencyId;

  /** The fixture, with the road ticket's stage missed: reminded, then watched by Banjarmasin's coordinator. */
  const setUp = () => {
    h = new Harness();
    f = assignmentFixture(h);
    h.core.store.officers.add(
      {
        username: 'korbjb',
        name: null,
        role: 'supervisor',
        passwordHash: hashPassword(PASSWORD),
        agencies: ['6372-koordinator'],
      },
      h.clock.now(),
    );
    ombudsmanByMail(h, f.admin.id);
    endOpenStages(h);
    openStage(h, f.road);
    sweepOn(h, LADDER.reminder);
    sweepOn(h, LADDER.coordinator);
    app = officerApp(h);
    client = pageClient(app);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain'], tokens);
  };
  beforeEach(setUp);
  afterEach(() => h.close());

  it('shows the steps taken to whoever sees the ticket, and lists them in the API', async () => {
    const cases: [string | null, number][] = [
      ['admin', 200],
      ['korbjm', 200],
      ['budi', 200],
      ['lain', 404],
    ];
    for (const [who, status] of cases) {
      const res = await page(await as(who), f.road);
      expect(res.status, String(who)).toBe(status);
      const html = await res.text();
      expect(html.includes('Tangga eskalasi'), String(who)).toBe(status === 200);
      if (status !== 200) continue;
      expect(html).toContain(
        'Diingatkan 26 November 2026: Dinas PUPR Kota Banjarmasin, batas verifikasi terlewati',
      );
      expect(html).toContain('Koordinator Admin LAPOR! Pemkot Banjarmasin mengawasi sejak 30 November 2026');
    }
    expect((await page(await as(null), f.road)).status).toBe(303);
    // Not a step yet on the other ticket: no card.
    expect(await (await page(await as('admin'), f.drain)).text()).not.toContain('Tangga eskalasi');

    sweepOn(h, LADDER.ombudsman);
    const html = await (await page(await as('admin'), f.road)).text();
    expect(html).toContain(
      'Tembusan ke Ombudsman RI Kalsel 7 Desember 2026 (batas waktu terlewati, dengan identitas pelapor)',
    );
    const english = await (await client.get(await as('budi'), `/petugas/tiket/${f.road}?lang=en`)).text();
    expect(english).toContain('Copy to Ombudsman RI Kalsel 7 December 2026 (deadline missed');

    const call = apiCaller(() => app, tokens);
    const res = await call('admin', 'GET', `/v1/tickets/${f.road}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ladder: unknown[] };
    expect(body.ladder).toEqual([
      expect.objectContaining({
        level: 'reminder',
        stage: 'verify',
        agency: { id: '6371-pupr', name: 'Dinas PUPR Kota Banjarmasin' },
      }),
      expect.objectContaining({
        level: 'coordinator',
        agency: { id: '6371-koordinator', name: 'Admin LAPOR! Pemkot Banjarmasin' },
      }),
      expect.objectContaining({ level: 'ombudsman', why: 'deadline', identity: 'given' }),
    ]);
    for (const who of ['korbjm', 'budi']) {
      const seen = (await (await call(who, 'GET', `/v1/tickets/${f.road}`)).json()) as { ladder: unknown[] };
      expect(seen.ladder, who).toHaveLength(3);
    }
    expect((await call('lain', 'GET', `/v1/tickets/${f.road}`)).status).toBe(404);
    expect((await call(null, 'GET', `/v1/tickets/${f.road}`)).status).toBe(401);
    const doc = await (await app.request('/api/openapi.json')).text();
    expect(doc).toContain('"LadderStep"');
  });

  it('lets the watching coordinator reassign: the form and the POST, per account', async () => {
    const cases: [string | null, string][] = [
      ['admin', 'reassigned'],
      ['korbjm', 'reassigned'],
      ['budi', 'reassigned'],
      ['lain', '404'],
      ['korbjb', '404'],
      [null, '401'],
    ];
    for (const [who, outcome] of cases) {
      // Each account on the watched ticket as the ladder left it.
      h.close();
      setUp();
      const jar = await as(who);
      if (outcome === 'reassigned') {
        const html = await (await page(jar, f.road)).text();
        expect(html, String(who)).toContain(`action="/petugas/tiket/${f.road}/alihkan"`);
      }
      const res = await reassign(jar, f.road);
      if (outcome === 'reassigned') {
        expect(res.headers.get('location'), String(who)).toBe(`/petugas/tiket/${f.road}?done=reassigned`);
        expect(agencyOf(f.road), String(who)).toBe('6371-dishub');
      } else {
        expect(res.status, String(who)).toBe(Number(outcome));
        expect(agencyOf(f.road), String(who)).toBe('6371-pupr');
      }
    }
  });

  it('keeps the watcher read-only for everything else, and a coordinator not watching cannot reassign', async () => {
    const coordinator = await as('korbjm');
    const html = await (await page(coordinator, f.road)).text();
    expect(html).toContain('Ambil alih');
    const status = await client.post(coordinator, `/petugas/tiket/${f.road}/status`, {
      status: 'diverifikasi',
      csrf: csrfIn(html),
    });
    expect(status.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=read_only`);
    // The drain ticket missed nothing: its coordinator only watches it as before, without the reassign form.
    const drain = await (await page(coordinator, f.drain)).text();
    expect(drain).not.toContain(`/petugas/tiket/${f.drain}/alihkan`);
    const res = await reassign(coordinator, f.drain);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.drain}?done=read_only`);
    expect(agencyOf(f.drain)).toBe('6371-pupr');
    // The API answers the same: 200 for the watcher on the watched ticket, 409 on the other.
    const call = apiCaller(() => app, tokens);
    const body = { agency: '6371-dishub', reason: 'Rambu lalu lintas urusan Dishub' };
    expect((await call('korbjm', 'POST', `/v1/tickets/${f.drain}/reassign`, body)).status).toBe(409);
    expect((await call('korbjm', 'POST', `/v1/tickets/${f.road}/reassign`, body)).status).toBe(200);
    expect(agencyOf(f.road)).toBe('6371-dishub');
  });
});
