// The response templates' pages through app.request: who may list, create, edit and delete them (admin, coordinators
// within their area, officers read only, signed out), the form's validation, and the audit rows each edit writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csrfIn } from '../helpers/page-session.js';
import { PASSWORD, type TemplateFixture, templateFixture } from '../helpers/template-fixture.js';

const WHO = ['admin', 'korbjm', 'korbjb', 'ombudsman', 'pupr', 'capil', null] as const;
type Who = (typeof WHO)[number];

describe('response templates pages', () => {
  let f: TemplateFixture;

  const session = async (who: Who) => {
    const jar = await f.client.signIn(who, PASSWORD);
    const csrf = who === null ? 'x' : csrfIn(await (await f.client.get(jar, '/petugas')).text());
    return { jar, csrf };
  };
  const create = async (who: Who, form: Record<string, string>) => {
    const { jar, csrf } = await session(who);
    return f.client.post(jar, '/petugas/templat/baru', { csrf, status: '', agency: '', ...form });
  };
  const templates = () => f.h.core.store.responseTemplates.reachable(null);
  const audit = () =>
    z
      .array(z.object({ actor: z.string(), type: z.string(), data: z.string() }))
      .parse(
        f.h.core.db
          .prepare(
            "SELECT actor, type, data FROM audit_events WHERE type LIKE 'officer.template_%' ORDER BY id",
          )
          .all(),
      )
      .map((r) => ({ ...r, data: JSON.parse(r.data) }));
  /** A template of the road's agency (Banjarmasin), written directly. */
  const roadTemplate = () =>
    f.h.core.store.responseTemplates.create(
      {
        agencyId: f.road.agencyId,
        status: 'diproses',
        title: 'Tambal jalan',
        body: 'Jalan {nomor} ditambal.',
      },
      f.ids.admin ?? 0,
      f.h.clock.now(),
    );

  beforeEach(() => {
    f = templateFixture();
  });
  afterEach(() => f.h.close());

  it('ships polite default templates for every agency, one per answer an officer gives most', () => {
    const shipped = templates();
    expect(shipped.every((t) => t.agencyId === null && t.updatedBy === null)).toBe(true);
    expect(new Set(shipped.map((t) => t.status))).toEqual(
      new Set(['diverifikasi', 'diproses', 'menunggu_pelapor', 'selesai', 'ditolak', null]),
    );
    expect(shipped.map((t) => t.body).join(' ')).toContain(
      'Pengaduan Anda {nomor} sudah kami jadwalkan untuk perbaikan pada {tanggal}. Terima kasih telah melapor.',
    );
    expect(shipped.map((t) => t.body).join(' ')).not.toMatch(/\{(nama|nik|telepon)\}/);
  });

  it('lists templates to everyone signed in, with the navigation link and edit links only for editors', async () => {
    const road = roadTemplate();
    const expected: Record<string, { status: number; nav: boolean; road: boolean; edit: boolean }> = {
      admin: { status: 200, nav: true, road: true, edit: true },
      korbjm: { status: 200, nav: true, road: true, edit: true },
      korbjb: { status: 200, nav: true, road: false, edit: false },
      ombudsman: { status: 200, nav: true, road: true, edit: true },
      pupr: { status: 200, nav: false, road: true, edit: false },
      capil: { status: 200, nav: false, road: false, edit: false },
    };
    for (const who of WHO) {
      const { jar } = await session(who);
      const res = await f.client.get(jar, '/petugas/templat');
      if (who === null) {
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe('/petugas/masuk');
        continue;
      }
      const want = expected[who];
      const html = await res.text();
      expect(res.status, who).toBe(want?.status);
      expect(html, who).toContain('Perbaikan dijadwalkan');
      expect(html.includes('href="/petugas/templat"'), `${who} nav`).toBe(want?.nav);
      expect(html.includes('Tambal jalan'), `${who} sees the road template`).toBe(want?.road);
      expect(html.includes(`href="/petugas/templat/${road}"`), `${who} may edit it`).toBe(want?.edit);
      expect(html.includes('href="/petugas/templat/baru"'), `${who} may create`).toBe(want?.nav);
    }
  });

  it('filters the list by agency: one agency’s, or the every-agency ones', async () => {
    roadTemplate();
    const { jar } = await session('admin');
    const own = await (await f.client.get(jar, `/petugas/templat?agency=${f.road.agencyId}`)).text();
    expect(own).toContain('Tambal jalan');
    expect(own).not.toContain('Perbaikan dijadwalkan');
    const every = await (await f.client.get(jar, '/petugas/templat?agency=umum')).text();
    expect(every).toContain('Perbaikan dijadwalkan');
    expect(every).not.toContain('Tambal jalan');
  });

  it('lets admins and the coordinators of the agency’s area create templates; officers and others may not', async () => {
    const form = {
      title: 'Survei lokasi',
      agency: f.road.agencyId,
      status: 'diproses',
      body: 'Kami survei {tanggal}.',
    };
    const outcome: Record<string, string> = {
      admin: '/petugas/templat?done=saved',
      korbjm: '/petugas/templat?done=saved',
      korbjb: '/petugas/templat?done=not_allowed',
      ombudsman: '/petugas/templat?done=saved',
      pupr: '/petugas/templat?done=not_allowed',
      capil: '/petugas/templat?done=not_allowed',
    };
    for (const who of WHO) {
      const res = await create(who, { ...form, title: `Survei ${who}` });
      if (who === null) expect(res.status).toBe(401);
      else {
        expect(res.status, who).toBe(303);
        expect(res.headers.get('location'), who).toBe(outcome[who]);
      }
    }
    const made = templates().filter((t) => t.title.startsWith('Survei'));
    expect(made.map((t) => t.title).sort()).toEqual(['Survei admin', 'Survei korbjm', 'Survei ombudsman']);
    expect(made.find((t) => t.title === 'Survei korbjm')?.updatedBy).toEqual({
      id: f.ids.korbjm,
      name: 'Petugas korbjm',
    });
    // Every-agency templates: admins and coordinators that reach every agency only.
    expect((await create('korbjm', { title: 'Umum', body: 'Halo.' })).headers.get('location')).toContain(
      'not_allowed',
    );
    expect((await create('ombudsman', { title: 'Umum', body: 'Halo.' })).headers.get('location')).toContain(
      'saved',
    );
    // The form itself.
    for (const [who, status] of [
      ['admin', 200],
      ['korbjm', 200],
      ['pupr', 403],
      [null, 303],
    ] as const) {
      const { jar } = await session(who);
      expect((await f.client.get(jar, '/petugas/templat/baru')).status, String(who)).toBe(status);
    }
    const forged = await f.client.post((await session('admin')).jar, '/petugas/templat/baru', {
      ...form,
      csrf: 'nope',
    });
    expect(forged.status).toBe(403);
  });

  it('lets only those who may edit open, change and delete a template; another kab/kota’s is a 404', async () => {
    const id = roadTemplate();
    const opened: Record<string, number> = {
      admin: 200,
      korbjm: 200,
      korbjb: 404,
      ombudsman: 200,
      pupr: 403,
      capil: 404,
    };
    for (const who of WHO) {
      const { jar } = await session(who);
      const res = await f.client.get(jar, `/petugas/templat/${id}`);
      expect(res.status, String(who)).toBe(who === null ? 303 : opened[who]);
    }
    const change = {
      title: 'Tambal jalan',
      agency: f.road.agencyId,
      status: 'diproses',
      body: 'Diubah {nomor}.',
    };
    const changed = async (who: Who) => {
      const { jar, csrf } = await session(who);
      return f.client.post(jar, `/petugas/templat/${id}`, { ...change, csrf });
    };
    expect((await changed('korbjb')).status).toBe(404);
    expect((await changed('capil')).status).toBe(404);
    expect((await changed('pupr')).headers.get('location')).toBe('/petugas/templat?done=not_allowed');
    expect((await changed(null)).status).toBe(401);
    // A coordinator may not move its agency's template to another kab/kota's agency.
    const { jar: bjm, csrf: bjmCsrf } = await session('korbjm');
    const away = await f.client.post(bjm, `/petugas/templat/${id}`, {
      ...change,
      agency: '6372-pupr',
      csrf: bjmCsrf,
    });
    expect(away.headers.get('location')).toBe('/petugas/templat?done=not_allowed');
    expect(f.h.core.store.responseTemplates.get(id)?.body).toBe('Jalan {nomor} ditambal.');
    expect((await changed('korbjm')).headers.get('location')).toBe('/petugas/templat?done=saved');
    expect(f.h.core.store.responseTemplates.get(id)?.body).toBe('Diubah {nomor}.');
    // A coordinator reads the every-agency templates but does not change them.
    const shipped = templates().find((t) => t.agencyId === null)?.id;
    expect((await f.client.get(bjm, `/petugas/templat/${shipped}`)).status).toBe(403);

    const remove = async (who: Who, confirm = true) => {
      const { jar, csrf } = await session(who);
      return f.client.post(jar, `/petugas/templat/${id}/hapus`, {
        csrf,
        ...(confirm ? { confirm: '1' } : {}),
      });
    };
    expect((await remove('korbjb')).status).toBe(404);
    expect((await remove('pupr')).headers.get('location')).toBe('/petugas/templat?done=not_allowed');
    expect((await remove(null)).status).toBe(401);
    expect((await remove('korbjm', false)).headers.get('location')).toBe(
      `/petugas/templat/${id}?done=confirm`,
    );
    expect(f.h.core.store.responseTemplates.get(id)).not.toBeNull();
    expect((await remove('korbjm')).headers.get('location')).toBe('/petugas/templat?done=deleted');
    expect(f.h.core.store.responseTemplates.get(id)).toBeNull();
    expect((await remove('admin')).status).toBe(404);
  });

  it('refuses an empty or too long text and placeholders it does not know, keeping what was typed', async () => {
    const before = templates().length;
    const long = await create('admin', { title: 'Panjang', body: 'a'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('paling panjang 2000 karakter');
    const named = await create('admin', {
      title: 'Dengan nama',
      body: 'Yth. {nama}, NIK {nik}: tiket {nomor}.',
    });
    expect(named.status).toBe(422);
    const html = await named.text();
    expect(html).toContain('Isian tidak dikenal: {nama}, {nik}');
    expect(html).toContain('Yth. {nama}, NIK {nik}: tiket {nomor}.');
    expect((await create('admin', { title: '', body: 'Halo.' })).status).toBe(422);
    expect((await create('admin', { title: 'x'.repeat(81), body: 'Halo.' })).status).toBe(422);
    expect((await create('admin', { title: 'Status', body: 'Halo.', status: 'dicabut' })).status).toBe(422);
    expect((await create('admin', { title: 'Instansi', body: 'Halo.', agency: 'tidak-ada' })).status).toBe(
      422,
    );
    expect(templates()).toHaveLength(before);
    // A line break from the browser (CRLF) counts as one character.
    const crlf = await create('admin', { title: 'Baris', body: `${'a'.repeat(999)}\r\n${'b'.repeat(1000)}` });
    expect(crlf.headers.get('location')).toBe('/petugas/templat?done=saved');
  });

  it('audits every create, change and delete with who did it, and the template’s agency, status and title', async () => {
    await create('korbjm', {
      title: 'Baru',
      agency: f.road.agencyId,
      status: 'selesai',
      body: 'Selesai {nomor}.',
    });
    const id = templates().find((t) => t.title === 'Baru')?.id ?? 0;
    const { jar, csrf } = await session('admin');
    await f.client.post(jar, `/petugas/templat/${id}`, {
      csrf,
      title: 'Baru',
      agency: f.road.agencyId,
      status: 'selesai',
      body: 'Selesai ditangani {nomor}.',
    });
    await f.client.post(jar, `/petugas/templat/${id}/hapus`, { csrf, confirm: '1' });
    const common = { template: id, agency: f.road.agencyId, status: 'selesai', title: 'Baru' };
    expect(audit()).toEqual([
      { actor: `officer:${f.ids.korbjm}`, type: 'officer.template_created', data: common },
      {
        actor: `officer:${f.ids.admin}`,
        type: 'officer.template_updated',
        data: { ...common, changed: ['body'] },
      },
      { actor: `officer:${f.ids.admin}`, type: 'officer.template_deleted', data: common },
    ]);
  });
});
