// The account's Telegram page (/petugas/akun/telegram) through app.request, for each kind of account and signed out:
// each account makes its own one-time code (shown once, stored hashed, one live code), sees only its own link, and
// unlinks it; forms carry the CSRF token; linking and unlinking are audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { TelegramLinking } from '../../src/officers/telegram-linking.js';
import { tokenHash } from '../../src/officers/tokens.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const PASSWORD = 'kata-sandi-panjang-1';
const PAGE = '/petugas/akun/telegram';

/** The accounts of the access matrix: the ticket's agency is 6371-disdukcapil's; signed out is `null`. */
const ACCOUNTS = [
  { username: 'admin', role: 'admin', agencies: [] },
  { username: 'korbjm', role: 'supervisor', agencies: ['6371-koordinator'] },
  { username: 'capil', role: 'officer', agencies: ['6371-disdukcapil'] },
  { username: 'pupr', role: 'officer', agencies: ['6371-pupr'] },
] as const;

describe('the Telegram link page', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  /** The bot's side of linking, over the same database. */
  let bot: TelegramLinking;

  const { get, post, secondStep } = pageClient(() => app);
  const codeIn = (html: string) => /id="telegram-code" readonly="" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const signIn = async (username: string) => {
    const jar = new Jar();
    const page = await get(jar, '/petugas/masuk');
    const csrf = csrfIn(await page.text());
    const res = await post(jar, '/petugas/masuk', { username, password: PASSWORD, csrf });
    expect(res.status).toBe(303);
    await secondStep(jar, username, res);
    return jar;
  };
  const audit = () =>
    h.core.db
      .prepare("SELECT actor, type, data FROM audit_events WHERE type LIKE 'officer.telegram%' ORDER BY id")
      .all();

  beforeEach(() => {
    h = new Harness();
    for (const a of ACCOUNTS)
      h.core.store.officers.add(
        { ...a, agencies: [...a.agencies], name: null, passwordHash: hashPassword(PASSWORD) },
        h.clock.now(),
      );
    app = officerApp(h);
    bot = new TelegramLinking({ store: h.core.store, clock: h.clock, random: h.core.ids.random });
  });
  afterEach(() => h.close());

  it('sends a signed-out visitor to sign in, and refuses its POSTs', async () => {
    const jar = new Jar();
    const page = await get(jar, PAGE);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/petugas/masuk');
    for (const path of [`${PAGE}/kode`, `${PAGE}/lepas`])
      expect((await post(jar, path, { csrf: 'x' })).status).toBe(401);
    expect(h.core.db.prepare('SELECT count(*) FROM telegram_link_codes').pluck().get()).toBe(0);
  });

  it.each(ACCOUNTS.map((a) => a.username))(
    'lets %s link its own account with a one-time code, see the link, and unlink it',
    async (username) => {
      const jar = await signIn(username);
      const page = await get(jar, PAGE);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Belum ada akun Telegram yang tertaut.');
      expect(html).toContain(`href="${PAGE}"`);
      // Without the session's CSRF token nothing is made.
      expect((await post(jar, `${PAGE}/kode`, { csrf: 'bukan' })).status).toBe(403);

      const made = await post(jar, `${PAGE}/kode`, { csrf: csrfIn(html) });
      expect(made.status).toBe(200);
      expect(made.headers.get('cache-control')).toBe('no-store');
      const shown = await made.text();
      const code = codeIn(shown);
      expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
      expect(shown).toContain(`Kirim /tautkan ${code} ke bot dalam chat pribadi.`);
      expect(shown).toContain('sampai pukul 10.15 WITA');
      // Kept only as its hash.
      const stored = h.core.db.prepare('SELECT code_hash FROM telegram_link_codes').pluck().all();
      expect(stored).toEqual([tokenHash(code)]);

      // A second code replaces the first: one live code per account.
      const again = codeIn(await (await post(jar, `${PAGE}/kode`, { csrf: csrfIn(shown) })).text());
      expect(bot.redeem('9001', code)).toEqual({ ok: false, problem: 'wrong' });
      const linked = bot.redeem('9001', again);
      expect(linked.ok && linked.officer.username).toBe(username);

      const after = await (await get(jar, PAGE)).text();
      expect(after).toContain('Tertaut ke pengguna Telegram 9001 sejak 23 November 2026.');
      const unlinked = await post(jar, `${PAGE}/lepas`, { csrf: csrfIn(after) });
      expect(unlinked.status).toBe(303);
      expect(unlinked.headers.get('location')).toBe(`${PAGE}?done=unlinked`);
      const back = await (await get(jar, `${PAGE}?done=unlinked`)).text();
      expect(back).toContain('Tautan Telegram sudah dilepas.');
      expect(back).toContain('Belum ada akun Telegram yang tertaut.');
      expect(bot.officerOf('9001')).toBeNull();
      const id = h.core.store.officers.find(username)?.id;
      expect(audit()).toEqual([
        { actor: `officer:${id}`, type: 'officer.telegram_linked', data: '{"telegramUserId":"9001"}' },
        { actor: `officer:${id}`, type: 'officer.telegram_unlinked', data: '{"telegramUserId":"9001"}' },
      ]);
    },
  );

  it('shows each account only its own link, and unlinks only its own', async () => {
    const capil = h.core.store.officers.find('capil');
    if (!capil) throw new Error('no capil');
    expect(bot.redeem('9002', bot.newCode(capil).code).ok).toBe(true);
    for (const other of ['admin', 'korbjm', 'pupr']) {
      const jar = await signIn(other);
      const html = await (await get(jar, PAGE)).text();
      expect(html).not.toContain('9002');
      expect(html).not.toContain(`${PAGE}/lepas`);
      await post(jar, `${PAGE}/lepas`, { csrf: csrfIn(html) });
    }
    expect(bot.officerOf('9002')?.username).toBe('capil');
    const mine = await (await get(await signIn('capil'), `${PAGE}?lang=en`)).text();
    expect(mine).toContain('Linked to Telegram user 9002 since 23 November 2026.');
    expect(mine).toContain('name="viewport"');
  });
});
