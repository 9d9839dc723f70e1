// A signed-in browser for `app.request` route tests of the officers' pages: a cookie jar, GET and form POST, the
// page's CSRF token, and sign-in through the real form (and its second step); or an account with a session opened
// directly in the store (an admin's with TOTP on, as an admin must have it).
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { newToken, tokenHash } from '../../src/officers/tokens.js';
import type { Harness } from './harness.js';
import { harnessOf } from './officer-app.js';
import { enableTestTotp, forgetSpentStep, totpCode } from './two-factor.js';

/** A browser's cookies, enough for these pages: name=value pairs from Set-Cookie, sent back on each request. */
export class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const csrfIn = (html: string): string => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

type App = ReturnType<typeof createApp>;

/** `app`, or a function giving it at each request (for an app made again in each `beforeEach`). */
export function pageClient(appOrGetter: App | (() => App)) {
  const app = (): App => (typeof appOrGetter === 'function' ? appOrGetter() : appOrGetter);
  const get = async (jar: Jar, path: string) =>
    jar.take(await app().request(path, { headers: { cookie: jar.header() } }));
  const post = async (jar: Jar, path: string, form: Record<string, string>) =>
    jar.take(
      await app().request(path, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    );
  /**
   * After a right password (`res`), the second step as the account needs it: an admin sent to set up gets the test
   * TOTP on (as if it had set it up), an account with TOTP on types the test secret's code. Needs an `officerApp`.
   */
  const secondStep = async (jar: Jar, username: string, res: Response): Promise<void> => {
    const location = res.headers.get('location');
    if (location !== '/petugas/akun/dua-langkah' && location !== '/petugas/masuk/kode') return;
    const h = harnessOf(app());
    const id = h?.core.store.officers.find(username)?.id;
    if (!h || id === undefined) throw new Error(`sign-in as ${username}: no harness for its second step`);
    if (location === '/petugas/akun/dua-langkah') return enableTestTotp(h, id);
    forgetSpentStep(h, id);
    const page = await get(jar, location);
    const done = await post(jar, location, { code: totpCode(h), csrf: csrfIn(await page.text()) });
    if (done.status !== 303) throw new Error(`second step of ${username}: ${done.status}`);
  };
  /** A jar signed in as `username` (an empty jar for null: signed out). */
  const signIn = async (username: string | null, password: string): Promise<Jar> => {
    const jar = new Jar();
    if (username === null) return jar;
    const page = await get(jar, '/petugas/masuk');
    const res = await post(jar, '/petugas/masuk', { username, password, csrf: csrfIn(await page.text()) });
    if (res.status !== 303) throw new Error(`sign-in as ${username}: ${res.status}`);
    await secondStep(jar, username, res);
    return jar;
  };
  return { get, post, signIn, secondStep };
}

/**
 * Adds an account (password `kata-sandi-panjang-1`, of `agency` if given) with a session opened in the store: send
 * `cookie` as the `__Host-aduan_petugas` cookie and `csrf` in forms.
 */
export function accountWithSession(
  h: Harness,
  username: string,
  role: 'admin' | 'supervisor' | 'officer',
  agency: string | null,
): { id: number; cookie: string; csrf: string } {
  const id = h.core.store.officers.add(
    {
      username,
      name: null,
      role,
      passwordHash: hashPassword('kata-sandi-panjang-1'),
      agencies: agency ? [agency] : [],
    },
    h.clock.now(),
  );
  if (role === 'admin') enableTestTotp(h, id);
  const cookie = newToken();
  const csrf = newToken();
  h.core.store.officers.openSession(tokenHash(cookie), id, csrf, h.clock.now());
  return { id, cookie, csrf };
}
