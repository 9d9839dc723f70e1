// /petugas/akun/notifikasi: the signed-in account reads and changes its own notification settings (POST → redirect
// with a `?done=` flash). Mounted behind the officers' session and CSRF checks; an account reaches only its own.
import { type Context, Hono } from 'hono';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { noticeSettingsOf, saveNoticeSettings } from '../../officers/notice-settings.js';
import type { Store } from '../../storage/store.js';
import { NOTICE_PAGE, NoticePage } from './notice-page.js';
import type { SignedIn } from './officer-session.js';
import type { Frame } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

const FLASHES = { saved: false, invalid_email: true, invalid: true } as const;
const isFlash = (s: string | undefined): s is keyof typeof FLASHES => s !== undefined && s in FLASHES;

export function noticeRoutes(
  deps: { store: Store; clock: Clock; mailConfigured: boolean },
  workspaceFrame: (c: Context, me: SignedIn) => Frame,
): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/', (c) => {
    const me = c.get('me');
    const done = c.req.query('done');
    const flash = isFlash(done)
      ? { text: t(c.get('lang'), `officer.notice.done.${done}`), error: FLASHES[done] }
      : null;
    return c.html(
      <NoticePage
        frame={workspaceFrame(c, me)}
        settings={noticeSettingsOf(deps.store, me.officer)}
        linked={deps.store.telegramOfficers.linkOf(me.officer.id) !== null}
        mailConfigured={deps.mailConfigured}
        supervisor={me.officer.role === 'supervisor'}
        flash={flash}
      />,
    );
  });

  app.post('/', async (c) => {
    const result = saveNoticeSettings(deps, c.get('me').officer, await c.req.parseBody());
    const done = result.ok ? 'saved' : result.problem === 'email' ? 'invalid_email' : 'invalid';
    return c.redirect(`${NOTICE_PAGE}?done=${done}`, 303);
  });

  return app;
}
