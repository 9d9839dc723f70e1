// Officers' files with an answer, through app.request: the status and reply forms as multipart, who may send files
// (admin, a watching supervisor, the agency's officer, another agency's officer, signed out), refusals by the bytes,
// size and count, CSRF, the rows recorded, the history's links, and the citizen's own web chat download.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% surat balasan\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('officers’ files with an answer', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const ticketId = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1;
  const officerFiles = (number: string) => h.core.store.answerFiles.ofTicket(ticketId(number));
  const csrfOf = async (jar: Jar, number: string) =>
    csrfIn(await (await client.get(jar, `/petugas/tiket/${number}`)).text()) ||
    csrfIn(await (await client.get(jar, '/petugas')).text());
  const send = async (
    jar: Jar,
    path: string,
    fields: Record<string, string>,
    files: { name: string; type: string; data: Uint8Array }[],
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const file of files)
      form.append('files', new Blob([Buffer.from(file.data)], { type: file.type }), file.name);
    return jar.take(
      await app.request(path, { method: 'POST', headers: { cookie: jar.header() }, body: form }),
    );
  };
  const letter = { name: 'surat-balasan.pdf', type: 'application/pdf', data: PDF };

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    app = officerApp(h);
    client = pageClient(app);
  });
  afterEach(() => h.close());

  it('shows the file inputs in multipart forms to who may act', async () => {
    const html = await (await client.get(await as('budi'), `/petugas/tiket/${f.road}`)).text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('id="status-files"');
    expect(html).toContain('id="reply-files"');
    const watching = await (await client.get(await as('korbjm'), `/petugas/tiket/${f.road}`)).text();
    expect(watching).not.toContain('id="status-files"');
  });

  it('takes files with a status change only from those who may act on the ticket', async () => {
    const cases: [string | null, number, string | null, number][] = [
      ['admin', 303, 'ok', 1],
      ['korbjm', 303, 'read_only', 0],
      ['budi', 303, 'ok', 1],
      ['lain', 404, null, 0],
      [null, 401, null, 0],
    ];
    for (const [who, status, done, stored] of cases) {
      const number = who === 'admin' ? f.drain : f.road;
      const jar = await as(who);
      const csrf = who ? await csrfOf(jar, f.road) : 'x';
      const before = officerFiles(number).length;
      const res = await send(jar, `/petugas/tiket/${number}/status`, { status: 'diproses', csrf }, [letter]);
      expect(res.status, String(who)).toBe(status);
      if (done)
        expect(res.headers.get('location'), String(who)).toBe(`/petugas/tiket/${number}?done=${done}`);
      expect(officerFiles(number).length - before, String(who)).toBe(stored);
    }
  });

  it('records the file with its event, sends a reference to the citizen and links it in the history', async () => {
    const jar = await as('budi');
    const csrf = await csrfOf(jar, f.road);
    const res = await send(
      jar,
      `/petugas/tiket/${f.road}/status`,
      { status: 'selesai', message: 'Sudah diperbaiki.', csrf },
      [letter, { name: 'foto.png', type: 'image/png', data: PNG }],
    );
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=ok`);
    const files = officerFiles(f.road);
    expect(files.map((x) => [x.filename, x.mime, x.kind, x.officerId])).toEqual([
      ['surat-balasan.pdf', 'application/pdf', 'document', f.budi.id],
      ['foto.png', 'image/png', 'photo', f.budi.id],
    ]);
    const events = h.core.store.ticketEvents.forTicket(ticketId(f.road));
    const changed = events.filter((e) => e.type === 'status_changed').at(-1);
    expect(files.every((x) => x.eventId === changed?.id)).toBe(true);
    // The citizen's files are the complaint's alone: the officer's are not among them (nor forwarded).
    expect(h.core.store.attachments.ofTicket(ticketId(f.road))).toEqual([]);
    const sent = h.core.store.outbox.latest('telegram', 'warga-jalan', 10).find((e) => e.message.files);
    expect(sent?.message.files?.map((x) => [x.name, x.mime, x.size])).toEqual([
      ['surat-balasan.pdf', 'application/pdf', PDF.byteLength],
      ['foto.png', 'image/png', PNG.byteLength],
    ]);
    expect(JSON.stringify(sent?.message)).not.toContain('PDF-1.4');
    const page = await (await client.get(jar, `/petugas/tiket/${f.road}`)).text();
    const href = `/petugas/tiket/${f.road}/lampiran/${files[0]?.id}`;
    expect(page).toContain(href);
    const download = await client.get(jar, href);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect((await client.get(await as('lain'), href)).status).toBe(404);
  });

  it('refuses files by their bytes, size and count, and a form without its CSRF token; nothing is stored', async () => {
    const jar = await as('budi');
    const csrf = await csrfOf(jar, f.road);
    const fake = {
      name: 'surat.pdf',
      type: 'application/pdf',
      data: new Uint8Array(Buffer.from('MZ not a pdf')),
    };
    const big = { name: 'besar.pdf', type: 'application/pdf', data: new Uint8Array(10 * 1024 * 1024 + 1) };
    big.data.set(PDF);
    const cases: [{ name: string; type: string; data: Uint8Array }[], string][] = [
      [[fake], 'file_type'],
      [[{ name: 'a.gif', type: 'image/gif', data: new Uint8Array(Buffer.from('GIF89a...')) }], 'file_type'],
      [[big], 'file_too_large'],
      [[letter, letter, letter, letter], 'too_many_files'],
    ];
    for (const [files, done] of cases) {
      const res = await send(jar, `/petugas/tiket/${f.road}/balas`, { text: 'Terlampir.', csrf }, files);
      expect(res.headers.get('location'), done).toBe(`/petugas/tiket/${f.road}?done=${done}`);
    }
    expect(
      (await send(jar, `/petugas/tiket/${f.road}/balas`, { text: 'x', csrf: 'nope' }, [letter])).status,
    ).toBe(403);
    expect(officerFiles(f.road)).toEqual([]);
    const flash = await (await client.get(jar, `/petugas/tiket/${f.road}?done=file_type`)).text();
    expect(flash).toContain('Jenis berkas tidak diterima');
  });

  it('lets the citizen download a file of their own web chat, and nobody else', async () => {
    const conv = h.core.store.conversations.findOrCreate(
      'web',
      'warga-web-123',
      'intake',
      2,
      h.clock.now(),
    ).id;
    const r = h.core.tickets.file(
      complaint({
        category: 'infrastruktur',
        kabkotaCode: '63.71',
        kecamatanCode: null,
        story: 'Lampu jalan mati di Jl. Sudirman.',
      }),
      conv,
      true,
      h.clock.now(),
    );
    if (r.kind !== 'filed') throw new Error('not filed');
    const jar = await as('budi');
    const csrf = await csrfOf(jar, r.ticket);
    await send(jar, `/petugas/tiket/${r.ticket}/balas`, { text: 'Surat terlampir.', csrf }, [letter]);
    const cookie = { cookie: 'aduan_sid=warga-web-123' };
    const messages = await (await app.request('/api/chat/messages?after=0', { headers: cookie })).json();
    const withFile = messages.replies.find((m: { attachments?: unknown[] }) => m.attachments);
    expect(withFile.attachments).toEqual([
      { name: 'surat-balasan.pdf', mime: 'application/pdf', size: PDF.byteLength, url: expect.any(String) },
    ]);
    const url: string = withFile.attachments[0].url;
    const mine = await app.request(url, { headers: cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toContain('attachment');
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(PDF);
    expect((await app.request(url, { headers: { cookie: 'aduan_sid=someone-else-456' } })).status).toBe(404);
    expect((await app.request(url)).status).toBe(404);
  });
});
