// The service `npm run screenshots` pictures: the transcript dialogues' complaints and a few invented duplicates,
// filed through the harness over the last days, and an officers' day on them (assignment, a template answer with a
// PDF at selesai, a merge, hand-offs), each leaving its audit entries. Only invented people, anonim where they file.
import type { Officer, OfficerRole } from '../../src/domain/officer.js';
import { TO_BE_FILLED, renderTemplate } from '../../src/domain/response-template.js';
import { witaDate } from '../../src/domain/wita.js';
import { formatDate, t } from '../../src/i18n/locales.js';
import { checkUploads } from '../../src/officers/answer-files.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { TemplateEdits } from '../../src/officers/template-edits.js';
import { Harness } from '../../test/helpers/harness.js';
import { DIALOGUES } from '../../test/transcripts/dialogues.js';
import { fileComplaint, readReceipt } from './showcase-citizen.js';

export const PASSWORD = 'sandi-contoh-panjang';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PUPR = '6371-pupr';
const PDF = new TextEncoder().encode('%PDF-1.4\n% Surat balasan Dinas PUPR Kota Banjarmasin\n%%EOF\n');

export type Showcase = {
  /** The PUPR road ticket the officers worked on, and its status PIN from the receipt. */
  featured: { number: string; pin: string };
  /** The hand-off still waiting for someone (a citizen mid-intake). */
  openHandoff: number;
};

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`screenshots: ${what}`);
  return value;
}

function ok(result: { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`screenshots: ${what} failed: ${JSON.stringify(result)}`);
}

/** Fills a fresh data folder `dir`; the harness's clock ends a few minutes before now. */
export function fill(dir: string): Showcase {
  const h = new Harness({ dir, at: Date.now() - 6 * DAY });
  const { store, actions } = h.core;
  const account = (username: string, name: string, role: OfficerRole, agencies: string[]): Officer => {
    const id = store.officers.add(
      { username, name, role, passwordHash: hashPassword(PASSWORD), agencies },
      h.clock.now(),
    );
    return must(store.officers.get(id), `could not create ${username}`);
  };
  const admin = account('admin', 'Admin Aduan', 'admin', []);
  const pupr = account('pupr', 'Rahmat (PUPR Banjarmasin)', 'officer', [PUPR]);
  const sari = account('sari', 'Sari (PUPR Banjarmasin)', 'officer', [PUPR]);
  account('korbjm', 'Koordinator Pengaduan Banjarmasin', 'supervisor', ['6371-koordinator']);

  const receipts = new Map<string, { number: string; pin: string }>();
  let chat = 0;
  for (const dialogue of DIALOGUES.filter((d) => d.complaint)) {
    chat++;
    for (const turn of dialogue.turns)
      if ('say' in turn)
        for (const reply of h.say(`warga-${chat}`, turn.say)) {
          const receipt = readReceipt(reply.text);
          if (receipt) receipts.set(receipt.number, receipt);
        }
    h.clock.advance(7 * HOUR);
  }
  const tickets = store.ticketInbox.inbox({ kind: 'all' });
  const road = must(
    tickets.find((t) => t.agencyId === PUPR),
    'no PUPR ticket among the dialogues',
  ).number;
  const featured = must(receipts.get(road), `no receipt with a PIN for ${road}`);

  // Other citizens of the same street and town: a duplicate to merge, a similar one left open, two more for PUPR.
  const invented = (name: string, story: string, place: string) => {
    const filed = fileComplaint(h, name, { story, place });
    h.clock.advance(2 * HOUR);
    return filed.number;
  };
  const twin = invented(
    'warga-kembar',
    'jln sultan adam dkt masjid rusak parah, byk lubang, udh 2 bln gk dibenerin',
    'jl. sultan adam dkt masjid, kec. banjarmasin utara',
  );
  const similar = invented(
    'warga-serupa',
    'jalan sultan adam rusak parah banyak lubang dekat masjid, motor sering jatuh',
    'jl. sultan adam, kec. banjarmasin utara',
  );
  const drain = invented(
    'warga-got',
    'drainase di jl. pramuka mampet, tiap hujan air naik ke jalan dan rumah warga',
    'jl. pramuka, kec. banjarmasin timur',
  );
  const lamp = invented(
    'warga-lampu',
    'lampu jalan di jl. veteran mati semua sudah sebulan, malam gelap sekali',
    'jl. veteran, kec. banjarmasin tengah',
  );

  // The other agencies' tickets move on first: the PUPR officer's day is the newest part of the audit log.
  for (const [i, ticket] of tickets.entries()) {
    if (ticket.agencyId === PUPR) continue;
    if (i % 3 === 0)
      actions.changeStatus(admin, ticket.number, 'diverifikasi', { message: null, reason: null });
    if (i % 4 === 1)
      actions.changeStatus(admin, ticket.number, 'selesai', {
        message: 'Sudah ditindaklanjuti oleh petugas di lapangan.',
        reason: null,
      });
  }

  ok(actions.changeStatus(pupr, road, 'diverifikasi', { message: null, reason: null }), 'diverifikasi');
  ok(actions.assign(pupr, road, pupr.id), 'taking the road ticket');
  ok(
    actions.write(pupr, road, 'note', 'Sudah dicek di peta: ruas milik kota. Masuk jadwal tambal bulan ini.'),
    'the note',
  );
  h.clock.advance(3 * HOUR);
  ok(
    actions.changeStatus(pupr, road, 'diproses', {
      message: 'Tim kami sudah survei lokasi. Penambalan dijadwalkan minggu depan.',
      reason: null,
    }),
    'diproses',
  );
  ok(actions.merge(pupr, twin, road, 'Lokasi sama: Jl. Sultan Adam dekat masjid.'), 'the merge');
  ok(actions.assign(admin, drain, pupr.id), 'giving the drain ticket');
  ok(actions.assign(admin, lamp, sari.id), 'giving the lamp ticket');
  const roadChat = must(chatOf(h, road), 'the road ticket has no chat');
  h.say(roadChat, 'Terima kasih pak, ditunggu');
  h.say(roadChat, 'tambahkan');
  h.clock.advance(DAY);

  const template = new TemplateEdits({ store, directory: h.core.directory, clock: h.clock }).save(
    admin,
    null,
    {
      agencyId: PUPR,
      status: 'selesai',
      title: 'Perbaikan jalan selesai',
      body:
        'Pengaduan {nomor} tentang {kategori} sudah ditindaklanjuti: perbaikan selesai pada {tanggal}. ' +
        'Surat balasan {instansi} terlampir. Terima kasih atas laporan Anda. Salam, {petugas}.',
    },
  );
  if (!template.ok) throw new Error(`screenshots: the template was refused: ${template.problem}`);
  const body = must(store.responseTemplates.get(template.id), 'the saved template').body;
  const message = renderTemplate(body, {
    nomor: road,
    instansi: must(h.core.directory.agency(PUPR), 'PUPR in the directory').name,
    kategori: t('id', 'category.infrastruktur'),
    petugas: pupr.name ?? pupr.username,
  }).replace(TO_BE_FILLED, formatDate('id', witaDate(h.clock.now() - DAY), 'day'));
  const letter = checkUploads([{ name: 'surat-balasan-pupr.pdf', type: 'application/pdf', data: PDF }], 10e6);
  if (!letter.ok) throw new Error(`screenshots: the PDF was refused: ${letter.problem}`);
  ok(actions.changeStatus(pupr, road, 'selesai', { message, reason: null }, letter.files), 'selesai');

  // Hand-offs asked for just before the pictures, so that none has timed out: one mid-intake, still waiting, and
  // one of a citizen with an open ticket, taken and answered by the admin.
  h.clock.set(Math.max(h.clock.now(), Date.now() - 15 * 60_000));
  h.say('warga-lampu', 'mau bicara dengan petugas');
  h.clock.advance(60_000);
  const taken = must(handoffOf(h, admin, 'warga-lampu'), 'no hand-off for warga-lampu');
  ok(h.core.handoffs.take(admin, taken), 'taking the hand-off');
  ok(
    h.core.handoffs.reply(
      admin,
      taken,
      'Selamat siang, saya admin pengaduan. Tiket Anda sudah di Dinas PUPR.',
    ),
    'the hand-off reply',
  );
  h.clock.advance(4 * 60_000);
  for (const said of [
    'halo',
    'ya',
    'lampu penerangan jalan di jl. a. yani km 4 banjarmasin mati semua sudah seminggu',
    'mau bicara dengan petugas',
    'soalnya sudah 2x lapor ke kelurahan tp blm ada tindak lanjut',
    'tolong dibantu ya pak',
  ]) {
    h.say('warga-bicara', said);
    h.clock.advance(60_000);
  }
  const openHandoff = must(handoffOf(h, admin, 'warga-bicara'), 'no hand-off for warga-bicara');
  h.close();
  return { featured, openHandoff };
}

/** The chat id of the citizen who filed ticket `number`. */
function chatOf(h: Harness, number: string): string | null {
  const conv = h.complaints().find((c) => c.number === number)?.conversationId ?? null;
  return conv === null ? null : (h.core.store.conversations.get(conv)?.chatId ?? null);
}

/** The live hand-off of a chat, as the admin's queue shows it. */
function handoffOf(h: Harness, admin: Officer, chat: string): number | null {
  const conv = h.core.store.conversations.find('simulate', chat)?.id;
  return h.core.handoffs.queue(admin).find((x) => x.conversationId === conv)?.id ?? null;
}
