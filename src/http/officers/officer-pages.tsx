// The officers' workspace under /petugas: sign-in, the inbox of the tickets they may see, a ticket's page with its
// history and the status change that tells the citizen. Access is decided by the queries (a ticket outside the scope
// is a 404), every form carries the session's CSRF token, and sign-in happens only over HTTPS or from this machine.
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import { witaDate } from '../../domain/wita.js';
import type { LinkSigner } from '../../forwarding/payload.js';
import { t } from '../../i18n/locales.js';
import { identityGivenToAccount } from '../../officers/copy-access.js';
import type { HandoffActions } from '../../officers/handoff-actions.js';
import { cursorAfter, inboxFilter, inboxSearch, lenientInboxQuery } from '../../officers/inbox-query.js';
import { DUMMY_HASH, verifyPassword } from '../../officers/passwords.js';
import { maySignIn, scopeOf } from '../../officers/policy.js';
import type { TelegramLinking } from '../../officers/telegram-linking.js';
import { editsTemplates } from '../../officers/template-access.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import { newToken } from '../../officers/tokens.js';
import { ticketTranscript } from '../../officers/transcript.js';
import type { TwoFactor } from '../../officers/two-factor.js';
import type { Directory } from '../../routing/directory.js';
import type { FileStore } from '../../storage/file-store.js';
import type { Store } from '../../storage/store.js';
import type { OfficerTicket } from '../../storage/ticket-inbox.js';
import { REASSIGNABLE, nextStatuses } from '../../tickets/transitions.js';
import { kabkotaByCode } from '../../understand/region-lookup.js';
import { agencyPages } from './agency-routes.js';
import { eventFiles } from './answer-files-view.js';
import { FILE_FLASHES, answerRoutes } from './answer-routes.js';
import { AssignmentPanel } from './assignment-panel.js';
import { assignmentRoutes, assignmentView, officerName } from './assignment-routes.js';
import { attachmentRoutes } from './attachment-routes.js';
import { auditPages } from './audit-pages.js';
import { deadlineRoutes, deadlineSlot } from './deadline-routes.js';
import { handoffRoutes } from './handoff-routes.js';
import { inboxCsvRoutes } from './inbox-csv-routes.js';
import { InboxPage } from './inbox-page.js';
import { laporRoutes } from './lapor-routes.js';
import { MERGE_FLASH, mergeRoutes, mergeSlots } from './merge-routes.js';
import { noticeRoutes } from './notice-routes.js';
import { LOGIN_COOKIE, SESSION_COOKIE, SignInThrottle, type SignedIn, signedIn } from './officer-session.js';
import { filterOptions, reporterFor } from './officer-view-data.js';
import { ombudsmanRoutes, ombudsmanSlot } from './ombudsman-routes.js';
import { passwordLinkRoutes } from './password-link-routes.js';
import { afterPassword, secondStepRoutes } from './second-step-routes.js';
import { type StatisticsDeps, statisticsRoutes } from './statistics-routes.js';
import { telegramLinkRoutes } from './telegram-link-routes.js';
import { templateOffer } from './template-offer.js';
import { templatePages } from './template-pages.js';
import { inboxAsRead, ticketAsRead } from './ticket-as-read.js';
import { TicketPage } from './ticket-page.js';
import { twoFactorGate, twoFactorRoutes } from './two-factor-routes.js';
import { type Frame, MessagePage, SignInPage } from './views.js';

export type OfficerPagesDeps = Pick<StatisticsDeps, 'boundaries'> & {
  store: Store;
  /** Where the ticket's files are kept (named by their sha256), and the upload limit of officers' files. */
  files: Pick<FileStore, 'pathOf' | 'limits'>;
  actions: TicketActions;
  directory: Directory;
  clock: Clock;
  /** True when the request came over HTTPS (or through a trusted proxy that says so) or from this machine. */
  secureRequest: (c: Context) => boolean;
  /** The caller's address, for sign-in throttling. */
  clientAddress: (c: Context) => string;
  /** Linking accounts to Telegram users (the page at /petugas/akun/telegram). */
  telegramLinking: TelegramLinking;
  /** Two-step sign-in (TOTP, recovery codes): required for admins (/petugas/masuk/kode, /petugas/akun/dua-langkah). */
  twoFactor: TwoFactor;
  /** Chats that asked for a person (the pages at /petugas/handoff); a composition without a runtime has none. */
  handoffs?: HandoffActions;
  /** Whether e-mail can be sent (SMTP_URL): the notification page says so when not. */
  mailConfigured?: boolean;
  /** Signs evidence links in the exports for LAPOR! and Ombudsman (PUBLIC_BASE_URL); without it they carry none. */
  signLink?: LinkSigner;
};

const PAGE_SIZE = 50;
const SignInForm = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  csrf: z.string().max(100),
});
const CsrfForm = z.object({ csrf: z.string().max(100) });
const TextForm = z.object({ text: z.string().max(10_000), csrf: z.string().max(100) });
/** What a redirect after an action may say on the ticket page (`?done=`). */
const FLASH_OK = new Set(['ok', 'replied', 'noted', 'taken_over', 'reassigned', 'assigned', MERGE_FLASH.ok]);
const FLASH_PROBLEM = new Set([
  'not_allowed',
  'reason_required',
  'message_required',
  'empty',
  'read_only',
  'unknown_agency',
  'unknown_officer',
  'no_chat',
  ...FILE_FLASHES,
  ...MERGE_FLASH.problems,
]);
const ReassignForm = z.object({
  agency: z.string().max(200),
  reason: z.string().max(500),
  csrf: z.string().max(100),
});
const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);
const cookieOptions = { prefix: 'host', secure: true, httpOnly: true, sameSite: 'Lax', path: '/' } as const;

export function officerPages(deps: OfficerPagesDeps): Hono<{ Variables: { me: SignedIn; lang: Lang } }> {
  const { store, directory, clock } = deps;
  const throttle = new SignInThrottle(store.throttles, 'masuk');
  const app = new Hono<{ Variables: { me: SignedIn; lang: Lang } }>();
  const langOf = (c: Context): Lang => {
    const asked = c.req.query('lang');
    if (asked === 'en' || asked === 'id') {
      setCookie(c, 'aduan_petugas_lang', asked, { ...cookieOptions, httpOnly: false });
      return asked;
    }
    return getCookie(c, 'aduan_petugas_lang', 'host') === 'en' ? 'en' : 'id';
  };
  const agencyName = (id: string | null) => (id ? (directory.agency(id)?.shortName ?? id) : '–');
  const regionName = (code: string) => kabkotaByCode(code)?.name ?? code;
  const frame = (c: Context, me: SignedIn): Frame => ({
    lang: langOf(c),
    officer: {
      name: me.officer.name ?? me.officer.username,
      csrf: me.csrf,
      admin: me.officer.role === 'admin',
      templates: editsTemplates(me.officer, directory),
      handoffs: deps.handoffs?.waiting(me.officer),
    },
  });

  app.use('*', async (c, next) => {
    const lang = langOf(c);
    c.set('lang', lang);
    if (!deps.secureRequest(c)) {
      const title = t(lang, 'officer.login.title');
      return c.html(<MessagePage lang={lang} title={title} text={t(lang, 'officer.login.insecure')} />, 403);
    }
    await next();
  });

  const signInPage = (
    c: Context,
    lang: Lang,
    problem: string | null,
    status: 200 | 401 | 403 | 429,
    user = '',
  ) => {
    const csrf = newToken();
    setCookie(c, LOGIN_COOKIE, csrf, { ...cookieOptions, maxAge: 3600 });
    const notice = c.req.query('done') === 'sandi' ? t(lang, 'officer.password_link.done') : null;
    return c.html(
      <SignInPage lang={lang} csrf={csrf} problem={problem} notice={notice} username={user} />,
      status,
    );
  };
  app.get('/masuk', (c) => signInPage(c, c.get('lang'), null, 200));
  app.route('/sandi', passwordLinkRoutes(deps));
  app.post('/masuk', async (c) => {
    const lang = c.get('lang');
    const form = SignInForm.safeParse(await c.req.parseBody());
    const expected = getCookie(c, LOGIN_COOKIE, 'host');
    if (!form.success || !expected || form.data.csrf !== expected)
      return signInPage(c, lang, t(lang, 'officer.login.expired'), 403);
    const now = clock.now();
    const keys = [`user:${form.data.username.toLowerCase()}`, `ip:${deps.clientAddress(c)}`];
    const wait = throttle.waitMs(keys, now);
    if (wait > 0)
      return signInPage(c, lang, t(lang, 'officer.login.wait', { seconds: Math.ceil(wait / 1000) }), 429);
    const found = store.officers.credentials(form.data.username);
    const ok =
      verifyPassword(form.data.password, found?.passwordHash ?? DUMMY_HASH) && maySignIn(found?.officer);
    if (!found || !ok) {
      throttle.failed(keys, now);
      store.audit.record({ at: now, actor: 'officer', type: 'officer.login_failed', data: { ip: keys[1] } });
      return signInPage(c, lang, t(lang, 'officer.login.failed'), 401, form.data.username);
    }
    throttle.succeeded(keys);
    deleteCookie(c, LOGIN_COOKIE, cookieOptions);
    return afterPassword(c, deps, found.officer, now);
  });
  app.route('/masuk/kode', secondStepRoutes(deps));

  // Everything below needs a session.
  app.use('*', async (c, next) => {
    const me = signedIn(store, getCookie(c, SESSION_COOKIE, 'host'), clock.now());
    if (!me) return c.req.method === 'GET' ? c.redirect('/petugas/masuk', 303) : c.text('unauthorized', 401);
    if (c.req.method === 'POST') {
      const form = CsrfForm.safeParse(await c.req.parseBody());
      if (!form.success || form.data.csrf !== me.csrf) return c.text('forbidden', 403);
    }
    c.set('me', me);
    await next();
  });
  app.use('*', twoFactorGate(deps.twoFactor));
  app.route('/akun/dua-langkah', twoFactorRoutes(deps.twoFactor, frame));

  app.route('/akun/telegram', telegramLinkRoutes(deps.telegramLinking, frame));
  app.route(
    '/akun/notifikasi',
    noticeRoutes({ ...deps, mailConfigured: deps.mailConfigured ?? false }, frame),
  );

  app.post('/keluar', (c) => {
    store.officers.closeSession(c.get('me').sessionHash);
    deleteCookie(c, SESSION_COOKIE, cookieOptions);
    return c.redirect('/petugas/masuk', 303);
  });

  app.route('/', auditPages({ ...deps, frame }));
  app.route('/', inboxCsvRoutes(deps));
  app.route('/', laporRoutes(deps));
  app.route('/instansi', agencyPages({ ...deps, frame }));
  app.route('/templat', templatePages({ ...deps, frame }));
  app.route('/statistik', statisticsRoutes({ ...deps, frame }));
  if (deps.handoffs) app.route('/handoff', handoffRoutes({ ...deps, handoffs: deps.handoffs, frame }));

  app.get('/', (c) => {
    const me = c.get('me');
    const scope = scopeOf(me.officer, directory);
    const query = lenientInboxQuery(c.req.query());
    const newReply = c.req.query('balasan') === '1';
    const unreceived = c.req.query('tanpa_penerima') === '1';
    const today = witaDate(clock.now());
    const filter = {
      ...inboxFilter(query, today, me.officer.id),
      ...(unreceived ? { unreceived } : {}),
      ...(newReply ? { newReply } : {}),
    };
    const rows = store.ticketInbox.inbox(scope, filter, PAGE_SIZE + 1);
    const shown = rows.slice(0, PAGE_SIZE);
    const last = shown.at(-1);
    const flags = { ...(newReply ? { balasan: '1' } : {}), ...(unreceived ? { tanpa_penerima: '1' } : {}) };
    const next =
      rows.length > PAGE_SIZE && last
        ? `/petugas${inboxSearch(query, { ...flags, cursor: cursorAfter(last, query.sort) })}`
        : null;
    return c.html(
      <InboxPage
        frame={frame(c, me)}
        rows={inboxAsRead(store, shown, me.officer.role !== 'officer', c.get('lang'))}
        counts={store.ticketInbox.statusCounts(scope)}
        statuses={TicketStatus.options}
        query={query}
        only={newReply ? 'reply' : unreceived ? 'unreceived' : null}
        options={filterOptions(scope, directory)}
        today={today}
        next={next}
        agencyName={agencyName}
        regionName={regionName}
      />,
    );
  });

  const notFound = (c: Context) => {
    const lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };

  /** The ticket page; `revealNik` shows the full NIK to an admin or supervisor who asked for it (audited). */
  const ticketPage = (c: Context, me: SignedIn, ticket: OfficerTicket, revealNik: boolean) => {
    const lang = langOf(c);
    const privileged = me.officer.role !== 'officer';
    const events = store.ticketEvents.forTicket(ticket.id);
    // A rahasia reporter's name and NIK given for this account's agency (Ombudsman's copy); not their chat's answers.
    const given = !privileged && identityGivenToAccount(me.officer, ticket.complaint, events);
    const reporter = reporterFor(ticket.complaint, privileged, revealNik && privileged, given);
    const now = clock.now();
    const actor = `officer:${me.officer.id}`;
    if (reporter.kind === 'shown')
      store.audit.record({ at: now, actor, type: 'officer.viewed_identity', ticketId: ticket.id });
    if (revealNik && privileged && ticket.complaint.nik)
      store.audit.record({ at: now, actor, type: 'officer.revealed_nik', ticketId: ticket.id });
    const done = c.req.query('done') ?? '';
    const flash = FLASH_OK.has(done)
      ? { ok: true, text: t(lang, done === 'ok' ? 'officer.ticket.saved' : `officer.ticket.${done}`) }
      : FLASH_PROBLEM.has(done)
        ? { ok: false, text: t(lang, `officer.ticket.${done}`) }
        : null;
    return c.html(
      <TicketPage
        frame={frame(c, me)}
        {...ticketAsRead(
          {
            ticket,
            events,
            additions: store.tickets.notes(ticket.id).filter((n) => n.author === 'citizen'),
            attachments: store.attachments.ofTicket(ticket.id),
          },
          reporter.kind === 'shown' && !given,
          lang,
        )}
        related={store.ticketInbox.relatedFor(ticket.id, scopeOf(me.officer, directory))}
        transcript={ticketTranscript(
          store,
          ticket,
          reporter.kind === 'shown' && !given,
          t(lang, 'officer.transcript.hidden'),
          lang,
        )}
        reporter={reporter}
        mayRevealNik={privileged && !revealNik && reporter.kind === 'shown' && reporter.nik !== null}
        next={nextStatuses(ticket.status)}
        mayAct={deps.actions.mayActOn(me.officer, ticket)}
        mayTakeOver={deps.actions.mayTakeOver(me.officer, ticket)}
        copy={deps.actions.readsAsCopy(me.officer, ticket)}
        agencies={
          REASSIGNABLE.has(ticket.status) && deps.actions.mayReassign(me.officer, ticket)
            ? directory
                .all()
                .filter((a) => a.id !== ticket.agencyId)
                .map((a) => ({ id: a.id, name: a.name }))
            : []
        }
        flash={flash}
        agencyName={agencyName(ticket.agencyId)}
        regionName={regionName(ticket.complaint.kabkotaCode)}
        assignment={<AssignmentPanel lang={lang} csrf={me.csrf} view={assignmentView(deps, me, ticket)} />}
        officerName={(id) => officerName(store, id)}
        merge={mergeSlots(deps, me, ticket, lang)}
        deadline={deadlineSlot(deps, me, ticket, lang, c.req.query('done'))}
        ombudsman={ombudsmanSlot(me.officer, ticket.number, lang)}
        eventFiles={eventFiles(store.answerFiles.ofTicket(ticket.id), ticket.number)}
        templates={templateOffer(deps, me.officer, ticket, nextStatuses(ticket.status), c.req.query())}
      />,
    );
  };

  /** The ticket of the URL when this account may see it; null (a 404) otherwise. */
  const visibleTicket = (c: Context, me: SignedIn): OfficerTicket | null => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    return number.success ? store.ticketInbox.forOfficer(number.data, scopeOf(me.officer, directory)) : null;
  };

  app.route('/tiket', assignmentRoutes(deps));
  app.route('/tiket', answerRoutes(deps));
  app.route('/tiket', mergeRoutes({ ...deps, frame }));
  app.route('/tiket', attachmentRoutes(deps));
  app.route('/tiket', deadlineRoutes(deps));
  app.route('/tiket', ombudsmanRoutes(deps));

  app.get('/tiket/:number', (c) => {
    const me = c.get('me');
    const ticket = visibleTicket(c, me);
    return ticket ? ticketPage(c, me, ticket, false) : notFound(c);
  });

  // The full NIK, on request (a POST: never in a URL, a history or a prefetch), for admins and supervisors only.
  app.post('/tiket/:number/nik', (c) => {
    const me = c.get('me');
    const ticket = visibleTicket(c, me);
    return ticket ? ticketPage(c, me, ticket, true) : notFound(c);
  });

  app.post('/tiket/:number/alihkan', async (c) => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    if (!number.success) return notFound(c);
    const form = ReassignForm.safeParse(await c.req.parseBody());
    const agency = form.success ? (form.data.agency.trim().split(/\s/)[0] ?? '') : '';
    const result = deps.actions.reassign(
      c.get('me').officer,
      number.data,
      agency,
      form.success ? form.data.reason : null,
    );
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return c.redirect(`/petugas/tiket/${number.data}?done=${result.ok ? 'reassigned' : result.problem}`, 303);
  });

  app.post('/tiket/:number/ambil-alih', (c) => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    if (!number.success) return notFound(c);
    const result = deps.actions.takeOver(c.get('me').officer, number.data);
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return c.redirect(`/petugas/tiket/${number.data}?done=${result.ok ? 'taken_over' : result.problem}`, 303);
  });

  app.post('/tiket/:number/catatan', async (c) => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    if (!number.success) return notFound(c);
    const form = TextForm.safeParse(await c.req.parseBody());
    const result = deps.actions.write(
      c.get('me').officer,
      number.data,
      'note',
      form.success ? form.data.text : '',
    );
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return c.redirect(`/petugas/tiket/${number.data}?done=${result.ok ? 'noted' : result.problem}`, 303);
  });

  return app;
}
