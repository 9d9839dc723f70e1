// The Bot API calls made once per message (sendMessage, answerCallbackQuery) straight over node's http(s) with one
// keep-alive agent.
//
// telegraf sends each call through node-fetch: a Request, streams, header objects and a Response per call. Measured
// on this machine (2026-12-07, 20,000 sendMessage POSTs to a local server, 16 at a time, two runs each): 147 µs of
// CPU per call through node-fetch, 70 µs through node:http's request with a keep-alive agent. undici's Pool took 47 µs
// but grew the client's RSS by 41–49 MB under that load against 18 MB, and would be one more dependency; Node's own
// fetch took 337 µs. At the load test's 500 replies a second the 77 µs are ~4% of the service's one thread. Failures
// keep telegraf's shape: a 5xx, or the Bot API's own error, is a TelegramError with its error_code, description and
// parameters, so src/platforms/telegram/send-errors.ts reads them as before; anything else (refused, reset, timed
// out, an answer that is not JSON) is thrown as it came, which send-errors.ts counts as Telegram unreachable.
import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TelegramError } from 'telegraf';
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
  /** How long a call may wait with nothing arriving on its socket (node's idle timeout; default 30 s). */
  timeoutMs?: number;
};

/** A Bot API answer is a few KB; anything far larger is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export class BotApiPool {
  private readonly url: URL;
  private readonly path: string;
  private readonly agent: HttpAgent;
  private readonly request: typeof httpRequest;
  private readonly timeoutMs: number;

  /** `apiRoot` as telegraf takes it (https://api.telegram.org, or a local Bot API server or fake). */
  constructor(apiRoot: string, token: string, opts: BotApiPoolOptions = {}) {
    this.url = new URL(apiRoot);
    const tls = this.url.protocol === 'https:';
    // No limit on sockets, as node's agent under telegraf had none: the outbox sender's lanes (64) bound the calls.
    // Nothing closes it: the agent unrefs the sockets it keeps, so they never hold the process open, and a send
    // still under way when the channel stops must finish (the service drains its sender after stopping channels;
    // destroying the sockets there cut such sends off after the fake had them, and they went out twice).
    this.agent = tls ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    this.request = tls ? httpsRequest : httpRequest;
    this.path = `${this.url.pathname.replace(/\/+$/, '')}/bot${token}/`;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /**
   * sendMessage with telegraf's parameters; resolves with the new message's id, or null when the Bot API said ok
   * without one (it was sent all the same: trying again would send it twice).
   */
  async sendMessage(
    payload: { chat_id: string; text: string } & Record<string, unknown>,
  ): Promise<number | null> {
    const result = SentMessage.safeParse(await this.call('sendMessage', payload));
    return result.success ? result.data.message_id : null;
  }

  /** Stops the button's spinner; the answer's result (true) is not needed. */
  async answerCallbackQuery(id: string): Promise<void> {
    await this.call('answerCallbackQuery', { callback_query_id: id });
  }

  private async call(method: string, payload: Record<string, unknown>): Promise<unknown> {
    const { status, text } = await this.post(method, JSON.stringify(payload));
    // As telegraf: a server error is reported by its status, whatever its body (a proxy's error page).
    if (status >= 500)
      throw new TelegramError({ error_code: status, description: `HTTP ${status}` }, { method });
    const envelope = Envelope.safeParse(parseJson(text));
    if (!envelope.success) throw new Error(`telegram ${method}: HTTP ${status} without the Bot API's answer`);
    const e = envelope.data;
    if (!e.ok) {
      throw new TelegramError(
        {
          error_code: e.error_code ?? status,
          description: e.description ?? `HTTP ${status}`,
          ...(e.parameters ? { parameters: e.parameters } : {}),
        },
        { method },
      );
    }
    return e.result;
  }

  private post(method: string, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = this.request(
        {
          protocol: this.url.protocol,
          hostname: this.url.hostname,
          port: this.url.port,
          path: this.path + method,
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size + chunk.length > MAX_ANSWER_BYTES) {
              req.destroy(new Error(`telegram ${method}: answer over 1 MB`));
              return;
            }
            size += chunk.length;
            chunks.push(chunk);
          });
          res.on('end', () => {
            answered = true;
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks, size).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      // Judged after the sockets were read once more: when the event loop was held up longer than the timeout (a
      // paused process, a long synchronous task), the timer runs before the answer already waiting in the socket is
      // read, and the message the Bot API sent would be counted as failed and sent again.
      req.setTimeout(this.timeoutMs, () =>
        setImmediate(() => {
          if (!answered) req.destroy(new Error(`telegram ${method}: no answer in time`));
        }),
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
