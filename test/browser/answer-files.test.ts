// An officer's file in a real chromium: a citizen files in the web chat (a phone), the officer picks the selesai
// template ("Pakai templat"), attaches a PDF and sets selesai; the citizen's chat shows the message and a download
// link that works with the citizen's own cookie (and not without it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import type { Service } from '../../src/app/service.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext } from '../helpers/browser.js';
import { answer, lastBotText, nextBot } from '../helpers/web-chat-driver.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'sandi-petugas-panjang';
const PDF = Buffer.from('%PDF-1.4\n% surat balasan dinas\n%%EOF\n');

describe.skipIf(!hasChromium)('an officer’s file in the web chat', () => {
  let browser: Browser;
  let service: Service | null = null;
  let dataDir = '';
  let base = '';

  beforeAll(async () => {
    browser = await launchChromium();
    dataDir = mkdtempSync(join(tmpdir(), 'aduan-answer-files-'));
    const { buildService } = await import('../../src/app/service.js');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    service = buildService({ config, log: createLogger('error') });
    await service.start();
    base = `http://127.0.0.1:${service.port}`;
    service.store.officers.add(
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
    await service?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
    await desk.goto(`${base}/petugas/masuk`);
    await desk.fill('input[name="username"]', 'capil');
    await desk.fill('input[name="password"]', PASSWORD);
    await Promise.all([desk.waitForURL(`${base}/petugas`), desk.click('button[type="submit"]')]);
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
