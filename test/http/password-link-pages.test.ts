// /petugas/sandi/<token>: an imported account sets its password through its one-time link (no sign-in): twice, long
// enough, CSRF as at sign-in, single use and audited; a dead link (unknown, spent, expired) gets one polite page,
// guesses are throttled, and the page opens only over HTTPS like the rest of the workspace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { scrubText } from '../../src/observability/redacting-logger.js';
import { issuePasswordLink } from '../../src/officers/password-links.js';
import { hashPassword, verifyPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const PASSWORD = 'kata-sandi-panjang-1';
const NEW = 'sandi-baru-yang-kuat-2';

describe('password link pages', () => {
  let h: Harness;
  let secure = true;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  let newcomer = 0;

  const add = (username: string, role: 'admin' | 'supervisor' | 'officer', agencies: string[]) =>
    h.core.store.officers.add(
      { username, name: null, role, passwordHash: hashPassword(PASSWORD), agencies },
      h.clock.now(),
    );
  const link = () => issuePasswordLink(h.core.store, newcomer, h.clock.now(), undefined).link;
  const passwordOf = (username: string) => h.core.store.officers.credentials(username)?.passwordHash ?? '';
  /** Opens the link's form and sends it. */
  const setThrough = async (jar: Jar, path: string, password: string, repeat = password) => {
    const form = await client.get(jar, path);
    return client.post(jar, path, { password, repeat, csrf: csrfIn(await form.text()) });
  };
  const audits = () =>
    h.core.db.prepare("SELECT actor FROM audit_events WHERE type = 'officer.password_set'").pluck().all();

  beforeEach(() => {
    h = new Harness();
    add('admin', 'admin', []);
    add('koor', 'supervisor', ['6371-koordinator']);
    add('pupr', 'officer', ['6371-pupr']);
    add('capil', 'officer', ['6371-disdukcapil']);
    newcomer = add('baru', 'officer', ['6371-pupr']);
    secure = true;
    app = officerApp(h, () => secure);
    client = pageClient(app);
  });
  afterEach(() => h.close());

  it('sets the password with a valid link, spends it, ends old sessions, audits, and sends the officer to sign in', async () => {
    h.core.store.officers.openSession('lama', newcomer, 'csrf', h.clock.now());
    const path = link();
    const jar = new Jar();
    const form = await client.get(jar, path);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(form.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await form.text();
    expect(html).toContain('baru');
    expect(html).toContain('name="repeat"');
    expect(html).toContain('minlength="10"');
    const done = await client.post(jar, path, { password: NEW, repeat: NEW, csrf: csrfIn(html) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/petugas/masuk?done=sandi');
    expect(verifyPassword(NEW, passwordOf('baru'))).toBe(true);
    expect(h.core.store.officers.session('lama')).toBeNull();
    expect(audits()).toEqual([`officer:${newcomer}`]);
    const signInPage = await (await client.get(new Jar(), '/petugas/masuk?done=sandi')).text();
    expect(signInPage).toContain('Kata sandi tersimpan. Silakan masuk.');
    await client.signIn('baru', NEW);
    const again = await client.get(new Jar(), path);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('sudah dipakai');
    h.clock.advance(1500);
    const spent = await client.post(new Jar(), path, { password: NEW, repeat: NEW, csrf: 'x' });
    expect(spent.status).toBe(404);
    expect(verifyPassword(NEW, passwordOf('baru'))).toBe(true);
  });

  it('refuses two different passwords and a short one, keeping the link', async () => {
    const path = link();
    const before = passwordOf('baru');
    const differ = await setThrough(new Jar(), path, NEW, `${NEW}x`);
    expect(differ.status).toBe(303);
    expect(differ.headers.get('location')).toBe(`${path}?done=mismatch`);
    expect(await (await client.get(new Jar(), `${path}?done=mismatch`)).text()).toContain(
      'Kedua kata sandi tidak sama.',
    );
    const short = await setThrough(new Jar(), path, 'pendek');
    expect(short.headers.get('location')).toBe(`${path}?done=too_short`);
    expect(await (await client.get(new Jar(), `${path}?done=too_short&lang=en`)).text()).toContain(
      'The password needs at least 10 characters.',
    );
    expect(passwordOf('baru')).toBe(before);
    expect(audits()).toEqual([]);
    expect((await setThrough(new Jar(), path, NEW)).status).toBe(303);
  });

  it('refuses a form without the CSRF cookie or with a forged token', async () => {
    const path = link();
    const before = passwordOf('baru');
    const noCookie = await client.post(new Jar(), path, { password: NEW, repeat: NEW, csrf: 'x' });
    expect(noCookie.headers.get('location')).toBe(`${path}?done=expired`);
    const jar = new Jar();
    await client.get(jar, path);
    const forged = await client.post(jar, path, { password: NEW, repeat: NEW, csrf: 'forged' });
    expect(forged.headers.get('location')).toBe(`${path}?done=expired`);
    expect(passwordOf('baru')).toBe(before);
  });

  it('gives the same polite page for an unknown, an expired and a replaced link', async () => {
    const old = link();
    const path = link();
    const page = async (p: string) => {
      const res = await client.get(new Jar(), p);
      h.clock.advance(70_000);
      return { status: res.status, text: await res.text() };
    };
    const replaced = await page(old);
    const unknown = await page('/petugas/sandi/AAAAAAAAAAAAAAAAAAAAAA');
    const garbage = await page('/petugas/sandi/not-a-token');
    h.clock.advance(72 * 3600_000);
    const expired = await page(path);
    expect(replaced.status).toBe(404);
    expect(unknown).toEqual(replaced);
    expect(garbage).toEqual(replaced);
    expect(expired).toEqual(replaced);
    expect(replaced.text).toContain('Tautan tidak berlaku');
  });

  it('throttles guesses per address like sign-in (a growing delay)', async () => {
    const path = link();
    expect((await client.get(new Jar(), '/petugas/sandi/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const early = await client.get(new Jar(), path);
    expect(early.status).toBe(429);
    expect(await early.text()).toContain('Terlalu banyak percobaan');
    h.clock.advance(1500);
    expect((await client.get(new Jar(), path)).status).toBe(200);
  });

  it('opens only over HTTPS or from this machine, as sign-in does', async () => {
    const path = link();
    secure = false;
    const res = await client.get(new Jar(), path);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('hanya dibuka lewat HTTPS');
    expect((await client.post(new Jar(), path, { password: NEW, repeat: NEW, csrf: 'x' })).status).toBe(403);
  });

  it('is the link that decides, whoever is signed in: admin, supervisor, the agency, another agency, nobody', async () => {
    for (const viewer of ['admin', 'koor', 'pupr', 'capil', null]) {
      const jar = await client.signIn(viewer, PASSWORD);
      const password = `sandi-untuk-${viewer ?? 'tamu'}-1`;
      const res = await setThrough(jar, link(), password);
      expect(res.status, String(viewer)).toBe(303);
      expect(verifyPassword(password, passwordOf('baru')), String(viewer)).toBe(true);
      if (viewer) expect(verifyPassword(PASSWORD, passwordOf(viewer))).toBe(true);
      expect((await client.get(jar, '/petugas/sandi/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      h.clock.advance(2000);
    }
    expect(audits()).toHaveLength(5);
  });

  it('keeps the token out of logs: a logged path is scrubbed', () => {
    const path = link();
    expect(scrubText(`request failed ${path}?done=mismatch`)).toBe(
      'request failed /petugas/sandi/<token>?done=mismatch',
    );
  });
});
