// A fake Telegram Bot API on 127.0.0.1 for tests: getUpdates with offsets, recorded sends, 429s on demand, files.
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';

export type Call = { method: string; body: Record<string, unknown>; at: number };

type Waiter = { resolve: () => void };

export type FailStatus = 400 | 403 | 429 | 500 | 502;

const ok = (c: Context, result: unknown) => c.json({ ok: true, result });

export class FakeTelegram {
  readonly token: string;
  readonly calls: Call[] = [];
  /** Updates not yet confirmed by an offset past them. */
  private updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private readonly messageIds: { id: number; text: string }[] = [];
  private waiters: Waiter[] = [];
  private readonly files = new Map<string, { path: string; data: Uint8Array }>();
  private readonly failures: {
    method: string;
    status: FailStatus;
    body: Record<string, unknown>;
    /** Calls to let through before this failure. */
    skip: number;
  }[] = [];
  private server: ServerType | null = null;
  port = 0;
  readonly botId = 424242;

  constructor(token = '424242:TEST-token_abcdefghijklmnopqrstuv') {
    this.token = token;
  }

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
    for (const w of this.waiters.splice(0)) w.resolve();
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  }

  /** Queues an update (its update_id is assigned here) and wakes a waiting getUpdates. */
  push(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const w of this.waiters.splice(0)) w.resolve();
    return id;
  }

  /** Pushes the same update again, update_id and all: Telegram delivering twice. */
  pushAgain(updateId: number, update: Record<string, unknown>): void {
    this.updates.push({ update_id: updateId, ...update });
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  /**
   * The next call to `method` (or the one after `skip` successful ones) fails once with this status and body
   * (e.g. 429 with parameters.retry_after).
   */
  failNext(
    method: string,
    status: FailStatus,
    description: string,
    parameters?: Record<string, unknown>,
    skip = 0,
  ): void {
    this.failures.push({
      method,
      status,
      body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
      skip,
    });
  }

  addFile(fileId: string, data: Uint8Array, path = `photos/${fileId}.jpg`): void {
    this.files.set(fileId, { path, data });
  }

  callsTo(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The message_id the fake gave the newest sent message containing `text` (what a citizen replies to). */
  messageIdOf(text: string): number | null {
    return this.messageIds.findLast((m) => m.text.includes(text))?.id ?? null;
  }

  /** Texts sent with sendMessage, in order. */
  sentTexts(): string[] {
    return this.callsTo('sendMessage').map((c) => String(c.body.text));
  }

  get pendingUpdates(): number {
    return this.updates.length;
  }

  private app(): Hono {
    const app = new Hono();
    app.get('/file/:auth/*', (c) => {
      if (c.req.param('auth') !== `bot${this.token}`) return c.text('unauthorized', 401);
      const path = c.req.path.slice(`/file/bot${this.token}/`.length);
      const file = [...this.files.values()].find((f) => f.path === path);
      if (!file) return c.text('not found', 404);
      return c.body(new Uint8Array(file.data), 200, {
        'content-type': 'application/octet-stream',
        'content-length': String(file.data.byteLength),
      });
    });
    app.post('/:auth/:method', async (c) => {
      if (c.req.param('auth') !== `bot${this.token}`) {
        return c.json({ ok: false, error_code: 401, description: 'Unauthorized' }, 401);
      }
      const method = c.req.param('method');
      // Uploads (sendPhoto, sendDocument) come as multipart: a file is recorded as its name and size.
      const raw: unknown = (c.req.header('content-type') ?? '').startsWith('multipart/')
        ? await multipartBody(c)
        : await c.req.json().catch(() => ({}));
      const body: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
      this.calls.push({ method, body, at: Date.now() });
      const failure = this.failures.find((f) => f.method === method);
      if (failure && failure.skip > 0) failure.skip--;
      else if (failure) {
        this.failures.splice(this.failures.indexOf(failure), 1);
        return c.json(failure.body, failure.status);
      }
      return this.answer(c, method, body);
    });
    return app;
  }

  private async answer(c: Context, method: string, body: Record<string, unknown>): Promise<Response> {
    switch (method) {
      case 'getMe':
        return ok(c, { id: this.botId, is_bot: true, first_name: 'Aduan', username: 'AduanKalselBot' });
      case 'getUpdates':
        return ok(c, await this.getUpdates(body));
      case 'sendMessage':
        this.messageIds.push({ id: this.nextMessageId, text: String(body.text) });
        return ok(c, {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: 'private' },
          text: body.text,
        });
      case 'sendPhoto':
      case 'sendDocument':
        return ok(c, {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: 'private' },
        });
      case 'editMessageReplyMarkup':
        return ok(c, {
          message_id: Number(body.message_id),
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: 'supergroup' },
          ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
        });
      case 'getFile': {
        const id = String(body.file_id);
        const file = this.files.get(id);
        if (!file)
          return c.json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }, 400);
        return ok(c, {
          file_id: id,
          file_unique_id: `u-${id}`,
          file_size: file.data.byteLength,
          file_path: file.path,
        });
      }
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'sendChatAction':
      case 'deleteWebhook':
      case 'setWebhook':
        return ok(c, true);
      default:
        return c.json({ ok: false, error_code: 404, description: 'Not Found: method not found' }, 404);
    }
  }

  /** Drops updates below `offset` (confirmed), serves the rest, or waits up to `timeout` seconds for one. */
  private async getUpdates(body: Record<string, unknown>): Promise<unknown[]> {
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    const limit = typeof body.limit === 'number' ? body.limit : 100;
    const timeout = typeof body.timeout === 'number' ? body.timeout : 0;
    const deadline = Date.now() + timeout * 1000;
    for (;;) {
      this.updates = this.updates.filter((u) => Number(u.update_id) >= offset);
      if (this.updates.length > 0 || Date.now() >= deadline || !this.server) {
        return [...this.updates].sort((a, b) => Number(a.update_id) - Number(b.update_id)).slice(0, limit);
      }
      await new Promise<void>((resolve) => {
        const waiter = { resolve };
        this.waiters.push(waiter);
        setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve();
        }, deadline - Date.now());
      });
    }
  }
}

/** Builders for the updates a private chat sends. */
export class TelegramUser {
  private messageId = 1;
  constructor(
    readonly chatId: number,
    readonly firstName = 'Siti',
  ) {}

  private base(): Record<string, unknown> {
    return {
      message_id: this.messageId++,
      date: 1_795_000_000,
      chat: { id: this.chatId, type: 'private', first_name: this.firstName },
      from: { id: this.chatId, is_bot: false, first_name: this.firstName, language_code: 'id' },
    };
  }

  text(text: string): Record<string, unknown> {
    return { message: { ...this.base(), text } };
  }

  /** A reply (swipe, "Balas") to one of the bot's messages: Telegram sends the quoted message along. */
  reply(text: string, toMessageId: number): Record<string, unknown> {
    return {
      message: {
        ...this.base(),
        text,
        reply_to_message: {
          message_id: toMessageId,
          date: 1_795_000_000,
          chat: { id: this.chatId, type: 'private', first_name: this.firstName },
          from: { id: 1, is_bot: true, first_name: 'Aduan', username: 'AduanKalselBot' },
          text: '…',
        },
      },
    };
  }

  photo(fileId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      message: {
        ...this.base(),
        photo: [
          { file_id: `${fileId}-small`, file_unique_id: `s-${fileId}`, width: 90, height: 90 },
          { file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 960 },
        ],
        ...extra,
      },
    };
  }

  contact(phone: string): Record<string, unknown> {
    return {
      message: {
        ...this.base(),
        contact: { phone_number: phone, first_name: this.firstName, user_id: this.chatId },
      },
    };
  }

  tap(data: string, id = `cb-${this.chatId}-${this.messageId++}`): Record<string, unknown> {
    return {
      callback_query: {
        id,
        from: { id: this.chatId, is_bot: false, first_name: this.firstName },
        chat_instance: 'ci',
        message: { message_id: 1, date: 1_795_000_000, chat: { id: this.chatId, type: 'private' } },
        data,
      },
    };
  }
}

/** A multipart body's fields; a file as `{ name, size, head }` (its first bytes, as text). */
async function multipartBody(c: Context): Promise<Record<string, unknown>> {
  const form = await c.req.formData();
  const body: Record<string, unknown> = {};
  const fields: [string, FormDataEntryValue][] = [];
  form.forEach((value, key) => {
    fields.push([key, value]);
  });
  for (const [key, value] of fields) {
    if (typeof value === 'string') body[key] = value;
    else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      body[key] = {
        name: value.name,
        size: bytes.byteLength,
        head: Buffer.from(bytes.slice(0, 5)).toString(),
      };
    }
  }
  return body;
}
