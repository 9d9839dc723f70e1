// The officers' workspace in a real chromium, with a citizen in the web chat on a phone: a complaint filed in the
// chat appears in the officer's inbox (1280 px); the officer sets diproses with a message and the citizen's chat shows
// it; the officer sets selesai; the citizen answers "sudah" and rates 5; the rating shows on the ticket; an officer of
// another agency gets 404; the ticket page fits a 360-px phone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext, signInPage } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';
import { answer, bots, lastBotText, nextBot, shown } from '../helpers/web-chat-driver.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'sandi-petugas-panjang';
const SHOTS = join(process.cwd(), '.tmp');

const signIn = (page: Page, base: string, username: string) => signInPage(page, base, username, PASSWORD);

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
  let live: LiveService | null = null;
  let base = '';

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-officers-');
    base = live.base;
    const add = (username: string, agency: string) =>
      live?.service.store.officers.add(
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
    await live?.stop();
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
