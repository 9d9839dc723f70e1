// Test helpers: a channel wired to a Harness runtime, the fake Graph API and an outbox sender; a signed citizen.
import { Hono } from 'hono';
import { signBody } from '../../../src/channels/wa-cloud/signature.js';
import {
  WaCloudChannel,
  type WaCloudChannelOptions,
} from '../../../src/channels/wa-cloud/wa-cloud-channel.js';
import type { WaCloudConfig } from '../../../src/channels/wa-cloud/wa-cloud-config.js';
import { OutboxSender } from '../../../src/outbox/outbox-sender.js';
import { type WaCloudStore, memoryWaCloudStore } from '../../../src/ports/wa-cloud-chat-store.js';
import type { OnStatus } from '../../../src/ports/wa-message-status.js';
import { FakeGraphApi, type SentMessage } from '../../fakes/graph-api.js';
import { Harness } from '../../helpers/harness.js';

export const SECRET = 'app-secret-for-tests';
export const VERIFY = 'verify-token-for-tests';
export const TOKEN = 'EAAG-test-access-token';
export const PHONE_ID = '106540352242922';

export const quiet = { warn: () => {}, error: () => {} };

export function testConfig(graphUrl: string): WaCloudConfig {
  return {
    phoneNumberId: PHONE_ID,
    accessToken: TOKEN,
    appSecret: SECRET,
    verifyToken: VERIFY,
    graphUrl,
    templateName: 'aduan_update',
    templateLang: 'id',
  };
}

// biome-ignore lint/suspicious/noExplicitAny: webhook bodies are built as plain JSON
type Json = any;

/** A webhook body as Meta posts it, for our number. */
export function webhookBody(value: { messages?: Json[]; statuses?: Json[] }, phoneNumberId = PHONE_ID): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '628115000000', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: 'Warga' }, wa_id: '6281234567890' }],
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export async function postSigned(app: Hono, body: Json, secret = SECRET): Promise<Response> {
  const raw = JSON.stringify(body);
  return app.request('/channels/wacloud/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, secret) },
    body: raw,
  });
}

/** A citizen writing from one WhatsApp number; every message gets a fresh wamid and Meta's timestamp. */
export class Citizen {
  private n = 0;
  constructor(
    private readonly w: WaWorld,
    readonly waId = '6281234567890',
  ) {}

  private base(type: string): Json {
    this.n++;
    return {
      from: this.waId,
      id: `wamid.in.${this.waId}.${this.n}`,
      timestamp: String(Math.floor(this.w.h.clock.now() / 1000)),
      type,
    };
  }

  text(body: string): Promise<SentMessage[]> {
    return this.w.send({ ...this.base('text'), text: { body } });
  }

  /** Taps a reply button or a list row offered in `offered` (the last message that has it); fails if absent. */
  tap(offered: SentMessage[], id: string): Promise<SentMessage[]> {
    const found = [...offered].reverse().find((s) => interactiveIds(s).includes(id));
    if (!found) throw new Error(`no button or row "${id}" in: ${JSON.stringify(offered.map((s) => s.body))}`);
    const kind = found.body.interactive.type === 'button' ? 'button_reply' : 'list_reply';
    return this.w.send({
      ...this.base('interactive'),
      interactive: { type: kind, [kind]: { id, title: id } },
    });
  }

  image(mediaId: string, caption?: string): Promise<SentMessage[]> {
    return this.w.send({
      ...this.base('image'),
      image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x', ...(caption ? { caption } : {}) },
    });
  }

  raw(type: string, fields: Json): Promise<SentMessage[]> {
    return this.w.send({ ...this.base(type), ...fields });
  }
}

export function interactiveIds(s: SentMessage): string[] {
  const i = s.body.interactive;
  if (!i) return [];
  if (i.type === 'button') return i.action.buttons.map((b: Json) => b.reply.id);
  if (i.type === 'list') return i.action.sections.flatMap((sec: Json) => sec.rows.map((r: Json) => r.id));
  return [];
}

/** Everything a citizen would read in these messages (text bodies, interactive bodies, buttons and rows). */
export function readable(sent: SentMessage[]): string {
  return sent
    .map((s) => {
      const b = s.body;
      if (b.type === 'text') return b.text.body;
      if (b.type === 'template') return `[template ${b.template.name}]`;
      const i = b.interactive;
      const options =
        i.type === 'button'
          ? i.action.buttons.map((x: Json) => `[${x.reply.title}]`)
          : i.action.sections.flatMap((sec: Json) =>
              sec.rows.map((r: Json) => `- ${r.title} ${r.description ?? ''}`),
            );
      return [i.body.text, ...options].join('\n');
    })
    .join('\n---\n');
}

/** A whole test world: runtime on a temp SQLite file, fake Graph API, channel, outbox sender, hono app. */
export class WaWorld {
  readonly statuses: Parameters<OnStatus>[] = [];
  readonly delivered: string[] = [];
  app!: Hono;
  channel!: WaCloudChannel;
  sender!: OutboxSender;
  readonly store: WaCloudStore = memoryWaCloudStore();

  private constructor(
    readonly h: Harness,
    readonly graph: FakeGraphApi,
  ) {}

  static async create(opts: Partial<WaCloudChannelOptions> = {}): Promise<WaWorld> {
    const w = new WaWorld(new Harness(), await FakeGraphApi.start({ token: TOKEN }));
    w.channel = new WaCloudChannel({
      config: testConfig(w.graph.url),
      store: w.store,
      clock: w.h.clock,
      log: quiet,
      onStatus: (...args) => {
        w.statuses.push(args);
      },
      ...opts,
    });
    await w.channel.start(
      async (msg) => {
        w.delivered.push(msg.messageId);
        w.h.core.runtime.handle(msg);
      },
      (id) => w.h.core.runtime.seen('wacloud', id),
    );
    w.sender = new OutboxSender(w.h.core.store.outbox, [w.channel], w.h.clock, quiet);
    w.app = new Hono();
    w.app.route('/channels/wacloud', w.channel.routes());
    return w;
  }

  /** Posts one signed webhook with this message, drains the outbox, returns what went out meanwhile. */
  async send(message: Json): Promise<SentMessage[]> {
    const res = await postSigned(this.app, webhookBody({ messages: [message] }));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await this.sender.drain();
    return this.graph.takeSent();
  }

  async close(): Promise<void> {
    await this.channel.stop();
    await this.graph.close();
    this.h.close();
  }
}
