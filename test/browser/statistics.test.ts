// The statistics page in a real chromium on a 360-px phone: nothing wider than the screen (the charts scale, the
// figures stack above their tables), and every chart is an image with a name.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext, signInPage } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';

const PASSWORD = 'sandi-statistik-panjang';

describe.skipIf(!hasChromium)('statistics on a phone', () => {
  let browser: Browser;
  let live: LiveService | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-statistics-');
    live.service.store.officers.add(
      { username: 'admin', name: 'Admin', role: 'admin', passwordHash: hashPassword(PASSWORD), agencies: [] },
      Date.now(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('fits 360 px', async () => {
    const base = live?.base ?? '';
    const page = await (await phoneContext(browser)).newPage();
    await signInPage(page, base, 'admin', PASSWORD);
    const res = await page.goto(`${base}/petugas/statistik`);
    expect(res?.status()).toBe(200);
    const { width, charts, named } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      charts: document.querySelectorAll('svg[role="img"]').length,
      named: Array.from(document.querySelectorAll('svg[role="img"] > title')).filter((t) => t.textContent)
        .length,
    }));
    expect(width).toBeLessThanOrEqual(360);
    expect(charts).toBeGreaterThanOrEqual(10);
    expect(named).toBe(charts);
  }, 60_000);
});
