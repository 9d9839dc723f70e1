// The sign-in's second step (/petugas/masuk/kode): after the password of an account with TOTP on, a half-way cookie
// (5 minutes, no session) lets only this page ask for the 6-digit code or a recovery code; the session opens after it.
// Five wrong codes lock the account's code step for 15 minutes. Mounted before the workspace's session check.
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Officer } from '../../domain/officer.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { maySignIn } from '../../officers/policy.js';
import { newToken, tokenHash } from '../../officers/tokens.js';
import type { TwoFactor } from '../../officers/two-factor.js';
import type { Store } from '../../storage/store.js';
import { SecondStepPage } from './second-step-page.js';
import { COOKIE_OPTIONS, startSession } from './session-start.js';
import { TWO_FACTOR_PAGE } from './two-factor-page.js';

type Env = { Variables: { lang: Lang } };

export type SecondStepDeps = {
  store: Store;
  clock: Clock;
  twoFactor: TwoFactor;
  /** The client's address: wrong recovery codes are counted per account and address. */
  clientAddress: (c: Context) => string;
};

const SECOND_STEP_PAGE = '/petugas/masuk/kode';
const CHALLENGE_COOKIE = 'aduan_kode';
/** The half-way sign-in lasts 5 minutes from the password. */
const CHALLENGE_MS = 5 * 60_000;
const CodeForm = z.object({ code: z.string().max(100), csrf: z.string().max(100) });

/**
 * What follows a right password: the second step for an account with TOTP on; otherwise the session, and for an
 * admin without TOTP the set-up page (the only one it may reach until done).
 */
export function afterPassword(c: Context, deps: SecondStepDeps, officer: Officer, now: number): Response {
  if (deps.twoFactor.enabled(officer)) {
    const token = newToken();
    deps.store.loginChallenges.open(tokenHash(token), officer.id, newToken(), now, now - CHALLENGE_MS);
    setCookie(c, CHALLENGE_COOKIE, token, { ...COOKIE_OPTIONS, maxAge: CHALLENGE_MS / 1000 });
    return c.redirect(SECOND_STEP_PAGE, 303);
  }
  startSession(c, deps.store, officer.id, now);
  return c.redirect(deps.twoFactor.mustSetUp(officer) ? TWO_FACTOR_PAGE : '/petugas', 303);
}

export function secondStepRoutes(deps: SecondStepDeps): Hono<Env> {
  const { store, clock, twoFactor } = deps;
  const app = new Hono<Env>();

  /** The half-way sign-in of the cookie, while fresh and its account may sign in; a stale one is dropped. */
  const current = (c: Context<Env>) => {
    const cookie = getCookie(c, CHALLENGE_COOKIE, 'host');
    if (!cookie || cookie.length > 100) return null;
    const hash = tokenHash(cookie);
    const challenge = store.loginChallenges.get(hash);
    if (!challenge) return null;
    const officer = store.officers.get(challenge.officerId);
    if (clock.now() - challenge.createdAt > CHALLENGE_MS || !officer || !maySignIn(officer)) {
      store.loginChallenges.close(hash);
      return null;
    }
    return { hash, csrf: challenge.csrf, officer };
  };
  const ended = (c: Context<Env>, hash: string | null) => {
    if (hash) store.loginChallenges.close(hash);
    deleteCookie(c, CHALLENGE_COOKIE, COOKIE_OPTIONS);
  };
  const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/', (c) => {
    const lang = c.get('lang');
    const step = current(c);
    if (!step) {
      ended(c, null);
      return c.html(
        <SecondStepPage lang={lang} csrf={null} problem={t(lang, 'officer.two_factor.step.expired')} />,
        401,
      );
    }
    return c.html(<SecondStepPage lang={lang} csrf={step.csrf} problem={null} />);
  });

  app.post('/', async (c) => {
    const lang = c.get('lang');
    const step = current(c);
    if (!step) {
      ended(c, null);
      return c.html(
        <SecondStepPage lang={lang} csrf={null} problem={t(lang, 'officer.two_factor.step.expired')} />,
        401,
      );
    }
    const form = CodeForm.safeParse(await c.req.parseBody());
    if (!form.success || form.data.csrf !== step.csrf)
      return c.html(
        <SecondStepPage lang={lang} csrf={step.csrf} problem={t(lang, 'officer.login.expired')} />,
        403,
      );
    const result = twoFactor.checkSignIn(step.officer, form.data.code, deps.clientAddress(c));
    if (result.ok) {
      ended(c, step.hash);
      const now = clock.now();
      startSession(c, store, step.officer.id, now, result.by);
      return c.redirect(result.by === 'recovery' ? `${TWO_FACTOR_PAGE}?done=recovery_used` : '/petugas', 303);
    }
    if (result.problem === 'locked') {
      // The half-way sign-in stays: a recovery code is still taken while the authenticator's codes are locked.
      const text = t(lang, 'officer.two_factor.step.locked', { minutes: minutes(result.retryInMs) });
      return c.html(<SecondStepPage lang={lang} csrf={step.csrf} problem={text} />, 429);
    }
    return c.html(
      <SecondStepPage lang={lang} csrf={step.csrf} problem={t(lang, 'officer.two_factor.step.wrong')} />,
      401,
    );
  });

  return app;
}
