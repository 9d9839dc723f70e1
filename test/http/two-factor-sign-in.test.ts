// The sign-in's second step (/petugas/masuk/kode) through app.request, with real otplib codes at the harness's clock:
// after the password of an account with TOTP on there is no session until the code; the right code (±1 step of 30 s)
// opens it once (a replayed code is refused), a recovery code works once, the half-way step ends after 5 minutes and
// after 5 wrong codes (locked for 15 minutes); every outcome is audited, never with the code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';
import { enableTestTotp, forgetSpentStep, testTwoFactor, totpCode } from '../helpers/two-factor.js';

const PASSWORD = 'kata-sandi-panjang-1';
const STEP_PAGE = '/petugas/masuk/kode';
const ACCOUNTS = [
  { username: 'admin', role: 'admin', agencies: [] },
  { username: 'korbjm', role: 'supervisor', agencies: ['6371-koordinator'] },
  { username: 'capil', role: 'officer', agencies: ['6371-disdukcapil'] },
  { username: 'pupr', role: 'officer', agencies: ['6371-pupr'] },
] as const;
type Who = (typeof ACCOUNTS)[number]['username'];

describe('the second step of signing in', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const ids = {} as Record<Who, number>;
  const { get, post } = pageClient(() => app);

  /** The password step in a fresh jar: its answer, and the jar. */
  const password = async (username: Who) => {
    const jar = new Jar();
    const page = await get(jar, '/petugas/masuk');
    const res = await post(jar, '/petugas/masuk', {
      username,
      password: PASSWORD,
      csrf: csrfIn(await page.text()),
    });
    return { jar, res };
  };
  const code = async (jar: Jar, typed: string) => {
    const page = await get(jar, STEP_PAGE);
    return post(jar, STEP_PAGE, { code: typed, csrf: csrfIn(await page.text()) });
  };
  const hasSession = (jar: Jar) => jar.header().includes('__Host-aduan_petugas=');
  const audit = (type: string) =>
    h.core.db
      .prepare('SELECT actor, data FROM audit_events WHERE type = ? ORDER BY id')
      .all(type)
      .map((r) => ({ ...(r as { actor: string; data: string | null }) }));

  beforeEach(() => {
    h = new Harness();
    for (const a of ACCOUNTS)
      ids[a.username] = h.core.store.officers.add(
        { ...a, agencies: [...a.agencies], name: null, passwordHash: hashPassword(PASSWORD) },
        h.clock.now(),
      );
    for (const a of ACCOUNTS) enableTestTotp(h, ids[a.username]);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it.each(ACCOUNTS.map((a) => a.username))(
    'gives %s no session after the password, and opens it with the right code',
    async (username) => {
      const { jar, res } = await password(username);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(STEP_PAGE);
      expect(hasSession(jar)).toBe(false);
      expect(audit('officer.login')).toEqual([]);
      const page = await get(jar, STEP_PAGE);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text()).toContain('Ketik kode 6 angka dari aplikasi autentikator Anda');

      const done = await code(jar, totpCode(h));
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe('/petugas');
      expect(hasSession(jar)).toBe(true);
      expect((await get(jar, '/petugas')).status).toBe(200);
      expect(audit('officer.login')).toEqual([
        { actor: `officer:${ids[username]}`, data: '{"secondFactor":"totp"}' },
      ]);
      expect(h.core.db.prepare('SELECT count(*) FROM officer_login_challenges').pluck().get()).toBe(0);
    },
  );

  it('lets a half-signed-in visitor reach no page and no action, and sign out of nothing', async () => {
    const { jar } = await password('capil');
    for (const path of [
      '/petugas',
      '/petugas/akun/dua-langkah',
      '/petugas/akun/telegram',
      '/petugas/audit',
    ]) {
      const res = await get(jar, path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/petugas/masuk');
    }
    for (const path of [
      '/petugas/akun/dua-langkah/matikan',
      '/petugas/akun/dua-langkah/kode-pemulihan',
      '/petugas/akun/telegram/kode',
      '/petugas/tiket/ADU-2611-4K7Q/catatan',
      '/petugas/keluar',
    ])
      expect((await post(jar, path, { csrf: 'x', text: 'halo', proof: PASSWORD })).status, path).toBe(401);
    // The step's own form needs its own CSRF token.
    expect((await post(jar, STEP_PAGE, { code: totpCode(h), csrf: 'bukan' })).status).toBe(403);
    expect(hasSession(jar)).toBe(false);
  });

  it('refuses a wrong code with a count in the audit, and the step stays open for the right one', async () => {
    const { jar } = await password('pupr');
    const wrong = await code(jar, totpCode(h) === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Kode salah atau sudah dipakai.');
    expect((await code(jar, 'abc')).status).toBe(401);
    expect(hasSession(jar)).toBe(false);
    const failed = audit('officer.two_factor_failed');
    expect(failed).toEqual([
      { actor: `officer:${ids.pupr}`, data: '{"failures":1,"during":"sign_in"}' },
      { actor: `officer:${ids.pupr}`, data: '{"failures":2,"during":"sign_in"}' },
    ]);
    expect(JSON.stringify(failed)).not.toContain('000000');
    expect((await code(jar, totpCode(h))).status).toBe(303);
  });

  it('refuses a code already used (a replay), even from another browser, and takes the next step’s', async () => {
    const first = await password('korbjm');
    expect((await code(first.jar, totpCode(h))).status).toBe(303);
    const again = await password('korbjm');
    expect((await code(again.jar, totpCode(h))).status).toBe(401);
    h.clock.advance(30_000);
    // The spent code is now one step old, inside the window, and still refused.
    expect((await code(again.jar, totpCode(h, undefined, -1))).status).toBe(401);
    expect((await code(again.jar, totpCode(h))).status).toBe(303);
  });

  it('accepts codes one step (30 s) either side of now, and none further', async () => {
    const { jar } = await password('capil');
    expect((await code(jar, totpCode(h, undefined, -2))).status).toBe(401);
    expect((await code(jar, totpCode(h, undefined, 2))).status).toBe(401);
    expect((await code(jar, totpCode(h, undefined, -1))).status).toBe(303);
    const later = await password('capil');
    expect((await code(later.jar, totpCode(h, undefined, 1))).status).toBe(303);
  });

  it('takes each recovery code once, typed loosely, and says how many are left', async () => {
    h.core.store.secondFactors.removeTotp(ids.capil);
    const twoFactor = testTwoFactor(h);
    const capil = h.core.store.officers.get(ids.capil);
    if (!capil) throw new Error('no capil');
    const secret = twoFactor.setUp(capil)?.secret ?? '';
    const confirmed = twoFactor.confirm(capil, totpCode(h, secret));
    if (!confirmed.ok) throw new Error('not confirmed');
    const [first = '', second = ''] = confirmed.codes;

    const { jar } = await password('capil');
    const used = await code(jar, first.toLowerCase().replace('-', ' '));
    expect(used.status).toBe(303);
    expect(used.headers.get('location')).toBe('/petugas/akun/dua-langkah?done=recovery_used');
    expect(await (await get(jar, '/petugas/akun/dua-langkah?done=recovery_used')).text()).toContain(
      'Anda masuk dengan kode pemulihan; sisa 9.',
    );
    expect(audit('officer.two_factor_recovery_used')).toEqual([
      { actor: `officer:${ids.capil}`, data: '{"left":9}' },
    ]);
    expect(audit('officer.login').at(-1)?.data).toBe('{"secondFactor":"recovery"}');

    const again = await password('capil');
    expect((await code(again.jar, first)).status).toBe(401);
    expect((await code(again.jar, second)).status).toBe(303);
    expect(h.core.store.secondFactors.unusedRecoveryCodes(ids.capil)).toHaveLength(8);
  });

  it('ends the half-way step 5 minutes after the password', async () => {
    const { jar } = await password('admin');
    const page = await get(jar, STEP_PAGE);
    const csrf = csrfIn(await page.text());
    h.clock.advance(5 * 60_000 + 1000);
    const late = await post(jar, STEP_PAGE, { code: totpCode(h), csrf });
    expect(late.status).toBe(401);
    expect(await late.text()).toContain('Waktu untuk mengetik kode sudah habis (5 menit).');
    expect(hasSession(jar)).toBe(false);
    expect((await get(jar, STEP_PAGE)).status).toBe(401);
  });

  it('locks the code step for 15 minutes after 5 wrong codes, across sign-ins, and audits each attempt', async () => {
    const { jar } = await password('pupr');
    const bad = totpCode(h) === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) expect((await code(jar, bad)).status).toBe(401);
    const fifth = await code(jar, bad);
    expect(fifth.status).toBe(429);
    expect(await fifth.text()).toContain(
      'kode dari aplikasi autentikator dikunci selama 15 menit. Anda tetap bisa masuk dengan salah satu kode pemulihan.',
    );
    // A new half-way sign-in after the password is still locked, the right code too; each refusal is audited.
    const next = await password('pupr');
    expect((await code(next.jar, totpCode(h))).status).toBe(429);
    expect(hasSession(next.jar)).toBe(false);
    expect(audit('officer.two_factor_failed').map((r) => JSON.parse(r.data ?? '{}'))).toEqual([
      ...[1, 2, 3, 4, 5].map((failures) => ({ failures, during: 'sign_in' })),
      { during: 'sign_in', locked: true },
    ]);
    h.clock.advance(15 * 60_000);
    const after = await password('pupr');
    expect((await code(after.jar, totpCode(h))).status).toBe(303);
  });

  it('lets the owner in with a recovery code while someone who knows the password keeps the codes locked', async () => {
    const pupr = h.core.store.officers.get(ids.pupr);
    if (!pupr) throw new Error('no account');
    const codes = testTwoFactor(h).regenerate(pupr, totpCode(h));
    if (!codes.ok) throw new Error('no recovery codes');
    forgetSpentStep(h, ids.pupr);
    const attacker = await password('pupr');
    const bad = totpCode(h) === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) await code(attacker.jar, bad);
    expect((await code(attacker.jar, totpCode(h))).status).toBe(429);
    // The owner, locked out of authenticator codes, still gets in with a recovery code, on the same page.
    const owner = await password('pupr');
    const locked = await code(owner.jar, totpCode(h));
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('name="code"');
    expect((await code(owner.jar, codes.codes[0] ?? '')).status).toBe(303);
    expect(hasSession(owner.jar)).toBe(true);
    // Wrong recovery codes lock only that address's recovery attempts, after five.
    const guesser = await password('pupr');
    for (let i = 1; i <= 5; i++) await code(guesser.jar, 'AAAAA-AAAAA');
    expect((await code(guesser.jar, codes.codes[1] ?? '')).status).toBe(429);
  });
});
