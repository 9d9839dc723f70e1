// Assignment in a real chromium on a 360-px phone: two road complaints reach Banjarmasin's PUPR; officer Budi signs in,
// takes the first ("Ambil tiket ini"), finds it under "Untuk saya", gives the second to his colleague Sari, and Sari
// finds that one under hers. Every page fits the phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { hasChromium, launchChromium, phoneContext, signInPage } from '../helpers/browser.js';
import { type LiveService, startService } from '../helpers/live-service.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'sandi-penugasan-panjang';

const signIn = (page: Page, base: string, username: string) => signInPage(page, base, username, PASSWORD);

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!hasChromium)('assignment in a browser', () => {
  let browser: Browser;
  let live: LiveService | null = null;
  let base = '';
  const numbers: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    live = await startService('aduan-assign-');
    base = live.base;
    const running = live.service;
    // Two citizens file the same kind of road complaint in Banjarmasin (PUPR), through the real runtime.
    const dialogue = DIALOGUES.find((d) => d.name === 'an informal citizen with chat abbreviations');
    for (const chat of ['warga-1', 'warga-2']) {
      let seq = 0;
      for (const turn of dialogue?.turns ?? []) {
        if (!('say' in turn)) continue;
        seq++;
        const said = turn.say;
        running.runtime.handle({
          channel: 'simulate',
          chatId: chat,
          messageId: `${chat}-${seq}`,
          ...(typeof said === 'string'
            ? { text: said }
            : {
                media: [
                  {
                    kind: 'photo',
                    mime: 'image/jpeg',
                    filename: 'bukti.jpg',
                    data: new Uint8Array([0xff, 0xd8, 0xff, seq, 1, 2, 3]),
                  },
                ],
              }),
        });
      }
    }
    const rows = running.store.ticketInbox.inbox({ kind: 'agencies', agencyIds: ['6371-pupr'] });
    numbers.push(...rows.map((r) => r.number).reverse());
    for (const [username, name] of [
      ['budi', 'Budi Santoso'],
      ['sari', 'Sari Wulandari'],
    ] as const)
      running.store.officers.add(
        { username, name, role: 'officer', passwordHash: hashPassword(PASSWORD), agencies: ['6371-pupr'] },
        Date.now(),
      );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await live?.stop();
  });

  it('takes one ticket, finds it under "Untuk saya", and gives the other to a colleague', async () => {
    const [first = '', second = ''] = numbers;
    expect(numbers).toHaveLength(2);
    const budi = await (await phoneContext(browser)).newPage();
    await signIn(budi, base, 'budi');

    await budi.goto(`${base}/petugas/tiket/${first}`);
    expect(await budi.locator('#penugasan').innerText()).toContain('belum ditugaskan');
    await Promise.all([budi.waitForURL(/done=assigned/), budi.getByTestId('take').click()]);
    const card = await budi.locator('#penugasan').innerText();
    expect(card).toContain('Ditugaskan ke: Budi Santoso');
    expect(await budi.locator('main').innerText()).toContain('Budi Santoso mengambil tiket ini');
    expect(await fitsPhone(budi)).toBeLessThanOrEqual(360);

    await budi.goto(`${base}/petugas`);
    await Promise.all([
      budi.waitForURL(/assigned=me/),
      budi.getByRole('link', { name: 'Untuk saya' }).click(),
    ]);
    let listed = await budi.locator('main table').innerText();
    expect(listed).toContain(first);
    expect(listed).not.toContain(second);
    expect(await fitsPhone(budi)).toBeLessThanOrEqual(360);

    await budi.goto(`${base}/petugas?assigned=none`);
    await budi.click(`a[href="/petugas/tiket/${second}"]`);
    await budi.selectOption('select#assignee', { label: 'Sari Wulandari' });
    await Promise.all([
      budi.waitForURL(/done=assigned/),
      budi.click('#penugasan form:has(select) button[type="submit"]'),
    ]);
    expect(await budi.locator('#penugasan').innerText()).toContain('Ditugaskan ke: Sari Wulandari');
    expect(await budi.locator('main').innerText()).toContain(
      'Budi Santoso menugaskan tiket ini ke Sari Wulandari',
    );

    await budi.goto(`${base}/petugas?assigned=none`);
    expect(await budi.locator('main').innerText()).toContain('Belum ada tiket di sini.');

    const sari = await (await phoneContext(browser)).newPage();
    await signIn(sari, base, 'sari');
    await sari.goto(`${base}/petugas?assigned=me`);
    listed = await sari.locator('main table').innerText();
    expect(listed).toContain(second);
    expect(listed).not.toContain(first);
  }, 120_000);
});
