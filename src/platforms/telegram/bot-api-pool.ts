// The Bot API calls made once per message (sendMessage, answerCallbackQuery) over one undici keep-alive pool.
//
// telegraf sends each call through node-fetch and node's http agent: a Request, streams, an agent lookup and header
// objects per call. Measured on this machine (2026-12-07, 20,000 sendMessage POSTs to a local server, 16 at a time):
// 147 µs of CPU per call through node-fetch with a keep-alive agent, 60 µs through an undici Pool. At the load test's
// 500 replies a second that is ~4% of the service's one thread. Failures keep telegraf's shape (a TelegramError with
// the Bot API's error_code, description and parameters), so src/platforms/telegram/send-errors.ts reads them as before;
// anything else (refused, reset, timed out) is thrown as it came, which send-errors.ts counts as Telegram unreachable.
import { TelegramError } from 'telegraf';
import { Pool } from 'undici';
import { z } from 'zod';

/** The Bot API's answer envelope (https://core.telegram.org/bots/api#making-requests). */
const Envelope = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().int().optional(),
  description: z.string().optional(),
  parameters: z
    .object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() })
    .optional(),
});

const SentMessage = z.object({ message_id: z.number().int() });

export type BotApiPoolOptions = {
  /**
   * At most this many connections to the Bot API (default: no limit, as node's agent under telegraf; the outbox
   * sender's lanes, 64, bound the sends in flight). A limit below the lanes queues sends behind each other: with 8,
   * `npm run compare` answered 742 round trips/s instead of 902.
   */
  connections?: number;
  /** How long a call may wait for the answer's headers, then its body (default 30 s each). */
  timeoutMs?: number;
};

export class BotApiPool {
  private readonly pool: Pool;
  private readonly path: string;
  private readonly timeoutMs: number;

  /** `apiRoot` as telegraf takes it (https://api.telegram.org, or a local Bot API server or fake). */
  constructor(apiRoot: string, token: string, opts: BotApiPoolOptions = {}) {
    const root = new URL(apiRoot);
    this.pool = new Pool(root.origin, { connections: opts.connections ?? null, keepAliveTimeout: 30_000 });
    this.path = `${root.pathname.replace(/\/+$/, '')}/bot${token}/`;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /** sendMessage with telegraf's parameters; resolves with the new message's id. */
  async sendMessage(payload: { chat_id: string; text: string } & Record<string, unknown>): Promise<number> {
    const result = SentMessage.safeParse(await this.call('sendMessage', payload));
    if (!result.success) throw new Error('telegram sendMessage answered without a message_id');
    return result.data.message_id;
  }

  /** Stops the button's spinner; the answer's result (true) is not needed. */
  async answerCallbackQuery(id: string): Promise<void> {
    await this.call('answerCallbackQuery', { callback_query_id: id });
  }

  /** Closes the kept connections once the calls under way have ended. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  private async call(method: string, payload: Record<string, unknown>): Promise<unknown> {
    const res = await this.pool.request({
      method: 'POST',
      path: this.path + method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const envelope = Envelope.safeParse(json);
    if (!envelope.success) {
      // Not the Bot API speaking (a proxy's error page): telegraf reports these the same way, by status.
      throw new TelegramError(
        { error_code: res.statusCode, description: `HTTP ${res.statusCode}` },
        { method },
      );
    }
    const e = envelope.data;
    if (!e.ok) {
      throw new TelegramError(
        {
          error_code: e.error_code ?? res.statusCode,
          description: e.description ?? `HTTP ${res.statusCode}`,
          ...(e.parameters ? { parameters: e.parameters } : {}),
        },
        { method },
      );
    }
    return e.result;
  }
}
