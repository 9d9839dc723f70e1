// The officers' workspace in a real chromium, with a citizen in the web chat on a phone: a complaint filed in the
// chat appears in the officer's inbox (1280 px); the officer sets diproses with a message and the citizen's chat shows
// it; the officer sets selesai; the citizen answers "sudah" and rates 5; the rating shows on the ticket; an officer of
// another agency gets 404; the ticket page fits a 360-px phone.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import type { Service } from '../../src/app/service.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext } from '../helpers/browser.js';
import { answer, bots, lastBotText, nextBot, shown } from '../helpers/web-chat-driver.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'sandi-petugas-panjang';
const SHOTS = join(process.cwd(), '.tmp');

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/petugas/masuk`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/petugas`), page.click('button[type="submit"]')]);
}

/** Waits until the citizen's chat shows a bot bubble containing `text` (the page polls for new messages). */
async function citizenSees(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) =>
      Array.from(document.querySelectorAll('[data-testid="bot-msg"]')).some((b) =>
        b.textContent?.includes(t),
      ),
    text,
    { timeout: 20_000 },
  );
}

describe.skipIf(!hasChromium)('officers in a browser', () => {
  let browser: Browser;
  let service: Service | null = null;
  let dataDir = '';
  let base = '';

  beforeAll(async () => {
    browser = await launchChromium();
    dataDir = mkdtempSync(join(tmpdir(), 'aduan-officers-'));
    const { buildService } = await import('../../src/app/service.js');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    service = buildService({ config, log: createLogger('error') });
    await service.start();
    base = `http://127.0.0.1:${service.port}`;
    const add = (username: string, agency: string) =>
      service?.store.officers.add(
        {
          username,
          name: username,
          role: 'officer',
          passwordHash: hashPassword(PASSWORD),
          agencies: [agency],
        },
        Date.now(),
      );
    add('capil', '6371-disdukcapil');
    add('pupr', '6371-pupr');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a web-chat complaint from the inbox to a rated selesai', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const citizen = await (await phoneContext(browser)).newPage();
    await citizen.goto(`${base}/`);
    await citizen.getByTestId('start').click();
    await nextBot(citizen, 0);
    const dialogue = DIALOGUES.find((d) => d.name === 'a formal citizen files a complete complaint');
    for (const turn of (dialogue?.turns ?? []).slice(1))
      if ('say' in turn && typeof turn.say === 'string') await answer(citizen, turn.say);
    const number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(await lastBotText(citizen))?.[0] ?? '';
    expect(number).not.toBe('');

    const desk = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    ).newPage();
    await signIn(desk, base, 'capil');
    expect(await desk.locator('body').innerText()).toContain(number);
    await desk.screenshot({ path: join(SHOTS, 'officer-inbox-1280.png') });
    await desk.click(`a[href="/petugas/tiket/${number}"]`);
    expect(await desk.locator('h1').innerText()).toContain(number);
    await desk.selectOption('select[name="status"]', 'diproses');
    await desk.fill('textarea[name="message"]', 'KTP Anda sedang dicetak ulang.');
    await Promise.all([desk.waitForURL(/done=ok/), desk.click('form[action$="/status"] button')]);
    await citizenSees(citizen, 'KTP Anda sedang dicetak ulang.');

    const before = await bots(citizen).count();
    await desk.selectOption('select[name="status"]', 'selesai');
    await desk.fill('textarea[name="message"]', 'Silakan ambil di loket 3.');
    await Promise.all([desk.waitForURL(/done=ok/), desk.click('form[action$="/status"] button')]);
    await citizenSees(citizen, 'Silakan ambil di loket 3.');
    await citizen.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="bot-msg"]').length > n,
      before,
    );
    expect(await lastBotText(citizen)).toContain('beres');
    await answer(citizen, 'sudah');
    await answer(citizen, '5');
    await answer(citizen, 'Lewati');
    expect(await lastBotText(citizen)).toContain('Terima kasih');

    await desk.reload();
    expect(await shown(desk.locator('main'))).toContain('★★★★★');
    await desk.screenshot({ path: join(SHOTS, 'officer-ticket-1280.png'), fullPage: true });

    const phone = await (await phoneContext(browser)).newPage();
    await signIn(phone, base, 'capil');
    await phone.goto(`${base}/petugas/tiket/${number}`);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: join(SHOTS, 'officer-ticket-360.png'), fullPage: true });

    const other = await (await browser.newContext()).newPage();
    await signIn(other, base, 'pupr');
    const res = await other.goto(`${base}/petugas/tiket/${number}`);
    expect(res?.status()).toBe(404);
  }, 120_000);
});
