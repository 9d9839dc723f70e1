// A signed-in browser for `app.request` route tests of the officers' pages: a cookie jar, GET and form POST, the
// page's CSRF token, and sign-in through the real form.
import type { createApp } from '../../src/http/app.js';

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

export function pageClient(app: ReturnType<typeof createApp>) {
  const get = async (jar: Jar, path: string) =>
    jar.take(await app.request(path, { headers: { cookie: jar.header() } }));
  const post = async (jar: Jar, path: string, form: Record<string, string>) =>
    jar.take(
      await app.request(path, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    );
  /** A jar signed in as `username` (an empty jar for null: signed out). */
  const signIn = async (username: string | null, password: string): Promise<Jar> => {
    const jar = new Jar();
    if (username === null) return jar;
    const page = await get(jar, '/petugas/masuk');
    const res = await post(jar, '/petugas/masuk', { username, password, csrf: csrfIn(await page.text()) });
    if (res.status !== 303) throw new Error(`sign-in as ${username}: ${res.status}`);
    return jar;
  };
  return { get, post, signIn };
}
