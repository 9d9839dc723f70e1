// The admins' agency pages through app.request: who may open them (everyone else gets the plain 404, or the sign-in
// redirect), each form's validation, the audit rows, reset to the file, no secret in the database, and a change that
// routing and forwarding see at once (a ticket filed after an e-mail destination is added is queued to it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

type Who = 'admin' | 'korbjm' | 'own' | 'other';
const AGENCY = '6371-disdukcapil';

describe('agency pages', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  const csrfs: Record<string, string> = {};

  const headers = (who: Who | null): Record<string, string> =>
    who ? { cookie: `__Host-aduan_petugas=${cookies[who]}` } : {};
  const get = (who: Who | null, path: string) => app.request(path, { headers: headers(who) });
  const post = (who: Who | null, path: string, form: Record<string, string>) =>
    app.request(path, {
      method: 'POST',
      headers: headers(who),
      body: new URLSearchParams({ csrf: who ? (csrfs[who] ?? '') : '', ...form }),
    });
  const done = async (res: Response) => {
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location') ?? '', 'http://x').searchParams.get('done');
  };
  const audits = (type: string) => h.core.store.auditLog.page({ type }, 100);
  const file = (who: string) => {
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say(who, turn.say);
    const rows = h.core.store.ticketInbox.inbox({ kind: 'all' });
    return rows[0];
  };

  beforeEach(() => {
    h = new Harness();
    const add = (username: Who, role: 'admin' | 'supervisor' | 'officer', agency: string | null) => {
      const { cookie, csrf } = accountWithSession(h, username, role, agency);
      cookies[username] = cookie;
      csrfs[username] = csrf;
    };
    add('admin', 'admin', null);
    add('korbjm', 'supervisor', '6371-koordinator');
    add('own', 'officer', AGENCY);
    add('other', 'officer', '6372-pupr');
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('lets only admins in: list, agency page and every form', async () => {
    expect((await get('admin', '/petugas/instansi')).status).toBe(200);
    expect((await get('admin', `/petugas/instansi/${AGENCY}`)).status).toBe(200);
    expect((await get('admin', '/petugas/instansi/no-such-agency')).status).toBe(404);
    for (const who of ['korbjm', 'own', 'other'] as const) {
      expect((await get(who, '/petugas/instansi')).status).toBe(404);
      expect((await get(who, `/petugas/instansi/${AGENCY}`)).status).toBe(404);
      for (const action of ['tujuan', 'tujuan/hapus', 'jam', 'reset'])
        expect((await post(who, `/petugas/instansi/${AGENCY}/${action}`, { method: 'email' })).status).toBe(
          404,
        );
    }
    const out = await get(null, '/petugas/instansi');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    expect((await post(null, `/petugas/instansi/${AGENCY}/reset`, {})).status).toBe(401);
    // A wrong CSRF token is refused before anything changes.
    const forged = await app.request(`/petugas/instansi/${AGENCY}/reset`, {
      method: 'POST',
      headers: headers('admin'),
      body: new URLSearchParams({ csrf: 'wrong' }),
    });
    expect(forged.status).toBe(403);
    expect(h.core.store.agencyOverrides.all().size).toBe(0);
    // The navigation shows the page to admins only.
    expect(await (await get('admin', '/petugas')).text()).toContain('href="/petugas/instansi"');
    expect(await (await get('own', '/petugas')).text()).not.toContain('href="/petugas/instansi"');
  });

  it('lists, searches and filters agencies with who receives their tickets', async () => {
    const all = await (await get('admin', '/petugas/instansi')).text();
    expect(all).toContain(`/petugas/instansi/${AGENCY}`);
    expect(all).toContain('1 petugas');
    const found = await (await get('admin', '/petugas/instansi?q=disdukcapil&kab=63.71')).text();
    expect(found).toContain(`/petugas/instansi/${AGENCY}`);
    expect(found).not.toContain('/petugas/instansi/6372-pupr"');
    const none = await (await get('admin', '/petugas/instansi?q=tidak-ada-instansi')).text();
    expect(none).toContain('Tidak ada instansi yang cocok.');
    const province = await (await get('admin', '/petugas/instansi?q=ombudsman')).text();
    expect(province).toContain('Provinsi');
    const inEnglish = await (await get('admin', '/petugas/instansi?q=ombudsman&lang=en')).text();
    expect(inEnglish).toContain('Province');
    expect(inEnglish).not.toContain('Provinsi');
  });

  it('validates each form and says why', async () => {
    const path = `/petugas/instansi/${AGENCY}/tujuan`;
    expect(await done(await post('admin', path, { method: 'fax' }))).toBe('invalid');
    expect(await done(await post('admin', path, { method: 'email', to: 'bukan-email' }))).toBe('bad_email');
    expect(await done(await post('admin', path, { method: 'email', id: 'Bad Id', to: 'a@b.go.id' }))).toBe(
      'bad_id',
    );
    const hook = { method: 'webhook', secret_env: 'ADUAN_SECRET_CAPIL' };
    expect(await done(await post('admin', path, { ...hook, url: 'http://example.go.id/hook' }))).toBe(
      'bad_url',
    );
    expect(
      await done(await post('admin', path, { ...hook, url: 'https://x.go.id', secret_env: 'rahasia' })),
    ).toBe('bad_secret');
    expect(await done(await post('admin', path, { method: 'telegram', chat_id: '12345678' }))).toBe(
      'bad_chat',
    );
    expect(await done(await post('admin', `${path}/hapus`, { destination: 'tidak-ada' }))).toBe(
      'unknown_destination',
    );
    const hours = `/petugas/instansi/${AGENCY}/jam`;
    expect(await done(await post('admin', hours, { mon: '16:00-08:00' }))).toBe('bad_hours');
    expect(await done(await post('admin', hours, { mon: '8 pagi' }))).toBe('bad_hours');
    expect(h.core.store.agencyOverrides.all().size).toBe(0);
    const page = await (await get('admin', `/petugas/instansi/${AGENCY}?done=bad_hours`)).text();
    expect(page).toContain('Jam harus seperti 08:00-16:00');
  });

  it('adds, edits and removes destinations, audited, applied at once, and resets to the file', async () => {
    const path = `/petugas/instansi/${AGENCY}/tujuan`;
    expect(
      await done(
        await post('admin', path, {
          method: 'webhook',
          url: 'https://sistem.disdukcapil.test/aduan',
          secret_env: 'ADUAN_SECRET_CAPIL',
        }),
      ),
    ).toBe('saved');
    expect(await done(await post('admin', path, { method: 'telegram', chat_id: '-1001234567' }))).toBe(
      'saved',
    );
    expect(await done(await post('admin', path, { method: 'email', id: 'surel', to: 'a@capil.test' }))).toBe(
      'saved',
    );
    expect(await done(await post('admin', path, { method: 'email', id: 'surel', to: 'b@capil.test' }))).toBe(
      'duplicate_id',
    );
    expect(
      await done(
        await post('admin', path, { method: 'email', original: 'surel', to: 'c@capil.test, d@capil.test' }),
      ),
    ).toBe('saved');
    expect(await done(await post('admin', `${path}/hapus`, { destination: 'telegram' }))).toBe('removed');
    expect(h.core.directory.agency(AGENCY)?.destinations).toEqual([
      expect.objectContaining({ id: 'webhook', method: 'webhook', secret: { env: 'ADUAN_SECRET_CAPIL' } }),
      { id: 'surel', method: 'email', to: ['c@capil.test', 'd@capil.test'], cc: [] },
    ]);
    // Only the variable's name is stored, and the audit names where tickets go, never a path or a secret.
    const row = h.core.db
      .prepare('SELECT destinations FROM agency_overrides WHERE agency_id = ?')
      .pluck()
      .get(AGENCY);
    expect(String(row)).toContain('ADUAN_SECRET_CAPIL');
    const updates = audits('agency.updated');
    expect(updates).toHaveLength(5);
    expect(JSON.stringify(updates[0])).toContain('c@capil.test');
    expect(JSON.stringify(updates)).toContain('https://sistem.disdukcapil.test');
    expect(JSON.stringify(updates)).not.toContain('/aduan');
    const page = await (await get('admin', `/petugas/instansi/${AGENCY}`)).text();
    expect(page).toContain('diubah admin');
    expect(page).toContain('Kembalikan ke berkas');

    expect(
      await done(await post('admin', `/petugas/instansi/${AGENCY}/jam`, { mon: '07:30-15:00', fri: '' })),
    ).toBe('hours_saved');
    expect(h.core.directory.hours(AGENCY)).toMatchObject({ mon: '07:30-15:00', fri: null, sat: null });
    expect(h.core.directory.agency(AGENCY)?.destinations).toHaveLength(2);

    expect(await done(await post('admin', `/petugas/instansi/${AGENCY}/reset`, {}))).toBe('reset');
    expect(h.core.directory.agency(AGENCY)).toEqual(h.core.directory.fromFile(AGENCY));
    expect(h.core.store.agencyOverrides.all().size).toBe(0);
    expect(audits('agency.reset')).toHaveLength(1);
  });

  it('keeps the override across a restart and refuses to copy a secret written in the file', async () => {
    await post('admin', `/petugas/instansi/${AGENCY}/tujuan`, { method: 'email', to: 'a@capil.test' });
    h.restart();
    expect(h.core.directory.agency(AGENCY)?.destinations.map((d) => d.id)).toEqual(['email']);
    expect(() =>
      h.core.store.agencyOverrides.save(
        AGENCY,
        {
          destinations: [
            {
              id: 'x',
              method: 'webhook',
              url: 'https://a.test',
              secret: 'rahasia-yang-panjang-sekali',
              timeoutMs: 1000,
            },
          ],
          hours: null,
        },
        1,
        h.clock.now(),
      ),
    ).toThrow();
  });

  it('queues a ticket filed after an e-mail destination was added to that address', async () => {
    const first = file('warga-satu');
    const agencyId = first?.agencyId ?? '';
    expect(h.core.store.deliveries.forTicket(first?.id ?? 0)).toEqual([]);
    expect(
      await done(
        await post('admin', `/petugas/instansi/${agencyId}/tujuan`, {
          method: 'email',
          to: 'x@instansi.test',
        }),
      ),
    ).toBe('saved');
    file('warga-dua');
    const ticket = h.core.store.ticketInbox.inbox({ kind: 'all' }).find((r) => r.id !== first?.id);
    expect(ticket?.agencyId).toBe(agencyId);
    expect(ticket?.id).not.toBe(first?.id);
    const deliveries = h.core.store.deliveries.forTicket(ticket?.id ?? 0);
    expect(deliveries.map((d) => [d.agencyId, d.destinationId, d.method])).toEqual([
      [agencyId, 'email', 'email'],
    ]);
  });
});
