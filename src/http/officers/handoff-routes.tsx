// /petugas/handoff: chats that asked for a person. The queue, one chat's page with its conversation, and the actions
// (take, take over from a disabled account, write, hand back) as POSTs that redirect with `?done=`. Mounted behind
// the officers' session and CSRF checks; a hand-off outside the account's scope is a 404.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import type { HandoffActions, HandoffResult } from '../../officers/handoff-actions.js';
import { MAX_OFFICER_TEXT } from '../../officers/ticket-actions.js';
import { chatLines, chatStartBefore } from '../../officers/transcript.js';
import type { Handoff } from '../../storage/handoffs.js';
import type { Store } from '../../storage/store.js';
import { HandoffPage, HandoffQueuePage } from './handoff-views.js';
import type { SignedIn } from './officer-session.js';
import { MessagePage } from './views.js';
import type { Frame } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ReplyForm = z.object({ text: z.string().max(MAX_OFFICER_TEXT), csrf: z.string().max(100) });
const FLASH_OK = new Set(['taken', 'taken_over', 'replied', 'returned']);
const FLASH_PROBLEM = new Set(['not_taken', 'not_stranded', 'gone', 'empty']);

export type HandoffRoutesDeps = {
  store: Store;
  handoffs: HandoffActions;
  clock: Clock;
  /** The workspace's own page frame (language, account, navigation) for this request. */
  frame: (c: Context, me: SignedIn) => Frame;
};

export function handoffRoutes(deps: HandoffRoutesDeps): Hono<Env> {
  const { store, handoffs, clock } = deps;
  const app = new Hono<Env>();

  const notFound = (c: Context<Env>) => {
    const lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };
  const visible = (c: Context<Env>): Handoff | null => {
    const id = Id.safeParse(c.req.param('id'));
    return id.success ? handoffs.find(c.get('me').officer, id.data) : null;
  };
  const after = (c: Context<Env>, id: number, result: HandoffResult, done: string) =>
    result.ok || result.problem !== 'not_found'
      ? c.redirect(`/petugas/handoff/${id}?done=${result.ok ? done : result.problem}`, 303)
      : notFound(c);

  app.get('/', (c) => {
    const me = c.get('me');
    return c.html(
      <HandoffQueuePage frame={deps.frame(c, me)} rows={handoffs.queue(me.officer)} now={clock.now()} />,
    );
  });

  app.get('/:id', (c) => {
    const me = c.get('me');
    const h = visible(c);
    if (!h) return notFound(c);
    const lang = c.get('lang');
    const complaint = h.ticketId === null ? null : store.tickets.complaint(h.ticketId);
    // Agencies never see who a rahasia or anonim reporter is; admins and coordinators do.
    const showIdentity = me.officer.role !== 'officer' || complaint?.identityMode === 'biasa';
    const now = clock.now();
    // The chat since its last complaint before this one: a hand-off about a ticket from that ticket's intake on, one
    // without a ticket from the last filing on (earlier complaints may be other agencies' or other identity modes).
    const about =
      h.ticketId === null
        ? null
        : store.tickets.listForChat(h.conversationId).find((x) => x.id === h.ticketId);
    const from = chatStartBefore(store, h.conversationId, about ? about.createdAt : h.askedAt);
    const lines = chatLines(
      store,
      h.conversationId,
      { from, to: now },
      {
        showIdentity,
        hidden: t(lang, 'officer.transcript.hidden'),
        known: { name: complaint?.name ?? null, nik: complaint?.nik, phone: complaint?.phone },
        lang,
      },
    );
    const done = c.req.query('done') ?? '';
    const flash =
      FLASH_OK.has(done) || FLASH_PROBLEM.has(done)
        ? { ok: FLASH_OK.has(done), text: t(lang, `officer.handoff.done.${done}`) }
        : null;
    return c.html(
      <HandoffPage
        frame={deps.frame(c, me)}
        me={me.officer.id}
        handoff={h}
        lines={lines}
        now={now}
        flash={flash}
      />,
    );
  });

  app.post('/:id/ambil', (c) => {
    const id = Id.safeParse(c.req.param('id'));
    if (!id.success) return notFound(c);
    return after(c, id.data, handoffs.take(c.get('me').officer, id.data), 'taken');
  });

  app.post('/:id/ambil-alih', (c) => {
    const id = Id.safeParse(c.req.param('id'));
    if (!id.success) return notFound(c);
    return after(c, id.data, handoffs.takeOver(c.get('me').officer, id.data), 'taken_over');
  });

  app.post('/:id/balas', async (c) => {
    const id = Id.safeParse(c.req.param('id'));
    const form = ReplyForm.safeParse(await c.req.parseBody());
    if (!id.success) return notFound(c);
    const text = form.success ? form.data.text : '';
    return after(c, id.data, handoffs.reply(c.get('me').officer, id.data, text), 'replied');
  });

  app.post('/:id/kembalikan', (c) => {
    const id = Id.safeParse(c.req.param('id'));
    if (!id.success) return notFound(c);
    return after(c, id.data, handoffs.handBack(c.get('me').officer, id.data), 'returned');
  });

  return app;
}
