// The status page in a real (headless) chromium on a 360-px phone: a citizen files in the web chat, reads the PIN in
// the receipt, opens /status, types the number and the PIN, and sees the state of the complaint without scrolling sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { t } from '../../src/i18n/locales.js';
import { hasChromium, launchChromium, phoneContext } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';
import { answer, bots, lastBotText, nextBot, shown } from '../helpers/web-chat-driver.js';

const TEST_TIMEOUT = 90_000;

/** What the citizen answers to each question, by a pattern on the bot's last message. */
const ANSWERS: [RegExp, string][] = [
  [/ceritakan apa yang terjadi/i, 'KTP-el saya belum jadi sudah 3 bulan di Disdukcapil Kota Banjarmasin'],
  [/Benar begitu\?|sudah benar\?/i, 'ya'],
  [/sudah pernah menyampaikan keluhan/i, 'belum'],
  [/Kapan kejadiannya/i, '3 bulan lalu'],
  [/Apa yang Anda harapkan/i, 'KTP saya segera dicetak'],
  [/foto atau dokumen pendukung|Saya menunggu foto/i, 'lewati'],
  [/identitas Anda ditampilkan/i, '2'],
  [/nama lengkap Anda/i, 'Siti Rahmah'],
  [/Berapa NIK Anda/i, 'lewati'],
  [/Nomor HP\/WA/i, '0812-3456-7890'],
  [/Ketik kirim bila sudah benar|Ringkasan pengaduan/i, 'kirim'],
];

async function noHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.doc).toBeLessThanOrEqual(360);
  expect(widths.body).toBeLessThanOrEqual(360);
}

describe.skipIf(!hasChromium)('the status page in a browser (360 px phone)', () => {
  let browser: Browser;
  let live: LiveService | null = null;
  let base = '';

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-status-', createLogger('silent'));
    base = live.base;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it(
    'files in the web chat, then shows the complaint’s state for the receipt’s number and PIN',
    async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const said: string[] = [];
      try {
        await page.goto(`${base}/`);
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        const consent = page.getByTestId('choice').first();
        const before = await bots(page).count();
        await consent.click();
        await nextBot(page, before);
        let receipt = '';
        for (let step = 0; step < 30 && !receipt; step++) {
          const text = await lastBotText(page);
          said.push(text);
          if (/ADU-\d{4}-[A-Z0-9]{4}/.test(text)) {
            receipt = text;
            break;
          }
          const rule = ANSWERS.find(([re]) => re.test(text));
          if (!rule) throw new Error(`no answer for: ${text}`);
          await answer(page, rule[1]);
        }
        const number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(receipt)?.[0] ?? '';
        const pin = /PIN\s*\*?(\d{6})/.exec(receipt)?.[1] ?? '';
        expect(number).not.toBe('');
        expect(pin).toMatch(/^\d{6}$/);

        await page.goto(`${base}/status`);
        await noHorizontalScroll(page);
        await page.getByLabel(t('id', 'status_page.number')).fill(number);
        await page.getByLabel(t('id', 'status_page.pin')).fill(pin);
        await page.getByRole('button', { name: t('id', 'status_page.submit') }).click();
        await page.waitForSelector('[data-testid="status"]');
        expect(await shown(page.getByTestId('status'))).toBe(t('id', 'ticket.status.baru'));
        const body = await shown(page.locator('main'));
        expect(body).toContain(number);
        expect(body).toContain(t('id', 'category.adminduk'));
        expect(body).not.toContain('Siti Rahmah');
        expect(body).not.toContain(pin);
        expect(page.url()).toBe(`${base}/status?lang=id`);
        await noHorizontalScroll(page);
      } catch (err) {
        throw new Error(
          `${err instanceof Error ? err.message : String(err)}\n--- chat ---\n${said.join('\n')}`,
        );
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );
});
