// Browser-test helpers: Debian's chromium through playwright-core, a phone-sized context, an officer's sign-in (an
// admin's with its two-step set-up), a tiny PNG.
import { existsSync } from 'node:fs';
import { generateSync } from 'otplib';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A 360×740 touch phone, the smallest screen the web chat must work on. */
export function phoneContext(
  browser: Browser,
  extra: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    ...extra,
  });
}

/** A valid 1×1 PNG. */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Signs `page` in as an officer through the real form at `${base}/petugas/masuk`, and waits for the inbox. An admin
 * without two-step login is sent to set it up first: done as its owner would, with a code of the secret the page shows
 * (the service's own clock); an account with it on already is not for this helper.
 */
export async function signInPage(
  page: Page,
  base: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/petugas/masuk`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/petugas/masuk'),
    page.click('button[type="submit"]'),
  ]);
  if (new URL(page.url()).pathname === '/petugas/akun/dua-langkah') {
    const secret = (await page.inputValue('#totp-secret')).replace(/ /g, '');
    await page.fill('#confirm-code', generateSync({ secret }));
    await Promise.all([page.waitForURL('**/aktifkan'), page.click('form[action$="/aktifkan"] button')]);
    await page.goto(`${base}/petugas`);
  }
  await page.waitForURL(`${base}/petugas`);
}
