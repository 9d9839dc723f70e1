// An officer's file in a real chromium: a citizen files in the web chat (a phone), the officer picks the selesai
// template ("Pakai templat"), attaches a PDF and sets selesai; the citizen's chat shows the message and a download
// link that works with the citizen's own cookie (and not without it).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext, signInPage } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';
import { answer, lastBotText, nextBot } from '../helpers/web-chat-driver.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'sandi-petugas-panjang';
const PDF = Buffer.from('%PDF-1.4\n% surat balasan dinas\n%%EOF\n');

describe.skipIf(!hasChromium)('an officer’s file in the web chat', () => {
  let browser: Browser;
  let live: LiveService | null = null;
  let base = '';

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-answer-files-');
    base = live.base;
    live.service.store.officers.add(
      {
        username: 'capil',
        name: 'Rina',
        role: 'officer',
        passwordHash: hashPassword(PASSWORD),
        agencies: ['6371-disdukcapil'],
      },
      Date.now(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('sends a template answer with a PDF at selesai, downloaded from the citizen’s chat', async () => {
    const citizen = await (await phoneContext(browser)).newPage();
    await citizen.goto(`${base}/`);
    await citizen.getByTestId('start').click();
    await nextBot(citizen, 0);
    const dialogue = DIALOGUES.find((d) => d.name === 'a formal citizen files a complete complaint');
    for (const turn of (dialogue?.turns ?? []).slice(1))
      if ('say' in turn && typeof turn.say === 'string') await answer(citizen, turn.say);
    const number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(await lastBotText(citizen))?.[0] ?? '';
    expect(number).not.toBe('');

    const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(desk, base, 'capil', PASSWORD);
    await desk.goto(`${base}/petugas/tiket/${number}`);
    const statusForm = desk.locator('form[action$="/status"]');
    await statusForm.locator('details summary').click();
    await Promise.all([
      desk.waitForURL(/template=/),
      statusForm
        .locator('li', { hasText: /selesai/i })
        .locator('a')
        .first()
        .click(),
    ]);
    expect(await desk.inputValue('select[name="status"]')).toBe('selesai');
    const text = await desk.inputValue('textarea[name="message"]');
    expect(text.length).toBeGreaterThan(10);
    await desk.setInputFiles('#status-files', {
      name: 'surat-balasan.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await Promise.all([
      desk.waitForURL(/done=ok/),
      desk.click('form[action$="/status"] button[type="submit"]'),
    ]);
    expect(await desk.locator('main').innerText()).toContain('surat-balasan.pdf');

    const link = citizen.getByTestId('bot-file');
    await link.waitFor({ timeout: 20_000 });
    expect(await link.innerText()).toContain('surat-balasan.pdf');
    const href = (await link.getAttribute('href')) ?? '';
    const got = await citizen.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, head: (await res.text()).slice(0, 8) };
    }, href);
    expect(got).toEqual({ status: 200, head: '%PDF-1.4' });
    const stranger = await (await browser.newContext()).newPage();
    const res = await stranger.goto(`${base}${href}`).catch(() => null);
    expect(res?.status() ?? 404).toBe(404);
  }, 120_000);
});
