// The pooled Bot API calls against a local HTTP server: what is sent, and each kind of failure read by send-errors.ts
// as telegraf's were (429 waits retry_after, 5xx and a proxy's page retry, 400/403 give up, no server is unreachable).
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiPool } from '../../../src/platforms/telegram/bot-api-pool.js';
import { toSendError } from '../../../src/platforms/telegram/send-errors.js';

type Answer = { status: number; body: string };

/** The Bot API's own error answer, with its HTTP status. */
const botError = (code: number, description: string, parameters?: Record<string, unknown>): Answer => ({
  status: code,
  body: JSON.stringify({ ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) }),
});

describe('BotApiPool', () => {
  let server: Server;
  let root: string;
  let answer: Answer;
  const calls: { url: string; type: string | undefined; body: unknown }[] = [];
  let pool: BotApiPool;

  beforeEach(async () => {
    calls.length = 0;
    answer = { status: 200, body: JSON.stringify({ ok: true, result: { message_id: 41, date: 1 } }) };
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        calls.push({ url: req.url ?? '', type: req.headers['content-type'], body: JSON.parse(body) });
        // Status 0: the server never answers.
        if (answer.status === 0) return;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    pool = new BotApiPool(root, '123:ABC', { timeoutMs: 2_000 });
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failure = async (call: Promise<unknown>) => {
    try {
      await call;
    } catch (err) {
      return err;
    }
    throw new Error('resolved');
  };

  it('posts sendMessage as JSON under the root and the token, and returns the message id', async () => {
    const id = await pool.sendMessage({
      chat_id: '77',
      text: '<b>Halo</b>',
      parse_mode: 'HTML',
      nothing: undefined,
    });
    expect(id).toBe(41);
    expect(calls).toEqual([
      {
        url: '/api/bot123:ABC/sendMessage',
        type: 'application/json',
        body: { chat_id: '77', text: '<b>Halo</b>', parse_mode: 'HTML' },
      },
    ]);
  });

  it('answers a button tap', async () => {
    answer = { status: 200, body: JSON.stringify({ ok: true, result: true }) };
    await pool.answerCallbackQuery('cb-1');
    expect(calls[0]).toMatchObject({
      url: '/api/bot123:ABC/answerCallbackQuery',
      body: { callback_query_id: 'cb-1' },
    });
  });

  it('keeps the Bot API’s 429 with its retry_after', async () => {
    answer = botError(429, 'Too Many Requests: retry after 7', { retry_after: 7 });
    const err = await failure(pool.sendMessage({ chat_id: '1', text: 'x' }));
    expect(err).toBeInstanceOf(TelegramError);
    expect(toSendError(err)).toMatchObject({ retryable: true, retryAfterMs: 7_000 });
  });

  it('gives up on a chat that blocked the bot, and on a bad request', async () => {
    answer = botError(403, 'Forbidden: bot was blocked by the user');
    expect(toSendError(await failure(pool.sendMessage({ chat_id: '1', text: 'x' })))).toMatchObject({
      retryable: false,
      recipientBlocked: true,
    });
    answer = botError(400, 'Bad Request: chat not found');
    expect(toSendError(await failure(pool.sendMessage({ chat_id: '1', text: 'x' })))).toMatchObject({
      retryable: false,
    });
  });

  it('retries a server error and an answer that is not the Bot API’s', async () => {
    answer = { status: 502, body: '<html>Bad Gateway</html>' };
    const page = await failure(pool.sendMessage({ chat_id: '1', text: 'x' }));
    expect(page).toBeInstanceOf(TelegramError);
    expect(toSendError(page)).toMatchObject({ retryable: true, code: '502' });
    answer = { status: 200, body: '<html>captive portal</html>' };
    expect(toSendError(await failure(pool.sendMessage({ chat_id: '1', text: 'x' })))).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^telegram unreachable/),
    });
  });

  it('counts a message the Bot API took without an id as sent', async () => {
    answer = { status: 200, body: JSON.stringify({ ok: true, result: { text: 'no id' } }) };
    expect(await pool.sendMessage({ chat_id: '1', text: 'x' })).toBeNull();
  });

  it('gives up waiting for an answer that does not come, as unreachable', async () => {
    answer = { status: 0, body: '' };
    pool = new BotApiPool(root, '123:ABC', { timeoutMs: 200 });
    const err = toSendError(await failure(pool.sendMessage({ chat_id: '1', text: 'x' })));
    expect(err).toMatchObject({ retryable: true, message: expect.stringContaining('no answer in time') });
  });

  it('reads an answer that came while the event loop was held up past the timeout, instead of sending again', async () => {
    pool = new BotApiPool(root, '123:ABC', { timeoutMs: 100 });
    // The server (in this process) answers, then holds the event loop for three timeouts, as a paused process or a
    // long synchronous task would: the client's timer is due before its socket is read again.
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, result: { message_id: 42, date: 1 } }), () => {
          const until = Date.now() + 300;
          while (Date.now() < until) {}
        });
      });
    });
    expect(await pool.sendMessage({ chat_id: '1', text: 'x' })).toBe(42);
  });

  it('counts a server that is gone as Telegram unreachable, with no token in the message', async () => {
    // Nothing listens on the port any more (afterEach's second close is a no-op).
    await new Promise((resolve) => server.close(resolve));
    const err = toSendError(await failure(pool.sendMessage({ chat_id: '1', text: 'x' })));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/^telegram unreachable/);
    expect(err.message).not.toContain('ABC');
  });
});
