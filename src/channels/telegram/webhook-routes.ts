// POST /webhook: checks Telegram's secret header, hands the update over, answers 200 only once it is committed.
import { Hono } from 'hono';
import { readRawBody } from '../../http/raw-body.js';
import { secretCheck } from '../../http/secret-check.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** An update is a few KB; Telegram's own limit on a webhook body is far below this. */
const MAX_UPDATE_BYTES = 1024 * 1024;

export type WebhookDeps = {
  /** null in polling mode: the route answers 404. */
  secret: string | null;
  /** Resolves once the update is committed (or deliberately dropped); rejects to make Telegram redeliver. */
  handle(update: unknown): Promise<void>;
  ready(): boolean;
  onError?(err: unknown): void;
};

export function telegramWebhookRoutes(deps: WebhookDeps): Hono {
  const app = new Hono();
  const secretMatches = deps.secret === null ? null : secretCheck(deps.secret);
  app.post('/webhook', async (c) => {
    if (secretMatches === null) return c.json({ ok: false, error: 'webhook_disabled' }, 404);
    if (!secretMatches(c.req.header(SECRET_HEADER) ?? '')) {
      return c.json({ ok: false, error: 'forbidden' }, 403);
    }
    if (!deps.ready()) return c.json({ ok: false, error: 'not_ready' }, 503);
    // Read off node's request itself: building a WHATWG Request per update cost more than parsing it.
    const body = await readRawBody(c, MAX_UPDATE_BYTES);
    if (body.kind === 'too_large') return c.json({ ok: false, error: 'too_large' }, 413);
    let update: unknown;
    try {
      update = JSON.parse(body.text);
    } catch {
      return c.json({ ok: false, error: 'invalid_json' }, 400);
    }
    try {
      await deps.handle(update);
    } catch (err) {
      deps.onError?.(err);
      return c.json({ ok: false, error: 'not_processed' }, 500);
    }
    return c.json({ ok: true });
  });
  return app;
}
