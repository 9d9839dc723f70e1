// `npm run screenshots`: the README's pictures of the officers' workspace (inbox, ticket page, a phone), taken with
// Debian's chromium from a service filled with the transcript dialogues' complaints in a temporary data folder.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { buildService } from '../src/app/service.js';
import type { OfficerRole } from '../src/domain/officer.js';
import { hashPassword } from '../src/officers/passwords.js';
import { CHROMIUM_PATH, hasChromium, launchChromium, phoneContext } from '../test/helpers/browser.js';
import { Harness } from '../test/helpers/harness.js';
import { DIALOGUES } from '../test/transcripts/dialogues.js';

const OUT = join(process.cwd(), 'docs', 'screenshots');
const PASSWORD = 'sandi-contoh-panjang';
const DAY = 24 * 3600_000;

/** Files every complete transcript dialogue, a few hours apart over the last days, and acts on some as officers. */
function fill(dir: string): { featured: string } {
  const h = new Harness({ dir, at: Date.now() - 6 * DAY });
  const account = (username: string, name: string, role: OfficerRole, agencies: string[]) => {
    const id = h.core.store.officers.add(
      { username, name, role, passwordHash: hashPassword(PASSWORD), agencies },
      h.clock.now(),
    );
    const officer = h.core.store.officers.get(id);
    if (!officer) throw new Error(`could not create ${username}`);
    return officer;
  };
  const admin = account('admin', 'Admin Aduan', 'admin', []);
  const pupr = account('pupr', 'Rahmat (PUPR Banjarmasin)', 'officer', ['6371-pupr']);
  let chat = 0;
  for (const dialogue of DIALOGUES.filter((d) => d.complaint)) {
    chat++;
    for (const turn of dialogue.turns) if ('say' in turn) h.say(`warga-${chat}`, turn.say);
    h.clock.advance(7 * 3600_000);
  }
  const tickets = h.core.store.ticketInbox.inbox({ kind: 'all' });
  const road = tickets.find((t) => t.agencyId === '6371-pupr');
  if (!road) throw new Error('no PUPR ticket among the dialogues');
  const act = h.core.actions;
  act.changeStatus(pupr, road.number, 'diverifikasi', { message: null, reason: null });
  act.write(
    pupr,
    road.number,
    'note',
    'Sudah dicek di peta: ruas milik kota. Masuk jadwal tambal bulan ini.',
  );
  h.clock.advance(3 * 3600_000);
  act.changeStatus(pupr, road.number, 'diproses', {
    message: 'Tim kami sudah survei lokasi. Penambalan dijadwalkan minggu depan.',
    reason: null,
  });
  h.say(`warga-${chatOf(h, road.number)}`, 'Terima kasih pak, ditunggu');
  h.say(`warga-${chatOf(h, road.number)}`, 'tambahkan');
  for (const [i, t] of tickets.entries()) {
    if (t.number === road.number) continue;
    if (i % 3 === 0) act.changeStatus(admin, t.number, 'diverifikasi', { message: null, reason: null });
    if (i % 4 === 1)
      act.changeStatus(admin, t.number, 'selesai', {
        message: 'Sudah ditindaklanjuti oleh petugas di lapangan.',
        reason: null,
      });
  }
  h.close();
  return { featured: road.number };
}

/** The chat number of a ticket filed by `warga-N`. */
function chatOf(h: Harness, number: string): number {
  const conv = h.complaints().find((c) => c.number === number)?.conversationId ?? null;
  const row = conv === null ? null : h.core.store.conversations.get(conv);
  return Number(row?.chatId.replace('warga-', '') ?? 0);
}

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/petugas/masuk`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/petugas`), page.click('button[type="submit"]')]);
}

async function main(): Promise<void> {
  if (!hasChromium) {
    console.error(`no browser at ${CHROMIUM_PATH}: apt-get install chromium`);
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'aduan-screenshots-'));
  const { featured } = fill(dir);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const service = buildService({ config, log: createLogger('error') });
  let browser: Browser | null = null;
  try {
    await service.start();
    const base = `http://127.0.0.1:${service.port}`;
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    const laptop = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' })
    ).newPage();
    await signIn(laptop, base, 'admin');
    await laptop.screenshot({ path: join(OUT, 'inbox.png') });
    await signIn(await laptop.context().newPage(), base, 'pupr');
    const ticket = await laptop.context().newPage();
    await ticket.setViewportSize({ width: 1280, height: 800 });
    await ticket.goto(`${base}/petugas/tiket/${featured}`);
    await ticket.screenshot({ path: join(OUT, 'ticket.png'), fullPage: true });
    const phone = await (await phoneContext(browser)).newPage();
    await signIn(phone, base, 'pupr');
    await phone.screenshot({ path: join(OUT, 'phone-inbox.png') });
    await phone.goto(`${base}/petugas/tiket/${featured}`);
    await phone.screenshot({ path: join(OUT, 'phone-ticket.png') });
    console.log(
      JSON.stringify({
        written: ['inbox.png', 'ticket.png', 'phone-inbox.png', 'phone-ticket.png'].map((f) =>
          join('docs', 'screenshots', f),
        ),
        ticket: featured,
      }),
    );
  } finally {
    await browser?.close();
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
