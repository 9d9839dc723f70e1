// /petugas/akun/telegram: the signed-in account links its Telegram user (a one-time code for `/tautkan` in a private
// chat with the bot) or unlinks it. Mounted behind the officers' session and CSRF checks; an account reaches only its own.
import { type Context, Hono } from 'hono';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { TelegramLinking } from '../../officers/telegram-linking.js';
import type { SignedIn } from './officer-session.js';
import { TelegramLinkPage } from './telegram-link-page.js';
import type { Frame } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

/** `workspaceFrame`: the workspace's own page frame (language, account, navigation) for this request. */
export function telegramLinkRoutes(
  linking: TelegramLinking,
  workspaceFrame: (c: Context, me: SignedIn) => Frame,
): Hono<Env> {
  const app = new Hono<Env>();
  const frame = (c: Context<Env>) => workspaceFrame(c, c.get('me'));

  app.get('/', (c) => {
    const flash = c.req.query('done') === 'unlinked' ? t(c.get('lang'), 'officer.telegram.unlinked') : null;
    const link = linking.linkOf(c.get('me').officer);
    return c.html(<TelegramLinkPage frame={frame(c)} link={link} code={null} flash={flash} />);
  });

  // The code is shown in this answer only (the database keeps its hash), so this POST renders instead of redirecting.
  app.post('/kode', (c) => {
    const me = c.get('me');
    const code = linking.newCode(me.officer);
    c.header('Cache-Control', 'no-store');
    return c.html(
      <TelegramLinkPage frame={frame(c)} link={linking.linkOf(me.officer)} code={code} flash={null} />,
    );
  });

  app.post('/lepas', (c) => {
    linking.unlink(c.get('me').officer);
    return c.redirect('/petugas/akun/telegram?done=unlinked', 303);
  });

  return app;
}
