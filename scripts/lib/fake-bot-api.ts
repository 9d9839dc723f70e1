// A fake Telegram Bot API for the drills, on 127.0.0.1 in the driver's own process. It answers what the service
// calls (getMe, setMyCommands, deleteWebhook, setWebhook, sendMessage, answerCallbackQuery, sendChatAction, getFile
// and the file download) and records every sendMessage with its arrival time and the message_id it returned, which
// the service stores as outbox.platform_message_id: that is how a reply is matched to the update that caused it.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type ServerType, serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';

/** A tiny JPEG (SOI, APP0/JFIF, EOI): enough for the service's mime sniffing and file store. */
export const PHOTO_BYTES = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);

/** Milliseconds on the wall clock, with sub-millisecond resolution (the same clock the driver stamps POSTs with). */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export type SentMessage = {
  /** The message_id this fake returned (unique in the run). */
  messageId: number;
  chatId: string;
  text: string;
  /** callback_data of the inline buttons, if any. */
  buttons: string[];
  /** The reply keyboard asks for the phone (request_contact). */
  asksContact: boolean;
  at: number;
};

export type FakeBotApiOptions = {
  token: string;
  /** Called for every sendMessage, as it arrives. */
  onSend?: (m: SentMessage) => void;
};

const ok = (c: Context, result: unknown) => c.json({ ok: true, result });

export class FakeBotApi {
  readonly sent: SentMessage[] = [];
  readonly byMessageId = new Map<number, SentMessage>();
  readonly byChat = new Map<string, SentMessage[]>();
  /** How many calls each method got. */
  readonly calls = new Map<string, number>();
  private nextMessageId = 1;
  private server: ServerType | null = null;
  port = 0;

  constructor(private readonly opts: FakeBotApiOptions) {}

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const app = this.app();
    await new Promise<void>((resolve) => {
      this.server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        this.port = info.port;
        resolve();
      });
    });
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  }

  /** Messages sent to one chat, in arrival order. */
  chat(chatId: string): SentMessage[] {
    return this.byChat.get(chatId) ?? [];
  }

  private count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  private app(): Hono {
    const app = new Hono();
    const auth = `bot${this.opts.token}`;
    app.get('/file/:auth/*', (c) => {
      this.count('file');
      if (c.req.param('auth') !== auth) return c.text('unauthorized', 401);
      return c.body(new Uint8Array(PHOTO_BYTES), 200, {
        'content-type': 'image/jpeg',
        'content-length': String(PHOTO_BYTES.byteLength),
      });
    });
    app.post('/:auth/:method', async (c) => {
      if (c.req.param('auth') !== auth) {
        return c.json({ ok: false, error_code: 401, description: 'Unauthorized' }, 401);
      }
      const method = c.req.param('method');
      this.count(method);
      const raw: unknown = await c.req.json().catch(() => ({}));
      const body: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
      switch (method) {
        case 'getMe':
          return ok(c, { id: 424242, is_bot: true, first_name: 'Aduan', username: 'AduanDrillBot' });
        case 'sendMessage':
          return ok(c, this.record(body));
        case 'getFile': {
          const id = String(body.file_id);
          return ok(c, {
            file_id: id,
            file_unique_id: `u-${id}`,
            file_size: PHOTO_BYTES.byteLength,
            file_path: `photos/${id}.jpg`,
          });
        }
        case 'getUpdates':
          return ok(c, []);
        case 'answerCallbackQuery':
        case 'setMyCommands':
        case 'sendChatAction':
        case 'deleteWebhook':
        case 'setWebhook':
          return ok(c, true);
        default:
          return c.json({ ok: false, error_code: 404, description: 'Not Found: method not found' }, 404);
      }
    });
    return app;
  }

  private record(body: Record<string, unknown>): Record<string, unknown> {
    const markup = body.reply_markup as
      | { inline_keyboard?: { callback_data?: string }[][]; keyboard?: { request_contact?: boolean }[][] }
      | undefined;
    const m: SentMessage = {
      messageId: this.nextMessageId++,
      chatId: String(body.chat_id),
      text: String(body.text ?? ''),
      buttons: (markup?.inline_keyboard ?? [])
        .flat()
        .flatMap((b) => (b.callback_data ? [b.callback_data] : [])),
      asksContact: (markup?.keyboard ?? []).flat().some((b) => b.request_contact === true),
      at: nowMs(),
    };
    this.sent.push(m);
    this.byMessageId.set(m.messageId, m);
    const list = this.byChat.get(m.chatId);
    if (list) list.push(m);
    else this.byChat.set(m.chatId, [m]);
    this.opts.onSend?.(m);
    return {
      message_id: m.messageId,
      date: Math.floor(m.at / 1000),
      chat: { id: Number(body.chat_id), type: 'private' },
      text: m.text,
    };
  }
}
