// The web chat's JSON API: a citizen's browser posts messages and polls for later ones; the sender is a cookie.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Ids } from '../../clock.js';
import { InboundMessage } from '../../conversation/inbound.js';
import type { Handle, HandleResult } from '../../conversation/runtime.js';
import { StorageUnavailable } from '../../conversation/storage-guard.js';
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { LANGS, t } from '../../i18n/locales.js';
import type { FileStore } from '../../storage/file-store.js';
import type { RecordedMessage } from '../../storage/inbound.js';
import type { Store } from '../../storage/store.js';
import { maskNik } from '../../understand/nik.js';
import { chatFile, chatFileRoutes, chatFileUrl } from './chat-files.js';

export const SESSION_COOKIE = 'aduan_sid';

export type WebChatDeps = {
  /** The inbound pipeline: the runtime behind the service's guards. */
  handle: Handle;
  store: Store;
  ids: Ids;
  clock: { now(): number };
  maxUploadBytes: number;
  /** Tests and tools may name the sender in an X-Dev-Sender header. Never in production. */
  devSenders: boolean;
  /** Cookies get the Secure flag when the service is reached over HTTPS. */
  secureCookies?: boolean;
  /** Where officers' files are read from: without it the chat's download route is not mounted. */
  chatFiles?: Pick<FileStore, 'pathOf'>;
};

const PostBody = z.object({
  /** A client-chosen id per message, so that a resend after a timeout is processed once. */
  id: z.string().min(1).max(100).optional(),
  text: z.string().max(20_000).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  media: z
    .object({
      filename: z.string().max(255),
      mime: z.string().max(200),
      base64: z.string().max(30_000_000),
    })
    .optional(),
});

const SESSION = /^[a-zA-Z0-9_-]{8,128}$/;

/** Whether a cookie value has the shape of a session id this API issues. */
export const isSessionId = (value: string): boolean => SESSION.test(value);

/** One item of the conversation: the bot's message (`id` is the outbox cursor) or, in a history, the citizen's. */
type Item = {
  id: number;
  from: 'bot' | 'citizen';
  text: string;
  choices: RenderedMessage['choices'];
  expecting: string;
  wordChoices?: boolean;
  /** A citizen's message: how many files it carried, and whether it was a pin. */
  files?: number;
  location?: boolean;
  /** A bot message's files from an officer: each downloaded through this chat's own cookie. */
  attachments?: { name: string; mime: string; size: number; url: string }[];
};

const toReply = (e: { id: number; message: RenderedMessage }): Item => {
  const { files, ...message } = e.message;
  return {
    id: e.id,
    from: 'bot',
    ...message,
    ...(files?.length ? { attachments: files.map((f) => ({ ...chatFile(f), url: chatFileUrl(f.id) })) } : {}),
  };
};

/** Commands the page sends by itself (the conversation's language) carry ids with this prefix: not shown again. */
const QUIET_ID = /:q-[^:]*$/;

const Recorded = z.object({
  text: z.string().optional(),
  attachments: z.array(z.unknown()).optional(),
  location: z.unknown().optional(),
});

/**
 * What the citizen saw of their own message: a tapped button was posted as its id ("yes") and is shown as its label
 * ("Setuju"); the start button posts a greeting and showed its own word ("Mulai").
 */
function asTapped(items: Item[], lang: Lang): Item[] {
  let offered: Item['choices'] | null = null;
  return items.map((item) => {
    if (item.from === 'bot') {
      offered = item.choices;
      return item;
    }
    const first = offered === null;
    const tapped = offered?.find((c) => c.id === item.text);
    offered = [];
    if (tapped) return { ...item, text: tapped.label };
    if (first && LANGS.some((l) => item.text === t(l, 'web.start_text')))
      return { ...item, text: t(lang, 'web.start') };
    return item;
  });
}

/** How many of the latest bot messages a reloaded page gets, with what the citizen said between them. */
const HISTORY = 200;

export function webChatApi(deps: WebChatDeps): Hono {
  const app = new Hono();
  const { store } = deps;

  /** The sender: a server-issued random id in an HttpOnly cookie (web senders are their own namespace). */
  const sender = (c: Context, create: boolean): string | null => {
    if (deps.devSenders) {
      const dev = c.req.header('x-dev-sender');
      if (dev && SESSION.test(dev)) return `dev-${dev}`;
    }
    const existing = getCookie(c, SESSION_COOKIE);
    if (existing && SESSION.test(existing)) return existing;
    if (!create) return null;
    const fresh = deps.ids.id();
    setCookie(c, SESSION_COOKIE, fresh, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: deps.secureCookies ?? false,
      maxAge: 60 * 60 * 24 * 365,
    });
    return fresh;
  };

  app.post('/messages', bodyLimit({ maxSize: Math.ceil(deps.maxUploadBytes * 1.4) + 100_000 }), async (c) => {
    const raw: unknown = await c.req.json().catch(() => null);
    const body = PostBody.safeParse(raw);
    if (!body.success)
      return c.json({ error: 'invalid_body', issues: body.error.issues.map((i) => i.message) }, 400);
    const chatId = sender(c, true);
    if (!chatId) return c.json({ error: 'no_session' }, 401);
    const b = body.data;
    const media = b.media
      ? [
          {
            kind: b.media.mime.startsWith('image/')
              ? ('photo' as const)
              : b.media.mime.startsWith('audio/')
                ? ('voice' as const)
                : b.media.mime.startsWith('video/')
                  ? ('video' as const)
                  : ('document' as const),
            mime: b.media.mime,
            filename: b.media.filename,
            data: new Uint8Array(Buffer.from(b.media.base64, 'base64')),
          },
        ]
      : undefined;
    const messageId = b.id ? `${chatId}:${b.id}` : `${chatId}:${deps.ids.id()}`;
    const inbound = InboundMessage.safeParse({
      channel: 'web',
      chatId,
      messageId,
      text: b.text,
      location: b.location,
      media,
    });
    if (!inbound.success) return c.json({ error: 'invalid_message' }, 400);
    let result: HandleResult;
    try {
      result = deps.handle(inbound.data);
    } catch (err) {
      // Disk full or database busy: nothing was stored; the page keeps the message and sends it again.
      if (!(err instanceof StorageUnavailable)) throw err;
      c.header('Retry-After', '10');
      return c.json({ error: 'busy' }, 503);
    }
    const entries = result.duplicate
      ? store.outbox.forInbound('web', messageId).map((e) => ({ id: e.id, message: e.message }))
      : result.outgoing.filter((o) => o.chatId === chatId);
    const now = deps.clock.now();
    for (const e of entries) store.outbox.markSent(e.id, now, null);
    return c.json({
      replies: entries.map(toReply),
      duplicate: result.duplicate,
      // The conversation's language after this message ("/lang en"): the page's own words follow it.
      lang: store.conversations.lang('web', chatId),
    });
  });

  /**
   * Messages that arrived later (reminders, the story's quiet-time follow-up, officers' answers). `after=0` is a
   * page (re)loaded: the conversation so far, the citizen's own messages too (`from: "citizen"`), oldest first.
   */
  app.get('/messages', (c) => {
    const chatId = sender(c, false);
    if (!chatId) return c.json({ replies: [], lang: 'id' });
    const after = z.coerce.number().int().min(0).catch(0).parse(c.req.query('after'));
    const entries =
      after === 0 ? store.outbox.latest('web', chatId, HISTORY) : store.outbox.after('web', chatId, after);
    const now = deps.clock.now();
    for (const e of entries) if (e.status !== 'sent') store.outbox.markSent(e.id, now, null);
    const conv = after === 0 ? store.conversations.find('web', chatId) : null;
    const recorded = conv ? store.inbound.history(conv.id, entries[0]?.createdAt ?? 0, HISTORY) : [];
    // The page's own commands and what they got back were never shown: they stay out of the history too.
    const quiet = new Set(recorded.filter((m) => QUIET_ID.test(m.key)).map((m) => m.id));
    const bot = entries
      .filter((e) => after > 0 || e.inboundId === null || !quiet.has(e.inboundId))
      .map((e) => ({
        at: e.createdAt,
        turn: e.inboundId ?? Number.MAX_SAFE_INTEGER,
        rank: 1,
        item: toReply({ id: e.id, message: e.message }),
      }));
    const citizen = citizenItems(recorded.filter((m) => !quiet.has(m.id)));
    // In time order; at the same time, each message of the citizen before the replies it got.
    const items = [...citizen, ...bot]
      .sort((a, b) => a.at - b.at || a.turn - b.turn || a.rank - b.rank || a.item.id - b.item.id)
      .map((x) => x.item);
    const lang = store.conversations.lang('web', chatId);
    return c.json({ replies: after === 0 ? asTapped(items, lang) : items, lang });
  });

  /** `turn`: the inbound message a reply answers (its own id for the citizen's); `rank`: the citizen's first. */
  function citizenItems(
    recorded: RecordedMessage[],
  ): { at: number; turn: number; rank: number; item: Item }[] {
    return recorded.flatMap((m) => {
      const body = Recorded.safeParse(m.body);
      if (!body.success) return [];
      const files = body.data.attachments?.length ?? 0;
      const location = body.data.location !== undefined && body.data.location !== null;
      const text = body.data.text ?? '';
      if (!text.trim() && files === 0 && !location) return [];
      const item: Item = {
        id: m.id,
        from: 'citizen',
        text,
        choices: [],
        expecting: 'none',
        ...(files > 0 ? { files } : {}),
        ...(location ? { location } : {}),
      };
      return [{ at: m.at, turn: m.id, rank: 0, item }];
    });
  }

  if (deps.chatFiles) {
    const files = deps.chatFiles;
    app.route('/', chatFileRoutes({ store, files, chatOf: (c) => sender(c, false) }));
  }

  /** The citizen's own complaints (NIK masked); nobody else's can be reached from this cookie. */
  app.get('/complaints', (c) => {
    const chatId = sender(c, false);
    if (!chatId) return c.json({ complaints: [] });
    const conv = store.conversations.find('web', chatId);
    if (!conv) return c.json({ complaints: [] });
    const complaints = store.tickets.listForChat(conv.id).map((tk) => {
      const complaint = store.tickets.complaint(tk.id);
      return {
        ticket: tk.number,
        status: tk.status,
        dueDate: tk.dueDate,
        createdAt: new Date(tk.createdAt).toISOString(),
        complaint: complaint ? { ...complaint, nik: complaint.nik ? maskNik(complaint.nik) : null } : null,
      };
    });
    return c.json({ complaints });
  });

  return app;
}
