// Merging on the officers' pages through app.request: the ticket page's "Gabungkan ke…" card per account (admin,
// supervisor before and after taking over, the agency's officer, another agency's officer, signed out), the
// confirmation page, the POST with its CSRF token and `?done=` flash, the banner and list after a merge, the history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { PASSWORD } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { type MergeFixture, mergeFixture } from '../helpers/merge-fixture.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

describe('merge pages', () => {
  let h: Harness;
  let f: MergeFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const page = async (jar: Jar, number: string) => client.get(jar, `/petugas/tiket/${number}`);
  const confirm = async (jar: Jar, number: string, into: string) =>
    client.get(jar, `/petugas/tiket/${number}/gabungkan?ke=${encodeURIComponent(into)}`);
  const merge = async (jar: Jar, number: string, into: string) => {
    const html = await (await client.get(jar, '/petugas')).text();
    return client.post(jar, `/petugas/tiket/${number}/gabungkan`, { into, note: '', csrf: csrfIn(html) });
  };
  const status = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.status;

  beforeEach(() => {
    h = new Harness();
    f = mergeFixture(h);
    app = officerApp(h);
    client = pageClient(app);
  });
  afterEach(() => h.close());

  it('offers the card with the linked similar tickets to who may act, and the page to who may see', async () => {
    const cases: [string | null, number, boolean][] = [
      ['admin', 200, true],
      ['korbjm', 200, false],
      ['budi', 200, true],
      ['lain', 404, false],
    ];
    for (const [who, code, offered] of cases) {
      const res = await page(await as(who), f.twin);
      expect(res.status, String(who)).toBe(code);
      const html = await res.text();
      expect(html.includes('Gabungkan ke…'), String(who)).toBe(offered);
      if (offered) {
        expect(html).toContain(`<input type="hidden" name="ke" value="${f.road}"/>`);
        expect(html).toContain(`action="/petugas/tiket/${f.twin}/gabungkan"`);
        expect(html).not.toContain(`name="ke" value="${f.health}"`);
      }
    }
    const out = await page(await as(null), f.twin);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    const coordinator = await as('korbjm');
    const html = await (await page(coordinator, f.twin)).text();
    await client.post(coordinator, `/petugas/tiket/${f.twin}/ambil-alih`, { csrf: csrfIn(html) });
    expect(await (await page(coordinator, f.twin)).text()).toContain('Gabungkan ke…');
  });

  it('confirms before merging, for the same accounts only', async () => {
    const budi = await as('budi');
    const res = await confirm(budi, f.twin, f.road.toLowerCase());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`Gabungkan ${f.twin} ke ${f.road}?`);
    expect(html).toContain(`<input type="hidden" name="into" value="${f.road}"/>`);
    expect(html).toContain('name="csrf"');
    expect(status(f.twin)).toBe('baru');
    expect((await confirm(await as('admin'), f.twin, f.road)).status).toBe(200);
    const watching = await confirm(await as('korbjm'), f.twin, f.road);
    expect(watching.headers.get('location')).toBe(`/petugas/tiket/${f.twin}?done=read_only`);
    expect((await confirm(await as('lain'), f.twin, f.road)).status).toBe(404);
    expect((await confirm(await as(null), f.twin, f.road)).headers.get('location')).toBe('/petugas/masuk');
    const typo = await confirm(budi, f.twin, 'ADU-12');
    expect(typo.headers.get('location')).toBe(`/petugas/tiket/${f.twin}?done=unknown_ticket`);
    const self = await confirm(budi, f.twin, f.twin);
    expect(self.headers.get('location')).toBe(`/petugas/tiket/${f.twin}?done=same_ticket`);
  });

  it('merges on the POST of whoever may act, with a flash; 404, 401 and 403 otherwise', async () => {
    expect((await merge(await as('lain'), f.twin, f.road)).status).toBe(404);
    expect((await merge(await as(null), f.twin, f.road)).status).toBe(401);
    const coordinator = await as('korbjm');
    let res = await merge(coordinator, f.twin, f.road);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.twin}?done=read_only`);
    const budi = await as('budi');
    const forged = await client.post(budi, `/petugas/tiket/${f.twin}/gabungkan`, {
      into: f.road,
      csrf: 'nope',
    });
    expect(forged.status).toBe(403);
    res = await merge(budi, f.twin, f.health);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.twin}?done=unknown_ticket`);
    expect(status(f.twin)).toBe('baru');
    res = await merge(budi, f.twin, f.road);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.twin}?done=merged`);
    expect(status(f.twin)).toBe('ditutup');
    res = await merge(await as('admin'), f.gap, f.twin);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.gap}?done=into_closed`);
    const flash = await (await client.get(budi, `/petugas/tiket/${f.gap}?done=into_closed`)).text();
    expect(flash).toContain('Tiket tujuan sudah ditutup (atau sudah digabung ke tiket lain).');
  });

  it('shows "Digabung ke" on the merged ticket, the merged list on the other, and the merge in both histories', async () => {
    const budi = await as('budi');
    await merge(budi, f.twin, f.road);
    const merged = await (await client.get(budi, `/petugas/tiket/${f.twin}?done=merged`)).text();
    expect(merged).toContain('Tiket digabung; kedua pelapor sudah diberi tahu.');
    expect(merged).toContain(`<a href="/petugas/tiket/${f.road}">Digabung ke ${f.road}</a>`);
    expect(merged).toContain(`digabung ke ${f.road} (ditutup)`);
    expect(merged).not.toContain('Gabungkan ke…');
    const road = await (await page(budi, f.road)).text();
    expect(road).toContain('Tiket yang digabung ke tiket ini');
    expect(road).toContain(`<a href="/petugas/tiket/${f.twin}">${f.twin}</a>`);
    expect(road).toContain(`${f.twin} digabung ke tiket ini`);
    const en = await (await client.get(budi, `/petugas/tiket/${f.twin}?lang=en`)).text();
    expect(en).toContain(`Merged into ${f.road}`);
    // The agency's officer of another agency still sees nothing of either.
    expect((await page(await as('lain'), f.road)).status).toBe(404);
  });
});
