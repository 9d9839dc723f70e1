// Two-step login in a real chromium on a 360-px phone with JavaScript off: an admin's forced set-up (QR code, secret,
// URI), its recovery codes, and the code page of the next sign-in all work without scripts and fit the screen.
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';

const PASSWORD = 'sandi-dua-langkah-panjang';
const width = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!hasChromium)('two-step login on a phone without JavaScript', () => {
  let browser: Browser;
  let live: LiveService | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-two-factor-');
    live.service.store.officers.add(
      {
        username: 'kepala',
        name: 'Kepala',
        role: 'admin',
        passwordHash: hashPassword(PASSWORD),
        agencies: [],
      },
      Date.now(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('sets up, shows the recovery codes once, and signs in again with one of them; every page fits 360 px', async () => {
    const base = live?.base ?? '';
    const noScript = async () => (await phoneContext(browser, { javaScriptEnabled: false })).newPage();
    const signIn = async (page: Page, landing: string) => {
      await page.goto(`${base}/petugas/masuk`);
      await page.fill('input[name="username"]', 'kepala');
      await page.fill('input[name="password"]', PASSWORD);
      await Promise.all([page.waitForURL(landing), page.click('button[type="submit"]')]);
    };
    const page = await noScript();
    await signIn(page, '**/akun/dua-langkah');
    expect(await width(page)).toBeLessThanOrEqual(360);
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    const secret = (await page.inputValue('#totp-secret')).replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.fill('#confirm-code', generateSync({ secret }));
    await Promise.all([page.waitForURL('**/aktifkan'), page.click('form[action$="/aktifkan"] button')]);
    expect(await width(page)).toBeLessThanOrEqual(360);
    const codes = await page.locator('main li').allInnerTexts();
    expect(codes).toHaveLength(10);

    const again = await noScript();
    await signIn(again, '**/masuk/kode');
    expect(await width(again)).toBeLessThanOrEqual(360);
    await again.fill('#code', codes[0] ?? '');
    await Promise.all([again.waitForURL(/done=recovery_used/), again.click('main button[type="submit"]')]);
    expect(await again.locator('main').innerText()).toContain('sisa 9');
    expect(await width(again)).toBeLessThanOrEqual(360);
  }, 60_000);
});
