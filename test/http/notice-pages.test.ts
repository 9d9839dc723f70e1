// The account's notification page (/petugas/akun/notifikasi) through app.request, for each kind of account and
// signed out: each reads and changes only its own settings, forms carry the CSRF token, the e-mail address is
// validated, Telegram is offered only to a linked account, a missing SMTP setting is said, and changes are audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const PASSWORD = 'kata-sandi-panjang-1';
const PAGE = '/petugas/akun/notifikasi';

const ACCOUNTS = [
  { username: 'admin', role: 'admin', agencies: [] },
  { username: 'korbjm', role: 'supervisor', agencies: ['6371-koordinator'] },
  { username: 'capil', role: 'officer', agencies: ['6371-disdukcapil'] },
  { username: 'pupr', role: 'officer', agencies: ['6371-pupr'] },
] as const;

describe('the notification settings page', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const ids = new Map<string, number>();

  const { get, post, secondStep } = pageClient(() => app);
  const signIn = async (username: string) => {
    const jar = new Jar();
    const csrf = csrfIn(await (await get(jar, '/petugas/masuk')).text());
    const res = await post(jar, '/petugas/masuk', { username, password: PASSWORD, csrf });
    expect(res.status).toBe(303);
    await secondStep(jar, username, res);
    return jar;
  };
  const form = { email: 'petugas@example.go.id', newTicket: 'email', reply: 'none', deadline: 'email' };

  beforeEach(() => {
    h = new Harness();
    for (const a of ACCOUNTS)
      ids.set(
        a.username,
        h.core.store.officers.add(
          { ...a, agencies: [...a.agencies], name: null, passwordHash: hashPassword(PASSWORD) },
          h.clock.now(),
        ),
      );
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('sends a signed-out visitor to sign in, and refuses its POST', async () => {
    const jar = new Jar();
    const page = await get(jar, PAGE);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/petugas/masuk');
    expect((await post(jar, PAGE, { ...form, csrf: 'x' })).status).toBe(401);
    expect(h.core.db.prepare('SELECT count(*) FROM officer_notification_settings').pluck().get()).toBe(0);
  });

  it.each(ACCOUNTS.map((a) => a.username))('lets %s change only its own settings', async (username) => {
    const jar = await signIn(username);
    const page = await get(jar, PAGE);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('SMTP_URL');
    expect(html).not.toContain('value="telegram"');
    expect(html).toContain('href="/petugas/akun/notifikasi"');
    const csrf = csrfIn(html);
    expect((await post(jar, PAGE, { ...form, csrf: 'wrong' })).status).toBe(403);
    const saved = await post(jar, PAGE, { ...form, csrf });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${PAGE}?done=saved`);
    const id = ids.get(username) ?? 0;
    expect(h.core.store.officerNotices.settings(id)).toEqual({
      email: 'petugas@example.go.id',
      newTicket: 'email',
      reply: 'none',
      deadline: 'email',
    });
    for (const other of ACCOUNTS.filter((a) => a.username !== username))
      expect(h.core.store.officerNotices.settings(ids.get(other.username) ?? 0).email).toBeNull();
    const audit = h.core.db
      .prepare("SELECT actor, data FROM audit_events WHERE type = 'officer.notifications_changed'")
      .all() as { actor: string; data: string }[];
    expect(audit).toEqual([{ actor: `officer:${id}`, data: expect.not.stringContaining('petugas@') }]);
    expect(await (await get(jar, `${PAGE}?done=saved`)).text()).toContain('disimpan');
  });

  it('refuses an invalid e-mail address or choice, changing nothing', async () => {
    const jar = await signIn('pupr');
    const csrf = csrfIn(await (await get(jar, PAGE)).text());
    const bad = await post(jar, PAGE, { ...form, email: 'bukan-email', csrf });
    expect(bad.headers.get('location')).toBe(`${PAGE}?done=invalid_email`);
    const worse = await post(jar, PAGE, { ...form, deadline: 'sms', csrf });
    expect(worse.headers.get('location')).toBe(`${PAGE}?done=invalid`);
    expect(h.core.db.prepare('SELECT count(*) FROM officer_notification_settings').pluck().get()).toBe(0);
    const empty = await post(jar, PAGE, { ...form, email: '', csrf });
    expect(empty.headers.get('location')).toBe(`${PAGE}?done=saved`);
    expect(h.core.store.officerNotices.settings(ids.get('pupr') ?? 0).email).toBeNull();
  });

  it('offers Telegram once the account is linked, with the defaults preselected', async () => {
    h.core.store.telegramOfficers.link('9001', ids.get('pupr') ?? 0, h.clock.now());
    const jar = await signIn('pupr');
    const html = await (await get(jar, PAGE)).text();
    expect(html).toContain('value="telegram"');
    expect(html).toMatch(/name="deadline"[\s\S]*?<option value="both" selected=""/);
    expect(html).toMatch(/name="newTicket"[\s\S]*?<option value="telegram" selected=""/);
  });
});
