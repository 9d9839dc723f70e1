// /petugas/akun/dua-langkah: the signed-in account sets up its TOTP (confirmed with one code), makes new recovery
// codes and turns it off (a current code or the password; never an admin). Recovery codes are shown in the POST's own
// answer (only their hashes are kept); every other POST redirects with a `?done=` flash. Mounted behind the session and
// CSRF checks; an account reaches only its own. `twoFactorGate` keeps an admin without TOTP on this page.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { TwoFactor } from '../../officers/two-factor.js';
import type { SignedIn } from './officer-session.js';
import { RecoveryCodesPage, TWO_FACTOR_PAGE, TwoFactorPage } from './two-factor-page.js';
import type { Frame } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

const CodeForm = z.object({ code: z.string().max(100) });
const ProofForm = z.object({ proof: z.string().max(1000) });
/** What a redirect back may say, and whether it is a problem. */
const FLASHES = {
  wrong: true,
  locked: true,
  required: true,
  not_on: true,
  not_pending: true,
  disabled: false,
  recovery_used: false,
} as const;
const isFlash = (s: string | undefined): s is keyof typeof FLASHES => s !== undefined && s in FLASHES;
/** Where an admin without TOTP may go: this page (and its forms) and signing out. */
const OPEN_TO_SETUP = [TWO_FACTOR_PAGE, '/petugas/keluar'];

/** Keeps an admin without TOTP on the set-up page: any other GET is sent there, any other POST refused. */
export function twoFactorGate(twoFactor: TwoFactor): MiddlewareHandler<Env> {
  return async (c, next) => {
    const path = c.req.path;
    if (
      !twoFactor.mustSetUp(c.get('me').officer) ||
      OPEN_TO_SETUP.some((open) => path === open || path.startsWith(`${open}/`))
    )
      return next();
    return c.req.method === 'GET' ? c.redirect(TWO_FACTOR_PAGE, 303) : c.text('forbidden', 403);
  };
}

export function twoFactorRoutes(
  twoFactor: TwoFactor,
  workspaceFrame: (c: Context, me: SignedIn) => Frame,
): Hono<Env> {
  const app = new Hono<Env>();
  const frame = (c: Context<Env>) => workspaceFrame(c, c.get('me'));
  const back = (c: Context<Env>, done: keyof typeof FLASHES) =>
    c.redirect(`${TWO_FACTOR_PAGE}?done=${done}`, 303);

  // Secrets and recovery codes are on these pages: never kept by a cache.
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/', (c) => {
    const { officer } = c.get('me');
    const lang = c.get('lang');
    const state = twoFactor.state(officer);
    const done = c.req.query('done');
    const flash = isFlash(done)
      ? {
          text: t(lang, `officer.two_factor.done.${done}`, {
            count: state.recoveryLeft,
            minutes: Math.max(1, Math.ceil(twoFactor.lockedMs(officer) / 60_000)),
          }),
          error: FLASHES[done],
        }
      : null;
    return c.html(
      <TwoFactorPage
        frame={frame(c)}
        username={officer.username}
        required={twoFactor.required(officer)}
        state={state}
        setup={state.enabledAt === null ? twoFactor.setUp(officer) : null}
        flash={flash}
      />,
    );
  });

  app.post('/aktifkan', async (c) => {
    const form = CodeForm.safeParse(await c.req.parseBody());
    const result = twoFactor.confirm(c.get('me').officer, form.success ? form.data.code : '');
    return result.ok
      ? c.html(<RecoveryCodesPage frame={frame(c)} codes={result.codes} />)
      : back(c, result.problem);
  });

  app.post('/kode-pemulihan', async (c) => {
    const form = CodeForm.safeParse(await c.req.parseBody());
    const result = twoFactor.regenerate(c.get('me').officer, form.success ? form.data.code : '');
    return result.ok
      ? c.html(<RecoveryCodesPage frame={frame(c)} codes={result.codes} />)
      : back(c, result.problem);
  });

  app.post('/matikan', async (c) => {
    const form = ProofForm.safeParse(await c.req.parseBody());
    const result = twoFactor.turnOff(c.get('me').officer, form.success ? form.data.proof : '');
    return back(c, result.ok ? 'disabled' : result.problem);
  });

  return app;
}
