// Officers' files through the JSON API: multipart/form-data on POST /api/v1/tickets/{number}/replies and /status,
// per account (admin, a watching supervisor, the agency's officer, another agency's officer, no token), refusals by
// the bytes, size and count (after the scope's 404), the JSON bodies unchanged, and the OpenAPI document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { bearer, issueTokens } from '../helpers/api-client.js';
import { type AssignmentFixture, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% surat balasan\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
type Part = { name: string; type: string; data: Uint8Array };
const letter: Part = { name: 'surat-balasan.pdf', type: 'application/pdf', data: PDF };

describe('api v1: files with an answer', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};

  const ticketId = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1;
  const officerFiles = (number: string) => h.core.store.answerFiles.ofTicket(ticketId(number));
  const post = (who: string | null, path: string, fields: Record<string, string>, files: Part[]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const file of files)
      form.append('files', new Blob([Buffer.from(file.data)], { type: file.type }), file.name);
    return app.request(`/api/v1/tickets${path}`, {
      method: 'POST',
      headers: bearer(tokens, who),
      body: form,
    });
  };
  const code = async (res: Response) => (await res.json()).error?.code;

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain'], tokens);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('takes a reply with files only from those who may act on the ticket', async () => {
    const cases: [string | null, number, string | null, number][] = [
      [null, 401, 'unauthorized', 0],
      ['lain', 404, 'not_found', 0],
      ['korbjm', 409, 'read_only', 0],
      ['budi', 201, null, 1],
      ['admin', 201, null, 1],
    ];
    for (const [who, status, error, stored] of cases) {
      const before = officerFiles(f.road).length;
      const res = await post(who, `/${f.road}/replies`, { text: 'Surat balasan terlampir.' }, [letter]);
      expect(res.status, String(who)).toBe(status);
      if (error) expect(await code(res), String(who)).toBe(error);
      else expect(await res.json()).toEqual({ number: f.road });
      expect(officerFiles(f.road).length - before, String(who)).toBe(stored);
    }
  });

  it('changes the status with files, recorded with the event and sent to the citizen', async () => {
    const matrix: [string | null, number][] = [
      [null, 401],
      ['lain', 404],
      ['korbjm', 409],
    ];
    for (const [who, status] of matrix) {
      const res = await post(who, `/${f.road}/status`, { status: 'diproses' }, [letter]);
      expect(res.status, String(who)).toBe(status);
    }
    expect(officerFiles(f.road)).toEqual([]);
    const res = await post('budi', `/${f.road}/status`, { status: 'selesai', message: 'Sudah diperbaiki.' }, [
      letter,
      { name: 'foto.png', type: 'image/png', data: PNG },
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ number: f.road, status: 'selesai' });
    const files = officerFiles(f.road);
    expect(files.map((x) => [x.filename, x.mime, x.officerId])).toEqual([
      ['surat-balasan.pdf', 'application/pdf', f.budi.id],
      ['foto.png', 'image/png', f.budi.id],
    ]);
    const changed = h.core.store.ticketEvents
      .forTicket(ticketId(f.road))
      .filter((e) => e.type === 'status_changed')
      .at(-1);
    expect(files.every((x) => x.eventId === changed?.id)).toBe(true);
    const sent = h.core.store.outbox.latest('telegram', 'warga-jalan', 10).find((e) => e.message.files);
    expect(sent?.message.files?.map((x) => x.name)).toEqual(['surat-balasan.pdf', 'foto.png']);
    const admin = await post('admin', `/${f.drain}/status`, { status: 'diproses' }, [letter]);
    expect(admin.status).toBe(200);
  });

  it('refuses files by their bytes, size and count (422) after the scope (404); nothing is stored', async () => {
    const big: Part = {
      name: 'besar.pdf',
      type: 'application/pdf',
      data: new Uint8Array(10 * 1024 * 1024 + 1),
    };
    big.data.set(PDF);
    const cases: [Part[], string][] = [
      [
        [{ name: 'surat.pdf', type: 'application/pdf', data: new Uint8Array(Buffer.from('MZ not a pdf')) }],
        'file_type',
      ],
      [[{ name: 'a.gif', type: 'image/gif', data: new Uint8Array(Buffer.from('GIF89a...')) }], 'file_type'],
      [[big], 'file_too_large'],
      [[letter, letter, letter, letter], 'too_many_files'],
    ];
    for (const [files, problem] of cases) {
      const res = await post('budi', `/${f.road}/replies`, { text: 'Terlampir.' }, files);
      expect(res.status, problem).toBe(422);
      expect(await code(res), problem).toBe(problem);
      expect((await post('lain', `/${f.road}/replies`, { text: 'x' }, files)).status).toBe(404);
    }
    const noStatus = await post('budi', `/${f.road}/status`, {}, [letter]);
    expect(noStatus.status).toBe(422);
    expect(officerFiles(f.road)).toEqual([]);
  });

  it('still takes JSON bodies, and an empty request is a 422', async () => {
    const res = await app.request(`/api/v1/tickets/${f.road}/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.budi}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Sedang kami tangani.' }),
    });
    expect(res.status).toBe(201);
    const empty = await app.request(`/api/v1/tickets/${f.road}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.budi}` },
    });
    expect(empty.status).toBe(422);
    expect(await code(empty)).toBe('invalid_request');
  });

  it('lists multipart bodies with binary files in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    for (const path of ['/v1/tickets/{number}/replies', '/v1/tickets/{number}/status']) {
      const content = doc.paths[path].post.requestBody.content;
      expect(Object.keys(content).sort(), path).toEqual(['application/json', 'multipart/form-data']);
      const schema = JSON.stringify(doc.components.schemas);
      expect(schema).toContain('"format":"binary"');
    }
    expect(doc.paths['/v1/tickets/{number}/notes'].post).toBeDefined();
  });
});
