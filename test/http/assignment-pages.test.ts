// Assignment on the officers' pages through app.request: the ticket page's card and forms per account (admin,
// supervisor, the agency's officer, another agency's officer, signed out), the POST behind them with its CSRF token
// and `?done=` flash, the history in words, and the inbox's "untuk saya" / "belum ditugaskan" links and column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

describe('assignment pages', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const page = async (jar: Jar, number: string) => client.get(jar, `/petugas/tiket/${number}`);
  const assign = async (jar: Jar, number: string, officer: string) => {
    const html = await (await client.get(jar, '/petugas')).text();
    return client.post(jar, `/petugas/tiket/${number}/tugaskan`, { officer, csrf: csrfIn(html) });
  };
  const assignee = (number: string) =>
    h.core.store.ticketAssignments.assignee(
      h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1,
    )?.id ?? null;

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    app = officerApp(h);
    client = pageClient(app);
  });
  afterEach(() => h.close());

  it('shows the card to whoever sees the ticket, and its forms only to who may assign', async () => {
    const cases: [string | null, number, { form: boolean; take: boolean }][] = [
      ['admin', 200, { form: true, take: false }],
      ['korbjm', 200, { form: false, take: false }],
      ['budi', 200, { form: true, take: true }],
      ['lain', 404, { form: false, take: false }],
    ];
    for (const [who, status, shows] of cases) {
      const res = await page(await as(who), f.road);
      expect(res.status, String(who)).toBe(status);
      const html = await res.text();
      if (status === 200)
        expect(html, String(who)).toContain('Ditugaskan ke: <strong>belum ditugaskan</strong>');
      expect(html.includes('id="assignee"'), String(who)).toBe(shows.form);
      expect(html.includes('Ambil tiket ini'), String(who)).toBe(shows.take);
      if (shows.form) {
        expect(html).toContain(`<option value="${f.sari.id}">Sari Wulandari</option>`);
        expect(html).not.toContain('>Dina<');
      }
    }
    const out = await page(await as(null), f.road);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
  });

  it('takes the POST from an admin, a supervisor who took over and the agency’s officers only', async () => {
    const admin = await as('admin');
    let res = await assign(admin, f.road, String(f.sari.id));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=assigned`);
    expect(assignee(f.road)).toBe(f.sari.id);

    const coordinator = await as('korbjm');
    res = await assign(coordinator, f.road, '');
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=read_only`);
    expect(assignee(f.road)).toBe(f.sari.id);
    const before = await (await page(coordinator, f.road)).text();
    await client.post(coordinator, `/petugas/tiket/${f.road}/ambil-alih`, { csrf: csrfIn(before) });
    res = await assign(coordinator, f.road, '');
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=assigned`);
    expect(assignee(f.road)).toBeNull();

    const budi = await as('budi');
    res = await assign(budi, f.road, String(f.budi.id));
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=assigned`);
    expect(assignee(f.road)).toBe(f.budi.id);

    const lain = await as('lain');
    expect((await assign(lain, f.road, String(f.lain.id))).status).toBe(404);
    expect((await assign(await as(null), f.road, String(f.budi.id))).status).toBe(401);
    const forged = await client.post(budi, `/petugas/tiket/${f.road}/tugaskan`, {
      officer: String(f.sari.id),
      csrf: 'nope',
    });
    expect(forged.status).toBe(403);
    expect(assignee(f.road)).toBe(f.budi.id);
  });

  it('refuses an account that is not an enabled officer of the agency, with a flash', async () => {
    const budi = await as('budi');
    for (const officer of [String(f.dina.id), String(f.lain.id), '9999', 'budi']) {
      const res = await assign(budi, f.road, officer);
      expect(res.headers.get('location'), officer).toBe(`/petugas/tiket/${f.road}?done=unknown_officer`);
    }
    const html = await (await client.get(budi, `/petugas/tiket/${f.road}?done=unknown_officer`)).text();
    expect(html).toContain('Akun itu bukan petugas aktif dari instansi tiket ini.');
    expect(assignee(f.road)).toBeNull();
  });

  it('takes a ticket with "Ambil", gives another to a colleague, and says so in the history', async () => {
    const budi = await as('budi');
    await assign(budi, f.road, String(f.budi.id));
    await assign(budi, f.drain, String(f.sari.id));
    const road = await (await client.get(budi, `/petugas/tiket/${f.road}?done=assigned`)).text();
    expect(road).toContain('Penugasan tersimpan.');
    expect(road).toContain('Ditugaskan ke: <strong>Budi Santoso</strong>');
    expect(road).toContain('Budi Santoso mengambil tiket ini');
    expect(road).not.toContain('Ambil tiket ini');
    expect(road).toContain(`<option value="${f.budi.id}" selected="">Budi Santoso</option>`);
    const drain = await (await page(budi, f.drain)).text();
    expect(drain).toContain('Budi Santoso menugaskan tiket ini ke Sari Wulandari');
    const en = await (await client.get(budi, `/petugas/tiket/${f.drain}?lang=en`)).text();
    expect(en).toContain('Budi Santoso assigned this ticket to Sari Wulandari');
  });

  it('lists "untuk saya" and "belum ditugaskan" in the inbox, with the assignee’s name in a column', async () => {
    h.core.actions.assign(f.budi, f.road, f.budi.id);
    const budi = await as('budi');
    const inbox = await (await client.get(budi, '/petugas')).text();
    expect(inbox).toContain('href="/petugas?assigned=me"');
    expect(inbox).toContain('href="/petugas?assigned=none"');
    expect(inbox).toContain('<td class="wide">Budi Santoso</td>');
    const mine = await (await client.get(budi, '/petugas?assigned=me')).text();
    expect(mine).toContain(f.road);
    expect(mine).not.toContain(f.drain);
    // The status tabs and the filter form keep it.
    expect(mine).toContain('/petugas?assigned=me&amp;status=baru');
    expect(mine).toContain('<input type="hidden" name="assigned" value="me"/>');
    const nobody = await (await client.get(budi, '/petugas?assigned=none')).text();
    expect(nobody).toContain(f.drain);
    expect(nobody).not.toContain(f.road);
    const sari = await as('sari');
    expect(await (await client.get(sari, '/petugas?assigned=me')).text()).not.toContain(f.road);
    const admin = await as('admin');
    const all = await (await client.get(admin, '/petugas?assigned=none')).text();
    expect(all).toContain(f.health);
    expect(all).not.toContain(f.road);
  });
});
