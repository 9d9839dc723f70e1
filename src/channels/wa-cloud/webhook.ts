// The webhook routes Meta calls: the subscription handshake (GET) and signed updates (POST) for our number.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secretCheck } from '../../http/secret-check.js';
import { type OnStatus, STATUS_KINDS, type WaStatusKind } from '../../ports/wa-message-status.js';
import { SIGNATURE_HEADER, validSignature } from './signature.js';
import {
  WaContact,
  WaErrors,
  type WaMessage,
  WaMessage as WaMessageSchema,
  WaStatus,
  WebhookEnvelope,
} from './webhook-payload.js';

export type WaCloudLog = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export type WebhookDeps = {
  appSecret: string;
  verifyToken: string;
  /** Updates for other numbers of the same app are acknowledged and skipped. */
  phoneNumberId: string;
  /** False until the channel is started: the webhook answers 503 and Meta retries later. */
  ready(): boolean;
  /** Handles one message; resolves once it is committed (a throw answers 500, so Meta delivers it again). */
  onMessage(message: WaMessage): Promise<void>;
  onStatus?: OnStatus;
  log: WaCloudLog;
  /** Webhook bodies are small JSON (media come by id); default 1 MB. */
  maxBodyBytes?: number;
};

const CHALLENGE = /^[\x21-\x7e]{1,200}$/;

const isStatusKind = (s: string): s is WaStatusKind => (STATUS_KINDS as readonly string[]).includes(s);

export function webhookRoutes(deps: WebhookDeps): Hono {
  const app = new Hono();
  const verifyTokenMatches = secretCheck(deps.verifyToken);

  app.get('/webhook', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token') ?? '';
    const challenge = c.req.query('hub.challenge') ?? '';
    if (mode === 'subscribe' && verifyTokenMatches(token) && CHALLENGE.test(challenge)) {
      return c.text(challenge, 200);
    }
    return c.text('forbidden', 403);
  });

  app.post(
    '/webhook',
    bodyLimit({ maxSize: deps.maxBodyBytes ?? 1024 * 1024, onError: (c) => c.text('too large', 413) }),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      if (!validSignature(raw, c.req.header(SIGNATURE_HEADER), deps.appSecret))
        return c.text('forbidden', 403);
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(raw));
      } catch {
        return c.text('invalid json', 400);
      }
      const body = WebhookEnvelope.safeParse(json);
      if (!body.success) return c.text('invalid body', 400);
      if (body.data.object !== 'whatsapp_business_account') return c.text('ignored', 200);
      if (!deps.ready()) return c.text('not ready', 503);
      try {
        await handle(body.data, deps);
      } catch (err) {
        deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'wacloud webhook failed');
        return c.text('retry later', 500);
      }
      return c.text('ok', 200);
    },
  );

  return app;
}

/** Errors Meta reports, for the log: codes and titles only (never message text). */
function errorsOf(raw: unknown): { code: number; title: string }[] {
  const r = WaErrors.safeParse(raw);
  return r.success ? r.data.map((e) => ({ code: e.code, title: (e.title ?? '').slice(0, 200) })) : [];
}

/**
 * A message without a sender of its own (Meta's BSUID-era samples) is from the one contact of its change; with
 * several contacts it cannot be told whose it is, and stays without a sender (skipped).
 */
function withSender(raw: unknown, contacts: readonly unknown[] | undefined): unknown {
  if (typeof raw !== 'object' || raw === null || 'from' in raw || 'from_user_id' in raw) return raw;
  if (contacts?.length !== 1) return raw;
  const c = WaContact.safeParse(contacts[0]);
  if (!c.success) return raw;
  return {
    ...raw,
    ...(c.data.wa_id ? { from: c.data.wa_id } : {}),
    ...(c.data.user_id ? { from_user_id: c.data.user_id } : {}),
  };
}

/** Statuses and messages of each change for our number, in order; a throw leaves the rest to the redelivery. */
async function handle(body: WebhookEnvelope, deps: WebhookDeps): Promise<void> {
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      const value = change.value;
      if (change.field !== 'messages' || !value) continue;
      if (value.metadata && value.metadata.phone_number_id !== deps.phoneNumberId) continue;
      const reported = errorsOf(value.errors ?? []);
      if (reported.length > 0) deps.log.warn({ errors: reported }, 'wacloud webhook reports errors');
      for (const raw of value.statuses ?? []) {
        const s = WaStatus.safeParse(raw);
        if (!s.success || !isStatusKind(s.data.status)) continue;
        const e = s.data.errors?.[0];
        if (s.data.errors?.length) {
          deps.log.warn(
            { status: s.data.status, errors: errorsOf(s.data.errors) },
            'wacloud reports a message not delivered',
          );
        }
        await deps.onStatus?.(
          s.data.id,
          s.data.status,
          Number(s.data.timestamp) * 1000,
          e ? { code: e.code, title: (e.title ?? e.message ?? '').slice(0, 300) } : undefined,
        );
      }
      for (const raw of value.messages ?? []) {
        const m = WaMessageSchema.safeParse(withSender(raw, value.contacts));
        if (!m.success) {
          // Placeholder senders (`REDACTED`), no sender at all: nothing to answer and nobody to answer.
          deps.log.warn({ issues: m.error.issues.length }, 'wacloud message skipped: unexpected shape');
          continue;
        }
        if (m.data.errors?.length) {
          deps.log.warn(
            { type: m.data.type, errors: errorsOf(m.data.errors) },
            'wacloud message reports errors',
          );
        }
        await deps.onMessage(m.data);
      }
    }
  }
}
