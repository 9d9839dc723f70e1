// GET /files/:id through app.request: signed and unexpired links download a ticket's file, nothing else does.
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { signAttachmentUrl } from '../../src/forwarding/signed-links.js';
import { fileLinks, readTicketFile } from '../../src/http/file-links.js';
import { Attachments } from '../../src/storage/attachments.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';

const SECRET = 's'.repeat(32);
const NOW = Date.parse('2026-11-03T06:05:00Z');
const HOUR = 3_600_000;

describe('file links', () => {
  let dir: string;
  let db: Db;
  let files: FileStore;
  let attachments: Attachments;
  let clock: ManualClock;
  let app: Hono;
  const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-files-'));
    db = openDb(':memory:');
    files = new FileStore(dir);
    attachments = new Attachments(db);
    clock = new ManualClock(NOW);
    const conversation = Number(
      db
        .prepare(
          `INSERT INTO conversations (channel, chat_id, flow, flow_version, state, snapshot, created_at, updated_at)
           VALUES ('web', 'c1', 'intake', 1, 'done', 'null', 0, 0)`,
        )
        .run().lastInsertRowid,
    );
    const complaint = db
      .prepare(
        `INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at)
         VALUES ('{}', 'kesehatan', '63.03', 'biasa', 0)`,
      )
      .run().lastInsertRowid;
    const ticket = Number(
      db
        .prepare(
          `INSERT INTO tickets (number, complaint_id, conversation_id, status, due_date, created_at, updated_at)
           VALUES ('ADU-2611-4K7Q', ?, ?, 'baru', '2026-11-17', 0, 0)`,
        )
        .run(complaint, conversation).lastInsertRowid,
    );
    const stored = files.put(photo);
    const record = (id: string, filename: string | null) => ({
      id,
      sha256: stored.sha256,
      kind: 'photo',
      mime: 'image/jpeg',
      size: stored.size,
      filename,
    });
    attachments.add(record('a1', 'foto antrean "loket".jpg'), conversation, 0);
    attachments.add(record('a2', null), conversation, 0);
    attachments.add(record('draft', 'draf.jpg'), conversation, 0);
    attachments.linkToTicket(['a1', 'a2'], ticket, conversation);
    app = fileLinks({ secret: SECRET, files, attachments, clock });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const link = (id: string, expiresAt = NOW + HOUR) =>
    signAttachmentUrl({ baseUrl: 'http://localhost', secret: SECRET, attachmentId: id, expiresAt });

  it('serves the bytes as a download with the stored type, never sniffed or cached', async () => {
    const res = await app.request(link('a1'));
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(photo);
    const expected = {
      'content-type': 'image/jpeg',
      'content-length': String(photo.byteLength),
      'content-disposition': `attachment; filename="foto antrean _loket_.jpg"; filename*=UTF-8''foto%20antrean%20%22loket%22.jpg`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    };
    for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name)).toBe(value);
    const unnamed = await app.request(link('a2'));
    expect(unnamed.headers.get('content-disposition')).toBe(
      `attachment; filename="lampiran-a2.jpeg"; filename*=UTF-8''lampiran-a2.jpeg`,
    );
  });

  it('answers 403 to a missing or altered signature and 410 once the link expired', async () => {
    expect((await app.request('/files/a1')).status).toBe(403);
    expect((await app.request(link('a1').replace(/sig=.*/, `sig=${'A'.repeat(43)}`))).status).toBe(403);
    expect((await app.request(link('a1').replace('/files/a1', '/files/a2'))).status).toBe(403);
    const later = link('a1');
    clock.advance(HOUR);
    const expired = await app.request(later);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ error: 'expired' });
  });

  it('answers 404 to an unknown id, a file of a draft and a file gone from disk, even when signed', async () => {
    expect((await app.request(link('nope'))).status).toBe(404);
    expect((await app.request(link('draft'))).status).toBe(404);
    unlinkSync(files.pathOf(attachments.findOfTicket('a1')?.sha256 ?? ''));
    expect((await app.request(link('a1'))).status).toBe(404);
  });

  it('finds only files that belong to a ticket, and reads them by id for e-mail attachments too', async () => {
    expect(attachments.findOfTicket('a1')).toMatchObject({
      id: 'a1',
      mime: 'image/jpeg',
      filename: 'foto antrean "loket".jpg',
    });
    expect(attachments.findOfTicket('draft')).toBeNull();
    expect(attachments.findOfTicket('nope')).toBeNull();
    expect((await readTicketFile({ files, attachments }, 'a1'))?.data).toEqual(Buffer.from(photo));
    expect(await readTicketFile({ files, attachments }, 'draft')).toBeNull();
  });

  it('refuses to start with a secret anyone could guess', () => {
    expect(() => fileLinks({ secret: '', files, attachments, clock })).toThrow(/at least 32/);
  });
});
