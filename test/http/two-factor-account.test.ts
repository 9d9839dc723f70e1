// The account's two-step verification page (/petugas/akun/dua-langkah) through app.request, for each kind of account
// and signed out: an admin without TOTP reaches nothing else until it has set it up; others may turn it on (secret as
// text, otpauth:// URI and QR code, confirmed with a real code) and off (a code or the password); recovery codes are
// shown once and made again; the secret is stored sealed; every change is audited; the operator's reset.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { totpSecretBox } from '../../src/officers/totp-secret-box.js';
import { userCommand } from '../../src/officers/user-command.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';
import { enableTestTotp, testBox, totpCode } from '../helpers/two-factor.js';

const PASSWORD = 'kata-sandi-panjang-1';
const PAGE = '/petugas/akun/dua-langkah';
const ACTIONS = [`${PAGE}/aktifkan`, `${PAGE}/kode-pemulihan`, `${PAGE}/matikan`];
/** The accounts of the access matrix (the page is each account's own; agencies do not change it). */
const ACCOUNTS = [
  { username: 'admin', role: 'admin', agencies: [] },
  { username: 'korbjm', role: 'supervisor', agencies: ['6371-koordinator'] },
  { username: 'capil', role: 'officer', agencies: ['6371-disdukcapil'] },
  { username: 'pupr', role: 'officer', agencies: ['6371-pupr'] },
] as const;
type Who = (typeof ACCOUNTS)[number]['username'];

const secretIn = (html: string) =>
  (/id="totp-secret" readonly="" value="([^"]+)"/.exec(html)?.[1] ?? '').replace(/ /g, '');
const codesIn = (html: string) =>
  [...html.matchAll(/<li>([2-9A-Z]{5}-[2-9A-Z]{5})<\/li>/g)].map((m) => m[1] ?? '');

describe('the two-step verification page', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const ids = {} as Record<Who, number>;
  const client = pageClient(() => app);
  const { get, post } = client;

  /** The password step only: the jar, and where it was sent. */
  const password = async (username: Who) => {
    const jar = new Jar();
    const page = await get(jar, '/petugas/masuk');
    const res = await post(jar, '/petugas/masuk', {
      username,
      password: PASSWORD,
      csrf: csrfIn(await page.text()),
    });
    expect(res.status).toBe(303);
    return { jar, location: res.headers.get('location') };
  };
  /** A form of the page, with the session's CSRF token. */
  const act = async (jar: Jar, path: string, form: Record<string, string>) => {
    const csrf = csrfIn(await (await get(jar, PAGE)).text());
    return post(jar, path, { ...form, csrf });
  };
  /** Sets TOTP up through the page: the secret read from it, and the recovery codes shown. */
  const setUp = async (jar: Jar) => {
    const page = await get(jar, PAGE);
    const secret = secretIn(await page.text());
    const shown = await act(jar, `${PAGE}/aktifkan`, { code: totpCode(h, secret) });
    expect(shown.status).toBe(200);
    return { secret, codes: codesIn(await shown.text()), shown };
  };
  const audit = (type: string) =>
    h.core.db.prepare('SELECT actor, data FROM audit_events WHERE type = ? ORDER BY id').all(type);

  beforeEach(() => {
    h = new Harness();
    for (const a of ACCOUNTS)
      ids[a.username] = h.core.store.officers.add(
        { ...a, agencies: [...a.agencies], name: null, passwordHash: hashPassword(PASSWORD) },
        h.clock.now(),
      );
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('sends a signed-out visitor to sign in, and refuses its POSTs', async () => {
    const jar = new Jar();
    const page = await get(jar, PAGE);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/petugas/masuk');
    for (const path of ACTIONS)
      expect((await post(jar, path, { csrf: 'x', code: '123456' })).status).toBe(401);
    expect(h.core.db.prepare('SELECT count(*) FROM officer_totp').pluck().get()).toBe(0);
  });

  it.each(ACCOUNTS.map((a) => a.username))(
    'shows %s its own state, offers set-up or the forms, and refuses forms without the CSRF token',
    async (username) => {
      if (username === 'admin') enableTestTotp(h, ids.admin);
      const jar = await client.signIn(username, PASSWORD);
      const page = await get(jar, PAGE);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain(`href="${PAGE}"`);
      if (username === 'admin') {
        expect(html).toContain('Aktif sejak');
        expect(html).toContain('Wajib untuk akun admin.');
        expect(html).toContain('npm run user -- --reset-2fa admin');
        expect(html).not.toContain(`${PAGE}/matikan`);
      } else {
        expect(html).toContain('Belum aktif.');
        expect(html).toContain('Tidak wajib untuk akun Anda');
        expect(secretIn(html)).toMatch(/^[A-Z2-7]{32}$/);
      }
      for (const path of ACTIONS)
        expect((await post(jar, path, { csrf: 'bukan', code: '1' })).status).toBe(403);
      // Only its own account has a secret waiting.
      const rows = h.core.db.prepare('SELECT officer_id FROM officer_totp').pluck().all();
      expect(rows).toEqual([ids[username]]);
    },
  );

  it('keeps an admin without TOTP on the set-up until it is confirmed, then opens the workspace', async () => {
    const { jar, location } = await password('admin');
    expect(location).toBe(PAGE);
    for (const path of [
      '/petugas',
      '/petugas/audit',
      '/petugas/akun/telegram',
      '/petugas/tiket/ADU-2611-4K7Q',
    ]) {
      const res = await get(jar, path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe(PAGE);
    }
    const csrf = csrfIn(await (await get(jar, PAGE)).text());
    for (const path of ['/petugas/akun/telegram/kode', '/petugas/tiket/ADU-2611-4K7Q/catatan'])
      expect((await post(jar, path, { csrf, text: 'x' })).status, path).toBe(403);

    const page = await get(jar, PAGE);
    const html = await page.text();
    expect(html).toContain('halaman lain baru dapat dibuka setelah Anda memasangnya');
    expect(html).not.toContain('href="/petugas/audit"');
    expect(html).toContain('<svg');
    const secret = secretIn(html);
    expect(html).toContain(`otpauth://totp/Aduan:admin?secret=${secret}&amp;issuer=Aduan`);
    // A reload shows the same secret; a wrong code changes nothing.
    expect(secretIn(await (await get(jar, PAGE)).text())).toBe(secret);
    const wrong = await act(jar, `${PAGE}/aktifkan`, {
      code: totpCode(h, secret) === '000000' ? '111111' : '000000',
    });
    expect(wrong.headers.get('location')).toBe(`${PAGE}?done=wrong`);
    expect((await get(jar, '/petugas')).status).toBe(303);

    const shown = await act(jar, `${PAGE}/aktifkan`, { code: totpCode(h, secret) });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const codes = codesIn(await shown.text());
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await get(jar, '/petugas')).status).toBe(200);
    expect(await (await get(jar, PAGE)).text()).not.toContain(codes[0]);
    expect(audit('officer.two_factor_enabled')).toEqual([{ actor: `officer:${ids.admin}`, data: null }]);
    // Signing in again now takes the code.
    expect((await password('admin')).location).toBe('/petugas/masuk/kode');
  });

  it('lets an admin that must set up sign out', async () => {
    const { jar } = await password('admin');
    const csrf = csrfIn(await (await get(jar, PAGE)).text());
    const out = await post(jar, '/petugas/keluar', { csrf });
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    expect((await get(jar, PAGE)).headers.get('location')).toBe('/petugas/masuk');
  });

  it('keeps the secret sealed in the database, and only this server secret opens it for this account', async () => {
    const jar = await client.signIn('capil', PASSWORD);
    const { secret } = await setUp(jar);
    const sealed = String(h.core.db.prepare('SELECT sealed_secret FROM officer_totp').pluck().get());
    expect(sealed).not.toContain(secret);
    expect(testBox.open(ids.capil, sealed)).toBe(secret);
    expect(testBox.open(ids.pupr, sealed)).toBeNull();
    expect(totpSecretBox('another-server-secret-0123456789abcdef').open(ids.capil, sealed)).toBeNull();
    const hashes = h.core.db.prepare('SELECT code_hash FROM officer_recovery_codes').pluck().all();
    expect(hashes).toHaveLength(10);
    for (const hash of hashes) expect(String(hash)).toMatch(/^scrypt\$/);
  });

  it('lets an officer work without it, turn it on, make new recovery codes, and turn it off with its password', async () => {
    const jar = await client.signIn('pupr', PASSWORD);
    expect((await get(jar, '/petugas')).status).toBe(200);
    const { secret, codes } = await setUp(jar);
    expect(codes).toHaveLength(10);
    expect(await (await get(jar, PAGE)).text()).toContain('Kode pemulihan yang belum dipakai: 10 dari 10.');

    // New recovery codes need a current code (a spent one is refused); the old codes stop working.
    const spent = await act(jar, `${PAGE}/kode-pemulihan`, { code: totpCode(h, secret) });
    expect(spent.headers.get('location')).toBe(`${PAGE}?done=wrong`);
    h.clock.advance(30_000);
    const fresh = await act(jar, `${PAGE}/kode-pemulihan`, { code: totpCode(h, secret) });
    expect(fresh.status).toBe(200);
    const newCodes = codesIn(await fresh.text());
    expect(newCodes).toHaveLength(10);
    expect(newCodes).not.toContain(codes[0]);
    const next = await password('pupr');
    const step = await get(next.jar, '/petugas/masuk/kode');
    const old = await post(next.jar, '/petugas/masuk/kode', {
      code: codes[0] ?? '',
      csrf: csrfIn(await step.text()),
    });
    expect(old.status).toBe(401);

    const wrong = await act(jar, `${PAGE}/matikan`, { proof: 'bukan-kata-sandinya' });
    expect(wrong.headers.get('location')).toBe(`${PAGE}?done=wrong`);
    const off = await act(jar, `${PAGE}/matikan`, { proof: PASSWORD });
    expect(off.headers.get('location')).toBe(`${PAGE}?done=disabled`);
    expect(await (await get(jar, `${PAGE}?done=disabled`)).text()).toContain(
      'Verifikasi dua langkah sudah dimatikan.',
    );
    expect(h.core.db.prepare('SELECT count(*) FROM officer_recovery_codes').pluck().get()).toBe(0);
    expect((await password('pupr')).location).toBe('/petugas');

    const actor = `officer:${ids.pupr}`;
    expect(audit('officer.two_factor_enabled')).toEqual([{ actor, data: null }]);
    expect(audit('officer.two_factor_recovery_regenerated')).toEqual([{ actor, data: null }]);
    expect(audit('officer.two_factor_disabled')).toEqual([{ actor, data: null }]);
    expect(audit('officer.two_factor_failed')).toEqual([
      { actor, data: '{"failures":1,"during":"recovery_codes"}' },
      // The new codes cleared the count, like any right code.
      // A wrong recovery code counts apart (per account and address), not toward the authenticator's lock.
      { actor, data: '{"failures":1,"during":"sign_in","recovery":true}' },
      { actor, data: '{"failures":1,"during":"turn_off"}' },
    ]);
  });

  it('turns it off with a current code too, but never for an admin', async () => {
    const jar = await client.signIn('korbjm', PASSWORD);
    const { secret } = await setUp(jar);
    h.clock.advance(30_000);
    const off = await act(jar, `${PAGE}/matikan`, { proof: totpCode(h, secret) });
    expect(off.headers.get('location')).toBe(`${PAGE}?done=disabled`);

    enableTestTotp(h, ids.admin);
    const admin = await client.signIn('admin', PASSWORD);
    const refused = await act(admin, `${PAGE}/matikan`, { proof: PASSWORD });
    expect(refused.headers.get('location')).toBe(`${PAGE}?done=required`);
    expect(h.core.store.secondFactors.totpOf(ids.admin)?.enabledAt).not.toBeNull();
  });

  it('is reset by the operator for a locked-out admin: sessions end, the next sign-in sets it up again (audited)', async () => {
    const jar = await client.signIn('admin', PASSWORD);
    expect((await get(jar, '/petugas')).status).toBe(200);
    const run = (username: string) =>
      userCommand(
        { command: 'reset-2fa', username, agencies: [] },
        {
          store: h.core.store,
          directory: h.core.directory,
          readPassword: () => null,
          now: h.clock.now(),
        },
      );
    expect(run('admin')).toEqual({
      code: 0,
      lines: [
        '✓ two-step verification of admin reset; its sessions ended; it must set it up again at its next sign-in',
      ],
    });
    expect(h.core.store.secondFactors.totpOf(ids.admin)).toBeNull();
    expect((await get(jar, '/petugas')).headers.get('location')).toBe('/petugas/masuk');
    expect((await password('admin')).location).toBe(PAGE);
    expect(run('pupr').lines).toEqual(['✓ pupr had no two-step verification; its sessions ended']);
    expect(run('ghost').code).toBe(1);
    expect(audit('officer.two_factor_reset')).toEqual([
      { actor: 'system', data: `{"officerId":${ids.admin},"username":"admin","via":"npm run user"}` },
      { actor: 'system', data: `{"officerId":${ids.pupr},"username":"pupr","via":"npm run user"}` },
    ]);
  });
});
