// /petugas/sandi/<token>: an account sets its password through its one-time link (no sign-in). Mounted behind the
// workspace's HTTPS rule; CSRF as the sign-in form does it (a cookie matched by the form), throttled per address like
// sign-in, and an unknown, spent or expired link gets one and the same page.
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { LINK_PATH, linkHolder, setPasswordByLink } from '../../officers/password-links.js';
import { MIN_PASSWORD_LENGTH } from '../../officers/passwords.js';
import { newToken } from '../../officers/tokens.js';
import type { Store } from '../../storage/store.js';
import { SignInThrottle } from './officer-session.js';
import { DeadLinkPage, PasswordLinkPage } from './password-link-page.js';

type Env = { Variables: { lang: Lang } };

export type PasswordLinkDeps = {
  store: Store;
  clock: Clock;
  /** The caller's address, for throttling guesses. */
  clientAddress: (c: Context) => string;
};

const CSRF_COOKIE = 'aduan_sandi';
const cookieOptions = { prefix: 'host', secure: true, httpOnly: true, sameSite: 'Lax', path: '/' } as const;
const Token = z.string().regex(/^[\w-]{22}$/);
const SetForm = z.object({
  password: z.string().max(1000),
  repeat: z.string().max(1000),
  csrf: z.string().max(100),
});
/** What a redirect back to the form may say (`?done=`). */
const Problem = z.enum(['mismatch', 'too_short', 'expired']);

export function passwordLinkRoutes(deps: PasswordLinkDeps): Hono<Env> {
  const { store, clock } = deps;
  const throttle = new SignInThrottle(store.throttles, 'sandi');
  const app = new Hono<Env>();

  // The token is in the URL: it must not leak through a cache or a Referer.
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
  });

  /** The account of the URL's link, or a response: too many tries, or the one page for a dead link. */
  const holderOr = (c: Context<Env>) => {
    const lang = c.get('lang');
    const now = clock.now();
    const keys = [`ip:${deps.clientAddress(c)}`];
    const wait = throttle.waitMs(keys, now);
    if (wait > 0) {
      const text = t(lang, 'officer.login.wait', { seconds: Math.ceil(wait / 1000) });
      return { ok: false, response: c.html(<DeadLinkPage lang={lang} problem={text} />, 429) } as const;
    }
    const token = Token.safeParse(c.req.param('token'));
    const officer = token.success ? linkHolder(store, token.data, now) : null;
    if (!token.success || !officer) {
      throttle.failed(keys, now);
      return { ok: false, response: c.html(<DeadLinkPage lang={lang} problem={null} />, 404) } as const;
    }
    throttle.succeeded(keys);
    return { ok: true, officer, token: token.data } as const;
  };

  app.get('/:token', (c) => {
    const found = holderOr(c);
    if (!found.ok) return found.response;
    const lang = c.get('lang');
    const done = Problem.safeParse(c.req.query('done'));
    const csrf = newToken();
    setCookie(c, CSRF_COOKIE, csrf, { ...cookieOptions, maxAge: 3600 });
    return c.html(
      <PasswordLinkPage
        lang={lang}
        action={`${LINK_PATH}${found.token}`}
        csrf={csrf}
        username={found.officer.username}
        minLength={MIN_PASSWORD_LENGTH}
        problem={
          done.success ? t(lang, `officer.password_link.${done.data}`, { min: MIN_PASSWORD_LENGTH }) : null
        }
      />,
    );
  });

  app.post('/:token', async (c) => {
    const found = holderOr(c);
    if (!found.ok) return found.response;
    const back = (problem: z.infer<typeof Problem>) =>
      c.redirect(`${LINK_PATH}${found.token}?done=${problem}`, 303);
    const form = SetForm.safeParse(await c.req.parseBody());
    const expected = getCookie(c, CSRF_COOKIE, 'host');
    if (!form.success || !expected || form.data.csrf !== expected) return back('expired');
    const result = setPasswordByLink(store, found.token, form.data.password, form.data.repeat, clock.now());
    if (result === 'invalid') return c.html(<DeadLinkPage lang={c.get('lang')} problem={null} />, 404);
    if (result !== 'set') return back(result);
    deleteCookie(c, CSRF_COOKIE, cookieOptions);
    return c.redirect('/petugas/masuk?done=sandi', 303);
  });

  return app;
}
