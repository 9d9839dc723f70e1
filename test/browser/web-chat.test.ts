// The web chat in a real (headless) chromium on a 360-px phone: a whole complaint through the UI, plus the
// page's own behaviour (escaping, retry with the same id, location) against a mocked API.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { webChatPage } from '../../src/channels/web/web-chat-page.js';
import { t } from '../../src/i18n/locales.js';
import { ONE_PIXEL_PNG, hasChromium, launchChromium, phoneContext } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';
import { answer, bots, lastBotText, nextBot, settled, shown, type } from '../helpers/web-chat-driver.js';

const TEST_TIMEOUT = 60_000;
const SCREENSHOT = join(process.cwd(), '.tmp', 'web-chat-360.png');

async function noHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    main: (document.getElementById('scroller') as HTMLElement).scrollWidth,
  }));
  expect(widths.doc).toBeLessThanOrEqual(360);
  expect(widths.body).toBeLessThanOrEqual(360);
  expect(widths.main).toBeLessThanOrEqual(360);
}

describe.skipIf(!hasChromium)('web chat in a browser (360 px phone)', () => {
  let browser: Browser;
  let live: LiveService | null = null;
  let base = '';
  const serverLog: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const sink = new Writable({
      write(chunk, _enc, done) {
        serverLog.push(String(chunk).trim());
        done();
      },
    });
    // Errors only, kept in memory: shown when the walk-through fails.
    const log = createLogger('error', sink);
    live = await startService('aduan-web-', log);
    base = live.base;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it(
    'files a whole complaint from the greeting to a ticket number',
    async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const transcript: string[] = [];
      const http: string[] = [];
      page.on('response', (res) => {
        if (res.url().includes('/api/') && res.status() >= 400)
          http.push(`${res.request().method()} ${res.url()} → ${res.status()}`);
      });
      page.on('pageerror', (err) => http.push(`page error: ${err.message}`));
      const fail = (why: string): never => {
        throw new Error(
          `${why}\n--- transcript ---\n${transcript.join('\n')}\n--- http ---\n${http.join('\n')}\n--- server log ---\n${serverLog.join('\n')}`,
        );
      };

      try {
        await page.goto(`${base}/`);
        mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
        await page.screenshot({ path: SCREENSHOT.replace('.png', '-start.png') });
        expect(await page.getAttribute('html', 'lang')).toBe('id');
        expect(await shown(page.locator('h1'))).toBe(t('id', 'web.title'));

        // Start: the greeting, the privacy notice and the consent question with its buttons.
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        const choices = page.getByTestId('choice');
        expect(await choices.count()).toBeGreaterThan(0);
        expect(await choices.first().isVisible()).toBe(true);
        expect(await shown(page.getByTestId('user-msg').last())).toBe(t('id', 'web.start'));
        await noHorizontalScroll(page);
        await page.screenshot({ path: SCREENSHOT.replace('.png', '-consent.png') });

        const STORY =
          'KTP-el saya belum jadi sudah 3 bulan di Disdukcapil Kota Banjarmasin, katanya blangko habis';
        let storySent = false;
        let doneSent = false;
        let uploaded = false;
        const fired = new Map<string, number>();
        let ticketText = '';

        for (let step = 0; step < 40; step++) {
          const text = await lastBotText(page);
          transcript.push(`BOT: ${text.replace(/\n+/g, ' ⏎ ')}`);
          if (/ADU-\d{4}-[A-Z0-9]{4}/.test(text)) {
            ticketText = text;
            break;
          }
          if (/Maaf, sedang ada gangguan/.test(text)) fail('The service answered with error.internal');

          // Each rule: [name, pattern on the last bot bubble, what to do].
          const rules: [string, RegExp, () => Promise<void>][] = [
            [
              'consent',
              /setuju data Anda diproses/i,
              async () => {
                const before = await bots(page).count();
                const first = page.getByTestId('choice').first();
                transcript.push(`YOU: [${await shown(first)}]`);
                await first.click();
                await nextBot(page, before);
              },
            ],
            ['confirm', /Ketik kirim bila sudah benar|Ringkasan pengaduan/i, () => say('kirim')],
            [
              'story',
              /ceritakan apa yang terjadi|Masih ada yang ingin ditambahkan|ketik selesai/i,
              async () => {
                if (!storySent) {
                  storySent = true;
                  transcript.push(`YOU: ${STORY}`);
                  const before = await bots(page).count();
                  await type(page, STORY, 'button');
                  await settled(page);
                  // The story may or may not be acknowledged at once; give an ack a moment to arrive.
                  await page
                    .waitForFunction(
                      (n) => document.querySelectorAll('[data-testid="bot-msg"]').length > n,
                      before,
                      {
                        timeout: 2_000,
                      },
                    )
                    .catch(() => undefined);
                  return;
                }
                doneSent = true;
                await say('selesai');
              },
            ],
            ['guess', /Benar begitu\?/i, () => say('ya')],
            [
              'location',
              /Di mana tepatnya lokasinya|alamat itu belum bisa/i,
              () => say('Jl. Pramuka dekat pasar, Banjarmasin Timur'),
            ],
            ['region', /kabupaten\/kota mana|wilayah yang mana/i, () => say('Banjarmasin')],
            ['category', /termasuk jenis apa/i, () => say('1')],
            ['agency', /Kantor atau instansi mana/i, () => say('Disdukcapil Kota Banjarmasin')],
            ['incident_date', /Kapan kejadiannya/i, () => say('3 bulan lalu')],
            ['prior_report', /sudah pernah menyampaikan keluhan/i, () => say('belum')],
            ['prior_result', /tanggapan atau hasilnya/i, () => say('disuruh menunggu')],
            ['expectation', /Apa yang Anda harapkan/i, () => say('KTP saya segera dicetak')],
            [
              'evidence',
              /foto atau dokumen pendukung|Saya menunggu foto|Berkas diterima/i,
              async () => {
                if (uploaded) return say('lewati');
                uploaded = true;
                transcript.push('YOU: [bukti.png]');
                const before = await bots(page).count();
                await page
                  .getByTestId('file')
                  .setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
                await nextBot(page, before);
                expect(await shown(page.getByTestId('user-msg').last())).toContain(
                  t('id', 'web.attached', { name: 'bukti.png' }),
                );
              },
            ],
            ['identity', /identitas Anda ditampilkan/i, () => say('2')],
            ['name', /nama lengkap Anda/i, () => say('Siti Rahmah')],
            ['nik', /Berapa NIK Anda/i, () => say('lewati')],
            ['phone', /Nomor HP\/WA/i, () => say('0812-3456-7890')],
          ];
          async function say(text: string): Promise<void> {
            transcript.push(`YOU: ${text}`);
            await answer(page, text);
          }

          const rule = rules.find(([, re]) => re.test(text));
          if (!rule) fail(`No rule for the bot's last message at step ${step}`);
          const [name, , act] = rule!;
          const times = (fired.get(name) ?? 0) + 1;
          fired.set(name, times);
          if (times > (name === 'story' ? 4 : 3))
            fail(`The question "${name}" keeps coming back (asked ${times} times)`);
          await act();
        }
        if (!ticketText) fail('No ticket number after 40 steps');
        if (process.env.WEB_CHAT_TRANSCRIPT) console.log(transcript.join('\n'));
        // The story said what the problem was: the guess came at once, no "selesai" was needed.
        expect(storySent).toBe(true);
        expect(doneSent).toBe(false);
        expect(ticketText).toMatch(/ADU-\d{4}-[A-Z0-9]{4}/);
        await noHorizontalScroll(page);

        // A citizen's HTML-looking text is shown literally.
        await type(page, '<b>x</b>');
        await settled(page);
        const mine = page.getByTestId('user-msg').last();
        expect(await shown(mine)).toBe('<b>x</b>');
        expect(await mine.locator('b').count()).toBe(0);

        // The ticket is in "my complaints".
        const ticket = /ADU-\d{4}-[A-Z0-9]{4}/.exec(ticketText)![0];
        const list = await page.evaluate(async () => (await fetch('/api/chat/complaints')).json());
        expect(JSON.stringify(list)).toContain(ticket);
        // The ticket number is kept on one line: it never breaks at its hyphens on a narrow screen.
        const kept = page.locator('[data-testid="bot-msg"] .nowrap', { hasText: ticket });
        expect(await kept.count()).toBeGreaterThan(0);
        expect(await kept.first().evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');

        // Back to the ticket message for the picture a human looks at.
        await page.evaluate(() => {
          const all = document.querySelectorAll('[data-testid="bot-msg"]');
          for (const el of Array.from(all))
            if (/ADU-/.test(el.textContent ?? '')) el.scrollIntoView({ block: 'center' });
        });
        await page.screenshot({ path: SCREENSHOT });

        // Every placeholder in every bot message was filled in.
        const unfilled = (await bots(page).allInnerTexts()).filter((x) => /\{\w+\}/.test(x));
        expect(unfilled).toEqual([]);
      } catch (err) {
        if (err instanceof Error && err.message.includes('--- transcript ---')) throw err;
        fail(`Walk-through failed: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'brings the whole conversation back after a reload, and its words follow "/lang en"',
    async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      try {
        await page.goto(`${base}/`);
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        // An empty send says why nothing happened.
        await page.getByTestId('send').click();
        expect(await shown(page.getByTestId('note').last())).toBe(t('id', 'web.empty'));
        await page.getByTestId('choice').first().click();
        await nextBot(page, 1);
        await answer(page, 'lampu jalan di depan rumah saya mati sudah seminggu');
        const before = {
          mine: await page.getByTestId('user-msg').allInnerTexts(),
          bot: await bots(page).allInnerTexts(),
        };
        expect(before.mine.length).toBe(3);

        await page.reload();
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="bot-msg"]').length >= n,
          before.bot.length,
        );
        // Both sides, in the same order: the citizen's own messages come back too.
        expect(await page.getByTestId('user-msg').allInnerTexts()).toEqual(before.mine);
        expect(await bots(page).allInnerTexts()).toEqual(before.bot);
        expect(await page.getByTestId('choice').count()).toBeGreaterThan(0);

        // "/lang en" typed: the conversation answers in English and the page's own words follow.
        const count = await bots(page).count();
        await type(page, '/lang en');
        await page.waitForURL(/lang=en/);
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="bot-msg"]').length > n,
          count,
        );
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(await page.getByTestId('send').getAttribute('aria-label')).toBe(t('en', 'web.send'));
        expect(await page.getByTestId('input').getAttribute('placeholder')).toBe(t('en', 'web.placeholder'));
        expect(await lastBotText(page)).toContain(t('en', 'lang.changed'));
        // Nothing was shown twice by the reload into English (the start button's word is the page's).
        expect(await page.getByTestId('user-msg').allInnerTexts()).toEqual([
          t('en', 'web.start'),
          ...before.mine.slice(1),
          '/lang en',
        ]);
        await noHorizontalScroll(page);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'greets in English on the English page',
    async () => {
      const context = await phoneContext(browser, { locale: 'en-GB' });
      const page = await context.newPage();
      try {
        await page.goto(`${base}/?lang=en`);
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        const greeting = await lastBotText(page);
        expect(greeting).toContain(t('en', 'ask.consent'));
        expect(greeting).not.toContain(t('en', 'lang.changed'));
        expect(await page.getByTestId('choice').allInnerTexts()).toEqual([
          t('en', 'choice.agree'),
          t('en', 'choice.disagree'),
        ]);
        await noHorizontalScroll(page);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );
});

/** The page alone, served and answered by route handlers: rendering, retries and location, no runtime needed. */
describe.skipIf(!hasChromium)('web chat page against a mocked API', () => {
  let browser: Browser;
  // localhost is a secure context (geolocation, crypto.randomUUID); nothing listens there, the routes answer.
  const ORIGIN = 'http://localhost:9';

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  type Posted = {
    id: string;
    text?: string;
    location?: { lat: number; lon: number };
    media?: { filename: string };
  };

  async function mockedPage(
    opts: { failFirstPosts?: number; geolocation?: boolean; lang?: 'id' | 'en' } = {},
  ) {
    const context = await phoneContext(
      browser,
      opts.geolocation
        ? { geolocation: { latitude: -3.3194, longitude: 114.5908 }, permissions: ['geolocation'] }
        : {},
    );
    const page = await context.newPage();
    const posts: Posted[] = [];
    let replyId = 0;
    let failures = opts.failFirstPosts ?? 0;
    await page.route(`${ORIGIN}/**`, async (route: Route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (url.pathname === '/') {
        const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: webChatPage(lang),
        });
      }
      if (url.pathname === '/api/chat/messages' && req.method() === 'POST') {
        posts.push(req.postDataJSON() as Posted);
        if (failures > 0) {
          failures--;
          return route.abort('internetdisconnected');
        }
        replyId++;
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            replies: [
              {
                id: replyId,
                text: 'Halo *Siti*!\n<b>x</b> <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>',
                choices: [
                  { id: 'agree', label: 'Setuju' },
                  { id: 'disagree', label: '<i>Tidak</i> setuju' },
                ],
                expecting: 'consent',
              },
            ],
            duplicate: false,
          }),
        });
      }
      if (url.pathname === '/api/chat/messages') {
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ replies: [] }),
        });
      }
      if (url.pathname === '/api/chat/complaints') {
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ complaints: [] }),
        });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/${opts.lang === 'en' ? '?lang=en' : ''}`);
    return { context, page, posts };
  }

  it(
    'renders *bold* and line breaks, and shows HTML in bot text and choices literally',
    async () => {
      const { context, page } = await mockedPage();
      try {
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        const bubble = bots(page).last();
        expect(await bubble.locator('b').allInnerTexts()).toEqual(['Siti']);
        expect(await bubble.locator('br').count()).toBe(1);
        expect(await bubble.locator('img, script').count()).toBe(0);
        expect(await shown(bubble)).toContain('<b>x</b> <img src=x');
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

        const choices = page.getByTestId('choice');
        expect(await choices.allInnerTexts()).toEqual(['Setuju', '<i>Tidak</i> setuju']);
        for (const c of await choices.all()) expect(await c.isVisible()).toBe(true);
        await noHorizontalScroll(page);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'sends a choice id but shows its label',
    async () => {
      const { context, page, posts } = await mockedPage();
      try {
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        expect(posts[0]?.text).toBe(t('id', 'web.start_text'));
        await page.getByTestId('choice').nth(1).click();
        await nextBot(page, 1);
        expect(posts[1]?.text).toBe('disagree');
        expect(await shown(page.getByTestId('user-msg').last())).toBe('<i>Tidak</i> setuju');
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'retries a failed message with the same id and tells the citizen',
    async () => {
      const { context, page, posts } = await mockedPage({ failFirstPosts: 2 });
      try {
        await type(page, 'halo');
        await page.getByTestId('note').first().waitFor({ timeout: 10_000 });
        expect(await shown(page.getByTestId('note').first())).toBe(t('id', 'web.offline'));
        expect(await page.getByTestId('send').isDisabled()).toBe(true);
        await nextBot(page, 0, 20_000);
        expect(posts.length).toBe(3);
        expect(new Set(posts.map((p) => p.id)).size).toBe(1);
        expect(posts[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(await page.getByTestId('user-msg').count()).toBe(1);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'shares the location, or says it could not',
    async () => {
      const granted = await mockedPage({ geolocation: true });
      try {
        await granted.page.getByTestId('location').click();
        await nextBot(granted.page, 0);
        expect(granted.posts[0]?.location).toEqual({ lat: -3.3194, lon: 114.5908 });
        expect(await shown(granted.page.getByTestId('user-msg').last())).toBe(t('id', 'web.location_sent'));
      } finally {
        await granted.context.close();
      }
      const denied = await mockedPage();
      try {
        await denied.page.getByTestId('location').click();
        await denied.page.getByTestId('note').first().waitFor({ timeout: 25_000 });
        expect(await shown(denied.page.getByTestId('note').first())).toBe(t('id', 'web.location_denied'));
        expect(denied.posts.length).toBe(0);
      } finally {
        await denied.context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'uploads a file as base64 media',
    async () => {
      const { context, page, posts } = await mockedPage();
      try {
        await page
          .getByTestId('file')
          .setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
        await nextBot(page, 0);
        const media = posts[0]?.media as { filename: string; mime: string; base64: string } | undefined;
        expect(media?.filename).toBe('bukti.png');
        expect(media?.mime).toBe('image/png');
        expect(Buffer.from(media?.base64 ?? '', 'base64').equals(ONE_PIXEL_PNG)).toBe(true);
        expect(await shown(page.getByTestId('user-msg').last())).toContain(
          t('id', 'web.attached', { name: 'bukti.png' }),
        );
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'is in English with ?lang=en',
    async () => {
      const { context, page, posts } = await mockedPage({ lang: 'en' });
      try {
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(await shown(page.locator('h1'))).toBe(t('en', 'web.title'));
        expect(await page.getByTestId('send').getAttribute('aria-label')).toBe(t('en', 'web.send'));
        expect(await page.getByTestId('input').getAttribute('placeholder')).toBe(t('en', 'web.placeholder'));
        // A fresh conversation is switched to English first, without showing that command or its answer.
        await page.getByTestId('start').click();
        await nextBot(page, 0);
        await settled(page);
        expect(posts.map((p) => p.text)).toEqual(['/lang en', t('en', 'web.start_text')]);
        expect(await page.getByTestId('user-msg').allInnerTexts()).toEqual([t('en', 'web.start')]);
        expect(await bots(page).count()).toBe(1);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );
});
