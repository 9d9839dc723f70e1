// `npm run screenshots`: the README's pictures of the officers' workspace and the citizens' status page, taken with
// Debian's chromium from a service filled with an officers' day (`scripts/lib/showcase-fill.ts`) in a temporary folder.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { buildService } from '../src/app/service.js';
import {
  CHROMIUM_PATH,
  hasChromium,
  launchChromium,
  phoneContext,
  signInPage,
} from '../test/helpers/browser.js';
import { PASSWORD, fill } from './lib/showcase-fill.js';

const OUT = join(process.cwd(), 'docs', 'screenshots');
const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'id-ID' } as const;
/** A full page taller than this is cut to its lower part (see `shot`). */
const MAX_HEIGHT = 3000;

const written: string[] = [];

/** Signs in through the real form (the admin sets up its two-step login on the way, as it must). */
async function signIn(page: Page, base: string, username: string): Promise<void> {
  await signInPage(page, base, username, PASSWORD);
}

/**
 * Saves what the page shows: the window, the whole page (`top`: its first `max` pixels), or `cards`: the whole page
 * when it is at most `max` tall, else its lower part from the first card that leaves at most `max` pixels (where a
 * ticket page's cards and history are).
 */
async function shot(page: Page, name: string, full?: 'top' | 'cards', max = MAX_HEIGHT): Promise<void> {
  const path = join(OUT, name);
  const width = page.viewportSize()?.width ?? 1280;
  const { height, tops } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    tops: Array.from(
      document.querySelectorAll('.card'),
      (e) => e.getBoundingClientRect().top + window.scrollY,
    ),
  }));
  const margin = 8;
  const y =
    full === 'cards' && height > max
      ? Math.floor(tops.find((top) => top - margin >= height - max) ?? height - max + margin) - margin
      : 0;
  const clip = { x: 0, y, width, height: Math.min(max, height - y) };
  if (full) await page.screenshot({ path, fullPage: true, clip });
  else await page.screenshot({ path });
  written.push(join('docs', 'screenshots', name));
}

/** Opens a page and checks that it answered 200 (an error page must never become a picture). */
async function open(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  if (res?.status() !== 200) throw new Error(`screenshots: ${url} answered ${res?.status()}`);
}

/** Presses a form's button and waits for the page it answers with; an error page stops. */
async function submit(page: Page, button: string): Promise<void> {
  const [res] = await Promise.all([page.waitForNavigation(), page.click(button)]);
  if (res?.status() !== 200) throw new Error(`screenshots: ${button} answered ${res?.status()}`);
}

async function main(): Promise<void> {
  if (!hasChromium) {
    console.error(`no browser at ${CHROMIUM_PATH}: apt-get install chromium`);
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'aduan-screenshots-'));
  const { featured, openHandoff } = fill(dir);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const service = buildService({ config, log: createLogger('error') });
  let browser: Browser | null = null;
  try {
    await service.start();
    const base = `http://127.0.0.1:${service.port}`;
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();

    const officer = await (await browser.newContext(LAPTOP)).newPage();
    await signIn(officer, base, 'pupr');
    await open(officer, `${base}/petugas?assigned=me`);
    await shot(officer, 'inbox-mine.png');
    await open(officer, `${base}/petugas/tiket/${featured.number}`);
    // The template lists are shown open, as after a click on "Pakai templat".
    await officer.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('form details'))) d.setAttribute('open', '');
    });
    await shot(officer, 'ticket.png', 'cards');
    await open(officer, `${base}/petugas/akun/telegram`);
    await submit(officer, 'form[action$="/kode"] button[type="submit"]');
    await shot(officer, 'telegram-link.png');

    const admin = await (await browser.newContext(LAPTOP)).newPage();
    await signIn(admin, base, 'admin');
    await shot(admin, 'inbox.png');
    await open(admin, `${base}/petugas/templat`);
    await shot(admin, 'templates.png');
    await open(admin, `${base}/petugas/handoff`);
    await shot(admin, 'handoff-queue.png');
    await open(admin, `${base}/petugas/handoff/${openHandoff}`);
    await shot(admin, 'handoff-chat.png', 'cards');
    await open(admin, `${base}/petugas/audit`);
    await shot(admin, 'audit.png', 'top', 1200);
    await open(admin, `${base}/petugas/statistik`);
    await shot(admin, 'statistics.png', 'top', 2600);

    const phone = await (await phoneContext(browser)).newPage();
    await signIn(phone, base, 'pupr');
    await shot(phone, 'phone-inbox.png');
    await open(phone, `${base}/petugas/tiket/${featured.number}`);
    await shot(phone, 'phone-ticket.png');
    await open(phone, `${base}/petugas/statistik`);
    await shot(phone, 'phone-statistics.png', 'top', 2200);

    const citizen = await (await phoneContext(browser)).newPage();
    await open(citizen, `${base}/status`);
    await citizen.fill('input[name="number"]', featured.number);
    await citizen.fill('input[name="pin"]', featured.pin);
    await submit(citizen, 'main form button[type="submit"]');
    await shot(citizen, 'phone-status.png', 'cards');
    console.log(JSON.stringify({ written, ticket: featured.number }));
  } finally {
    await browser?.close();
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
