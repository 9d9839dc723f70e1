// A hand-off in a real chromium on 360-px phones: a citizen in the web chat asks for a person mid-intake, an admin
// takes the chat from /petugas/handoff, writes, the citizen sees it, the admin hands it back, and the citizen's chat
// gets the open question again. Every officer page fits the phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext, signInPage } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';
import { answer, bots, lastBotText, settled } from '../helpers/web-chat-driver.js';

const PASSWORD = 'sandi-handoff-panjang';
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!hasChromium)('hand-off in a browser', () => {
  let browser: Browser;
  let live: LiveService | null = null;
  let base = '';

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-handoff-');
    base = live.base;
    live.service.store.officers.add(
      { username: 'ani', name: 'Ani', role: 'admin', passwordHash: hashPassword(PASSWORD), agencies: [] },
      Date.now(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('is taken, written to and handed back, and the chat resumes at its question', async () => {
    const citizen = await (await phoneContext(browser)).newPage();
    await citizen.goto(`${base}/`);
    await settled(citizen);
    await answer(citizen, 'halo');
    await answer(citizen, 'ya');
    const question = await lastBotText(citizen);
    expect(question).toContain('Silakan ceritakan apa yang terjadi');
    await answer(citizen, 'mau bicara dengan petugas');
    expect(await lastBotText(citizen)).toContain('kami teruskan ke petugas');

    const ani = await (await phoneContext(browser)).newPage();
    await signInPage(ani, base, 'ani', PASSWORD);
    await ani.getByRole('link', { name: 'Minta petugas (1)' }).click();
    await ani.waitForURL(`${base}/petugas/handoff`);
    expect(await fitsPhone(ani)).toBeLessThanOrEqual(360);
    await Promise.all([ani.waitForURL(/\/petugas\/handoff\/\d+$/), ani.click('main table a')]);
    expect(await ani.locator('main').innerText()).toContain('mau bicara dengan petugas');
    await Promise.all([ani.waitForURL(/done=taken/), ani.getByRole('button', { name: 'Ambil' }).click()]);
    expect(await fitsPhone(ani)).toBeLessThanOrEqual(360);

    const before = await bots(citizen).count();
    await ani.fill('textarea[name="text"]', 'Halo, saya Ani dari pengaduan. Ada yang bisa dibantu?');
    await Promise.all([ani.waitForURL(/done=replied/), ani.getByRole('button', { name: 'Kirim' }).click()]);
    await citizen.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="bot-msg"]').length > n,
      before,
      { timeout: 15_000 },
    );
    expect(await lastBotText(citizen)).toContain('Petugas: Halo, saya Ani dari pengaduan.');

    const beforeBack = await bots(citizen).count();
    await Promise.all([
      ani.waitForURL(/done=returned/),
      ani.getByRole('button', { name: 'Kembalikan ke bot' }).click(),
    ]);
    expect(await ani.locator('main').innerText()).toContain('sudah kembali ke bot');
    await citizen.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="bot-msg"]').length > n,
      beforeBack,
      { timeout: 15_000 },
    );
    const back = await lastBotText(citizen);
    expect(back).toContain('Petugas telah selesai');
    expect(back).toContain('Silakan ceritakan apa yang terjadi');
  }, 120_000);
});
