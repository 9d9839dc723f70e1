// "Data saya" and "hapus data saya" end to end through the real runtime and SQLite, on WhatsApp Cloud and Telegram: a
// biasa ticket with name, NIK and phone (typed in the story too) and photos, then erased; every column of every table
// (FTS shadow tables and the index's vocabulary too) is searched for the person, and the file store for orphans.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../src/domain/reply.js';
import { maskNik } from '../../src/understand/nik.js';
import { maskPhone } from '../../src/understand/phone.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';

type Chat = { channel: 'wacloud' | 'telegram'; chatId: string; channelPhone?: string };

const NAME = 'Jumberi Kasmudin';
const NIK = '6371045708900002';
const PHONE = '+6281355557777';
const STORY =
  'Selamat pagi. Nama saya Jumberi Kasmudin, NIK 6371 0457 0890 0002, HP 0813-5555-7777. KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.';
/** A photo both citizens send (one file, two tickets) and one only the first sends. */
const SHARED_PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const OWN_PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9, 9]);

/** The person in any form: name (whole or a part), NIK (plain, grouped, masked), phone (08…, 62…, +62…, masked). */
function needles(chat: Chat): { name: string; re: RegExp }[] {
  const spaced = (digits: string) => new RegExp(digits.split('').join('[\\s.\\-]?'));
  return [
    { name: 'name', re: /jumberi|kasmudin/i },
    { name: 'nik', re: spaced(NIK) },
    { name: 'nik masked', re: new RegExp(maskNik(NIK).replace(/\*/g, '\\*')) },
    { name: 'nik first/last digits', re: /6371[*•x]{4,}\d{0,4}02|[*•x]{4,}0002/i },
    { name: 'phone', re: spaced('81355557777') },
    { name: 'phone masked', re: new RegExp(maskPhone(PHONE).replace(/[*+]/g, '\\$&')) },
    { name: 'phone masked, any', re: /813[*•x]{2,}7777/i },
    { name: 'chat id', re: new RegExp(chat.chatId) },
  ];
}

/** Every table in sqlite_master, every column of every row (BLOBs read as text both ways): where a needle is found. */
function foundIn(h: Harness, chat: Chat): string[] {
  const db = h.core.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all().map(String);
  const hits = new Set<string>();
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const texts =
          value instanceof Uint8Array
            ? [Buffer.from(value).toString('latin1'), Buffer.from(value).toString('utf8')]
            : value === null
              ? []
              : [String(value)];
        for (const text of texts)
          for (const n of needles(chat)) if (n.re.test(text)) hits.add(`${table}.${column}: ${n.name}`);
      }
    }
  }
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'ticket_search', 'row')");
  const terms = db.prepare('SELECT term FROM temp.vocab').pluck().all().map(String);
  for (const term of ['jumberi', 'kasmudin', NIK, '0457', '0890', '0813', '5555', '7777', chat.chatId])
    if (terms.includes(term)) hits.add(`ticket_search vocabulary: ${term}`);
  return [...hits].sort();
}

function filesOnDisk(dir: string): string[] {
  const root = join(dir, 'attachments');
  try {
    return readdirSync(root).flatMap((sub) => readdirSync(join(root, sub)));
  } catch {
    return [];
  }
}

describe.each<Chat>([
  { channel: 'wacloud', chatId: '6281355557777', channelPhone: PHONE },
  { channel: 'telegram', chatId: '5550123987' },
])('erasure on $channel', (chat) => {
  let h: Harness;
  let seq = 0;
  const other: Chat = { channel: 'telegram', chatId: '7001112223' };

  /** One message through the runtime, its replies marked sent as the platform would (ids shaped like its own). */
  const send = (to: Chat, said: string | Uint8Array<ArrayBuffer>): RenderedMessage[] => {
    seq++;
    const key = to.channel === 'telegram' ? `${to.chatId}:${seq}` : `wamid.${to.chatId}.${seq}`;
    const res = h.core.runtime.handle({
      channel: to.channel,
      chatId: to.chatId,
      messageId: key,
      ...(typeof said === 'string'
        ? { text: said }
        : { media: [{ kind: 'photo', mime: 'image/jpeg', filename: 'bukti.jpg', data: said }] }),
      ...(to.channelPhone ? { channelPhone: to.channelPhone } : {}),
    });
    for (const o of res.outgoing) {
      const platformId = to.channel === 'telegram' ? String(o.id) : `wamid.out.${to.chatId}.${o.id}`;
      h.core.store.outbox.markSent(o.id, h.clock.now(), platformId);
      if (to.channel === 'wacloud') h.core.store.waCloud.recordStatus(platformId, 'delivered', h.clock.now());
    }
    return res.outgoing.map((o) => o.message);
  };

  /** A biasa complaint answered as asked; the ticket number from the receipt. */
  const file = (
    to: Chat,
    story: string,
    photos: Uint8Array<ArrayBuffer>[],
    who: { name: string; nik: string; phone: string },
  ) => {
    send(to, 'halo');
    send(to, 'ya');
    let replies = send(to, story);
    for (const p of photos) replies = send(to, p);
    const answers: Record<string, string> = {
      story: 'selesai',
      confirm_guess: 'benar',
      prior_report: 'belum',
      expectation: 'KTP saya segera dicetak',
      evidence: 'lewati',
      identity_mode: '1',
      name: who.name,
      nik: who.nik,
      phone: who.phone,
      confirm: 'kirim',
    };
    for (let i = 0; i < 20; i++) {
      const answer = answers[replies.at(-1)?.expecting ?? ''];
      if (!answer) break;
      replies = send(to, answer);
    }
    const number = /ADU-\d{4}-[0-9A-Z]{4}/.exec(replies.map((r) => r.text).join('\n'))?.[0];
    if (!number) throw new Error(`no ticket: ${replies.map((r) => r.text).join(' | ')}`);
    return number;
  };

  let mine = '';
  let theirs = '';

  beforeEach(() => {
    h = new Harness();
    seq = 0;
    if (chat.channel === 'wacloud') {
      h.core.store.waCloud.chatFor({ phone: chat.chatId });
      h.core.store.waCloud.recordInbound(chat.chatId, h.clock.now());
    }
    mine = file(chat, STORY, [SHARED_PHOTO, OWN_PHOTO], { name: NAME, nik: NIK, phone: '0813-5555-7777' });
    theirs = file(
      other,
      'KTP-el saya belum jadi sejak 2 bulan lalu di Disdukcapil Kota Banjarmasin.',
      [SHARED_PHOTO],
      { name: 'Siti Rahmah', nik: '6371045708900001', phone: '0812-3456-7890' },
    );
  });
  afterEach(() => h.close());

  it('shows what it keeps about this chat, NIK and phone masked, and how to erase it', () => {
    const [shown] = send(chat, 'data saya');
    const text = shown?.text ?? '';
    expect(text).toContain(mine);
    expect(text).not.toContain(theirs);
    expect(text).toContain('Biasa');
    expect(text).toContain(`nama ${NAME}`);
    expect(text).toContain(maskNik(NIK));
    expect(text).not.toContain(NIK);
    expect(text).toContain(maskPhone(PHONE));
    expect(text).toContain('lampiran: 2');
    expect(text).toContain('730 hari');
    expect(text).toContain('*hapus data saya*');
    expect(text).toContain(
      chat.channel === 'wacloud' ? `WhatsApp ${maskPhone(PHONE)}` : 'Telegram, chat …3987',
    );
    expect(text).not.toContain(chat.chatId);
  });

  it('erases, after a confirmation, every trace of the person; keeps the complaint, the other ticket and its file', () => {
    const before = foundIn(h, chat);
    expect(before.length).toBeGreaterThan(5);
    const [question] = send(chat, 'hapus data saya');
    expect(question?.expecting).toBe('cancel_confirm');
    expect(question?.text).toContain('YA HAPUS');
    const [done] = send(chat, 'YA HAPUS');
    expect(done?.text).toContain(`dihapus dari pengaduan ${mine}`);
    expect(done?.text).toContain('UU 43/2009');
    expect(done?.text).toContain('paling lama sekitar 7 hari');
    // The last message left: the sweep lets go of the address it still needed.
    expect(h.core.retention.sweep().chats).toBe(1);

    expect(foundIn(h, chat)).toEqual([]);

    const complaint = h.complaints().find((c) => c.number === mine);
    const kept = h.complaints().find((c) => c.number === theirs)?.complaint;
    expect(complaint?.complaint).toMatchObject({
      identityMode: 'anonim',
      identityErased: 'citizen',
      name: null,
      nik: null,
      phone: null,
      attachments: [],
      expectation: 'KTP saya segera dicetak',
      category: 'adminduk',
    });
    expect(String((complaint?.complaint as { story: string }).story)).toContain(
      'KTP-el saya belum selesai dicetak',
    );
    expect(complaint?.conversationId).toBeNull();
    expect(kept).toMatchObject({ name: 'Siti Rahmah' });

    // The shared photo stays for the other ticket; the own one is gone; no file without a row.
    const rows = h.core.db.prepare('SELECT sha256 FROM attachments').pluck().all().map(String);
    const onDisk = filesOnDisk(h.dir);
    expect(onDisk.sort()).toEqual([...new Set(rows)].sort());
    expect(onDisk).toHaveLength(1);
    const theirsId = h.core.db.prepare('SELECT id FROM tickets WHERE number = ?').pluck().get(theirs);
    expect(h.core.store.attachments.ofTicket(Number(theirsId))).toHaveLength(1);

    const audit = h.core.db
      .prepare("SELECT data FROM audit_events WHERE type = 'data.erased'")
      .pluck()
      .all()
      .map((d) => JSON.parse(String(d)));
    expect(audit).toEqual([{ tickets: [mine], files: 2, messages: expect.any(Number) }]);
  });

  it('starts a later message from the same chat afresh', () => {
    send(chat, 'hapus data saya');
    send(chat, 'ya');
    const [greeting] = send(chat, 'halo');
    expect(greeting?.expecting).toBe('consent');
    const [status] = send(chat, 'status');
    expect(status?.text).toContain('Belum ada pengaduan dari chat ini.');
  });

  it('shows the agency the complaint without the reporter, and why', async () => {
    send(chat, 'hapus data saya');
    send(chat, 'ya hapus');
    const admin = accountWithSession(h, 'admin', 'admin', null);
    const res = await officerApp(h).request(`/petugas/tiket/${mine}`, {
      headers: { cookie: `__Host-aduan_petugas=${admin.cookie}` },
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Identitas dihapus atas permintaan pelapor');
    expect(html).toContain('dihapus atas permintaan pelapor');
    expect(html).toContain('KTP-el saya belum selesai dicetak');
    expect(html).not.toMatch(/jumberi|kasmudin/i);
    expect(html).not.toContain('0813');
  });
});
