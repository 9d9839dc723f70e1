// The officer's pictures reach the chats following a ticket (their tickets were merged into it) like its own
// citizen's: the same files on each follower's outbox row (names scrubbed of the reporter's name), sent by the
// outbox's file delivery, and downloadable from a follower's web chat, but not from a chat that does not follow the
// ticket. Documents (a reply letter, which may name the reporter) go to the ticket's own reporter only.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundFile, RenderedMessage } from '../../src/domain/reply.js';
import type { CheckedUpload } from '../../src/officers/answer-files.js';
import { withFiles } from '../../src/outbox/file-delivery.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { ROAD } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { type MergeFixture, mergeFixture } from '../helpers/merge-fixture.js';
import { officerApp } from '../helpers/officer-app.js';

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% surat balasan\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const quiet = { warn: () => {}, error: () => {} };

describe('an officer’s files to the followers of a merged ticket', () => {
  let h: Harness;
  let f: MergeFixture;
  const letter: CheckedUpload = { name: 'surat-balasan.pdf', mime: 'application/pdf', data: PDF };
  const photo: CheckedUpload = { name: 'foto Siti Aminah.png', mime: 'image/png', data: PNG };
  /** The files of the last message queued for a chat. */
  const filesTo = (chat: string, channel = 'telegram') =>
    h.core.store.outbox.latest(channel, chat, 1).at(-1)?.message.files ?? [];
  const ref = (x: OutboundFile) => [x.id, x.sha256, x.mime, x.size];

  beforeEach(() => {
    h = new Harness();
    f = mergeFixture(h);
    expect(h.core.actions.merge(f.budi, f.gap, f.twin)).toMatchObject({ ok: true });
    expect(h.core.actions.merge(f.budi, f.twin, f.road)).toMatchObject({ ok: true });
  });
  afterEach(() => h.close());

  it('puts the pictures, not the letter, on every follower’s message of a reply, through a chain of merges too', () => {
    const sent = h.core.actions.write(f.budi, f.road, 'reply', 'Surat terlampir.', [letter, photo]);
    expect(sent).toEqual({ ok: true });
    const own = filesTo(f.chats.road);
    expect(own.map((x) => x.name)).toEqual(['surat-balasan.pdf', 'foto Siti Aminah.png']);
    for (const chat of [f.chats.twin, f.chats.gap]) {
      expect(filesTo(chat).map(ref), chat).toEqual(own.filter((x) => x.mime === 'image/png').map(ref));
      // The reporter's name, scrubbed from the officer's words, is scrubbed from the file names too.
      expect(
        filesTo(chat).map((x) => x.name),
        chat,
      ).toEqual(['foto ….png']);
    }
    // Recorded once, with the ticket's event: the history lists each file once.
    const road = h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' });
    expect(h.core.store.answerFiles.ofTicket(road?.id ?? -1)).toHaveLength(2);
  });

  it('sends a status change’s files to the follower through the outbox’s file delivery, once each', async () => {
    const sent: string[] = [];
    const channel = withFiles(
      {
        channel: 'telegram',
        send: async (chat: string, m: RenderedMessage) => {
          sent.push(`${chat} text ${m.text.slice(0, 16)}`);
          return { platformMessageId: null };
        },
      },
      {
        fits: () => true,
        sendFile: async (chat, file, data) => {
          sent.push(`${chat} file ${file.name} ${data.byteLength}`);
          return null;
        },
      },
      {
        read: async (file) => new Uint8Array(await readFile(h.core.files.pathOf(file.sha256))),
        fallbackText: () => 'links',
      },
    );
    const sender = new OutboxSender(h.core.store.outbox, [channel], h.clock, quiet);
    await sender.drain();
    sent.length = 0;
    const say = { message: 'Sudah diperbaiki.', reason: null };
    const repaired = { ...photo, name: 'foto-perbaikan.png' };
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', say, [letter, repaired])).toEqual({
      ok: true,
    });
    await sender.drain();
    const picture = (chat: string) => `${chat} file foto-perbaikan.png ${PNG.byteLength}`;
    expect(sent.filter((s) => s.startsWith(`${f.chats.road} file`))).toEqual([
      `${f.chats.road} file surat-balasan.pdf ${PDF.byteLength}`,
      picture(f.chats.road),
    ]);
    for (const chat of [f.chats.twin, f.chats.gap])
      expect(
        sent.filter((s) => s.startsWith(`${chat} file`)),
        chat,
      ).toEqual([picture(chat)]);
  });

  it('lets a following web chat download the files it was sent, and no other chat', async () => {
    const conv = h.core.store.conversations.findOrCreate('web', 'warga-web-ikut', 'intake', 2, h.clock.now());
    const filed = h.core.tickets.file(
      complaint({ ...ROAD, story: 'Lubang besar di Jl. Veteran depan toko.' }),
      conv.id,
      true,
      h.clock.now(),
    );
    if (filed.kind !== 'filed') throw new Error('not filed');
    h.core.store.conversations.findOrCreate('web', 'warga-web-lain', 'intake', 2, h.clock.now());
    const app = officerApp(h);
    const url = (id: string) => `/api/chat/files/${id}`;
    const get = (chat: string, id: string) =>
      app.request(url(id), { headers: { cookie: `aduan_sid=${chat}` } });
    // A file sent before this chat followed the ticket is not its to download.
    h.core.actions.write(f.budi, f.road, 'reply', 'Foto lokasi.', [photo]);
    const before = filesTo(f.chats.road)[0]?.id ?? '';
    expect(h.core.actions.merge(f.budi, filed.ticket, f.road)).toMatchObject({ ok: true });
    h.core.actions.write(f.budi, f.road, 'reply', 'Sudah diperbaiki.', [{ ...photo, name: 'sesudah.png' }]);
    const [file] = filesTo('warga-web-ikut', 'web');
    expect(file?.name).toBe('sesudah.png');
    const mine = await get('warga-web-ikut', file?.id ?? '');
    expect(mine.status).toBe(200);
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(PNG);
    expect((await get('warga-web-lain', file?.id ?? '')).status).toBe(404);
    expect((await get('warga-web-ikut', before)).status).toBe(404);
    expect((await app.request(url(file?.id ?? ''))).status).toBe(404);
  });
});
