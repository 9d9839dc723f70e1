// Response templates where they are used: offered next to a ticket's status and reply forms (this agency's and the
// every-agency ones), a link pre-fills the text rendered for this ticket without sending anything, and the API lists
// the raw templates an account may use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { t } from '../../src/i18n/locales.js';
import { csrfIn } from '../helpers/page-session.js';
import { PASSWORD, type TemplateFixture, templateFixture } from '../helpers/template-fixture.js';

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<');
const textareaIn = (html: string, id: string) =>
  decode(new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1] ?? '');

describe('response templates on the ticket page', () => {
  let f: TemplateFixture;
  let scheduled = 0;
  let roadOnly = 0;
  let ktpOnly = 0;

  const page = async (who: string, number: string, search = '') => {
    const jar = await f.client.signIn(who, PASSWORD);
    const res = await f.client.get(jar, `/petugas/tiket/${number}${search}`);
    return { res, html: await res.text(), jar };
  };
  const outboxRows = () => z.number().parse(f.h.core.db.prepare('SELECT count(*) FROM outbox').pluck().get());

  beforeEach(() => {
    f = templateFixture();
    const store = f.h.core.store.responseTemplates;
    scheduled = store.reachable(null).find((x) => x.title === 'Perbaikan dijadwalkan')?.id ?? 0;
    const add = (agencyId: string, title: string, body: string) =>
      store.create({ agencyId, status: 'selesai', title, body }, f.ids.admin ?? 0, f.h.clock.now());
    roadOnly = add(
      f.road.agencyId,
      'Jalan sudah diaspal',
      'Jalan pada {nomor} sudah diaspal oleh {instansi}.',
    );
    ktpOnly = add(f.ktp.agencyId, 'KTP siap diambil', 'KTP untuk {nomor} siap diambil.');
  });
  afterEach(() => f.h.close());

  it('offers this agency’s and the every-agency templates next to both forms, never another agency’s', async () => {
    const { html } = await page('pupr', f.road.number);
    expect(html).toContain('Pakai templat');
    expect(html).toContain(
      `/petugas/tiket/${f.road.number}?template=${scheduled}&amp;for=status&amp;status=diproses#status`,
    );
    expect(html).toContain(`/petugas/tiket/${f.road.number}?template=${roadOnly}#reply`);
    expect(html).toContain('Jalan sudah diaspal');
    expect(html).not.toContain('KTP siap diambil');
    const other = await page('capil', f.ktp.number);
    expect(other.html).toContain('KTP siap diambil');
    expect(other.html).not.toContain('Jalan sudah diaspal');
  });

  it('pre-fills the reply with the template rendered for this ticket, and sends nothing', async () => {
    const sent = outboxRows();
    const ticketId = f.h.core.store.ticketInbox.forOfficer(f.road.number, { kind: 'all' })?.id ?? 0;
    const events = f.h.core.store.ticketEvents.forTicket(ticketId).length;
    const { res, html } = await page('pupr', f.road.number, `?template=${roadOnly}`);
    expect(res.status).toBe(200);
    const agency = f.h.core.directory.agency(f.road.agencyId)?.name ?? '';
    expect(textareaIn(html, 'reply')).toBe(`Jalan pada ${f.road.number} sudah diaspal oleh ${agency}.`);
    expect(textareaIn(html, 'message')).toBe('');
    expect(outboxRows()).toBe(sent);
    expect(f.h.core.store.ticketEvents.forTicket(ticketId)).toHaveLength(events);
  });

  it('pre-fills the status form and picks the template’s status; the date is left as … for the officer', async () => {
    const { html } = await page('pupr', f.road.number, `?template=${scheduled}&for=status&status=diproses`);
    expect(textareaIn(html, 'message')).toBe(
      `Pengaduan Anda ${f.road.number} sudah kami jadwalkan untuk perbaikan pada …. Terima kasih telah melapor.`,
    );
    expect(html).toMatch(/<option value="diproses" selected="">/);
    expect(textareaIn(html, 'reply')).toBe('');
    // Narrowed to the chosen status (and any status), with the way back to all.
    expect(html).not.toContain(`template=${roadOnly}&amp;for=status`);
    expect(html).toContain(`href="/petugas/tiket/${f.road.number}#status"`);
  });

  it('fills the category, the officer’s name, and nothing of the reporter', async () => {
    const id = f.h.core.store.responseTemplates.create(
      {
        agencyId: null,
        status: null,
        title: 'Semua isian',
        body: '{nomor} {kategori} {petugas} {tanggal} {nama}',
      },
      f.ids.admin ?? 0,
      f.h.clock.now(),
    );
    const { html } = await page('capil', f.ktp.number, `?template=${id}`);
    const text = textareaIn(html, 'reply');
    expect(text).toBe(`${f.ktp.number} ${t('id', 'category.adminduk')} Petugas capil … {nama}`);
    const reporter = f.h.complaints().find((c) => c.number === f.ktp.number)?.complaint;
    const { name, nik } = z.object({ name: z.string(), nik: z.string() }).parse(reporter);
    expect(text).not.toContain(name);
    expect(text).not.toContain(nik);
  });

  it('ignores a template of another agency, or one for a status the ticket cannot move to', async () => {
    const other = await page('pupr', f.road.number, `?template=${ktpOnly}`);
    expect(textareaIn(other.html, 'reply')).toBe('');
    expect(other.html).not.toContain('KTP siap diambil');
    const closed = f.h.core.store.responseTemplates.create(
      { agencyId: null, status: 'ditutup', title: 'Ditutup', body: 'Ditutup.' },
      f.ids.admin ?? 0,
      f.h.clock.now(),
    );
    const wrong = await page('pupr', f.road.number, `?template=${closed}&for=status`);
    expect(textareaIn(wrong.html, 'message')).toBe('');
  });

  it('shows no template to an account that only watches the ticket', async () => {
    const watching = await page('korbjm', f.road.number, `?template=${scheduled}`);
    expect(watching.res.status).toBe(200);
    expect(watching.html).not.toContain('Pakai templat');
    expect(watching.html).not.toContain('<textarea id="reply"');
  });

  it('sends the pre-filled text only when the officer submits the form', async () => {
    const { html, jar } = await page('pupr', f.road.number, `?template=${roadOnly}`);
    const done = await f.client.post(jar, `/petugas/tiket/${f.road.number}/balas`, {
      csrf: csrfIn(html),
      text: textareaIn(html, 'reply').replace('sudah diaspal', 'sudah diaspal kemarin'),
    });
    expect(done.headers.get('location')).toBe(`/petugas/tiket/${f.road.number}?done=replied`);
    const last = f.h.core.db.prepare('SELECT payload FROM outbox ORDER BY id DESC LIMIT 1').pluck().get();
    expect(String(last)).toContain('sudah diaspal kemarin');
  });
});

describe('GET /api/v1/templates', () => {
  let f: TemplateFixture;
  const Items = z.object({
    items: z.array(
      z.object({
        id: z.number(),
        agency: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
        status: z.string().nullable(),
        title: z.string(),
        body: z.string(),
        placeholders: z.array(z.string()),
      }),
    ),
  });
  const call = (who: string | null, search = '') =>
    f.app.request(`/api/v1/templates${search}`, {
      headers: who ? { authorization: `Bearer ${f.tokens[who]}` } : {},
    });
  const list = async (who: string, search = '') => {
    const res = await call(who, search);
    expect(res.status).toBe(200);
    return Items.parse(await res.json()).items;
  };

  beforeEach(() => {
    f = templateFixture();
    const add = (agencyId: string, title: string) =>
      f.h.core.store.responseTemplates.create(
        { agencyId, status: 'selesai', title, body: 'Selesai {nomor}.' },
        f.ids.admin ?? 0,
        f.h.clock.now(),
      );
    add(f.road.agencyId, 'Jalan');
    add(f.ktp.agencyId, 'KTP');
    add('6372-pupr', 'Banjarbaru');
  });
  afterEach(() => f.h.close());

  it('returns the raw templates each account may use: its agencies’ and the every-agency ones', async () => {
    expect((await call(null)).status).toBe(401);
    const titles = async (who: string) =>
      (await list(who)).filter((x) => x.agency !== null).map((x) => x.title);
    expect((await titles('admin')).sort()).toEqual(['Banjarbaru', 'Jalan', 'KTP']);
    expect(await titles('pupr')).toEqual(['Jalan']);
    expect(await titles('capil')).toEqual(['KTP']);
    expect(await titles('korbjb')).toEqual(['Banjarbaru']);
    expect((await titles('korbjm')).sort()).toEqual(['Jalan', 'KTP']);
    const shipped = (await list('pupr')).find((x) => x.title === 'Perbaikan dijadwalkan');
    expect(shipped?.body).toBe(
      'Pengaduan Anda {nomor} sudah kami jadwalkan untuk perbaikan pada {tanggal}. Terima kasih telah melapor.',
    );
    expect(shipped?.placeholders).toEqual(['nomor', 'tanggal']);
    expect(shipped?.agency).toBeNull();
  });

  it('narrows to those that fit an agency and a status', async () => {
    const fit = await list('admin', `?agency=${f.road.agencyId}&status=selesai`);
    expect(fit.map((x) => x.title).sort()).toEqual(
      ['Jalan', 'Pengaduan selesai ditangani', 'Penanganan memerlukan waktu lebih lama'].sort(),
    );
    expect(fit.every((x) => x.status === null || x.status === 'selesai')).toBe(true);
    expect((await call('admin', '?status=entah')).status).toBe(422);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = z
      .object({ paths: z.record(z.string(), z.unknown()) })
      .parse(await (await f.app.request('/api/openapi.json')).json());
    expect(Object.keys(doc.paths)).toContain('/v1/templates');
  });
});
