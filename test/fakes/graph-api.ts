// A fake WhatsApp Cloud (Graph) API on 127.0.0.1: records sent messages and uploads, serves media, fails on request.
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';

export type SentMessage = {
  phoneNumberId: string;
  wamid: string;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads whatever JSON the channel posted
  body: any;
};

/** A file uploaded with POST /<phone-number-id>/media (multipart), as the fake read it. */
export type Upload = {
  phoneNumberId: string;
  id: string;
  messagingProduct: string | null;
  type: string | null;
  filename: string;
  size: number;
  head: string;
};

type Failure = { status: number; code?: number; retryAfterSec?: number; after?: number };

export class FakeGraphApi {
  /** Every accepted POST /<phone-number-id>/messages, in order. */
  readonly sent: SentMessage[] = [];
  /** Media ids looked up and files downloaded, in order. */
  readonly mediaRequests: string[] = [];
  private readonly failures: Failure[] = [];
  private readonly mediaFailures: Failure[] = [];
  private readonly uploadFailures: Failure[] = [];
  /** Every accepted media upload, in order. */
  readonly uploads: Upload[] = [];
  private readonly media = new Map<string, { data: Uint8Array; mime: string; announceSize: boolean }>();
  private seen = 0;
  private counter = 0;

  private constructor(
    private readonly server: ServerType,
    readonly origin: string,
    readonly version: string,
    readonly token: string,
  ) {}

  /** The base URL the channel is configured with (WACLOUD_GRAPH_URL). */
  get url(): string {
    return `${this.origin}/${this.version}`;
  }

  static start(opts: { token: string; version?: string }): Promise<FakeGraphApi> {
    const version = opts.version ?? 'v21.0';
    const app = new Hono();
    let fake: FakeGraphApi | null = null;
    app.all('*', (c) => (fake ? fake.route(c) : c.text('starting', 503)));
    return new Promise((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        fake = new FakeGraphApi(server, `http://127.0.0.1:${info.port}`, version, opts.token);
        resolve(fake);
      });
    });
  }

  /** The next send answers with this failure (once); `code` goes into Graph's error body. */
  failNext(status: number, code?: number, retryAfterSec?: number): void {
    this.failures.push({ status, code, retryAfterSec });
  }

  /** Lets `ok` more sends through, then fails one. */
  failAfter(ok: number, status: number, code?: number): void {
    this.failures.push({ status, code, after: ok });
  }

  /** The next media upload answers with this failure (once). */
  failNextUpload(status: number, code?: number): void {
    this.uploadFailures.push({ status, code });
  }

  failNextMedia(status: number, code?: number): void {
    this.mediaFailures.push({ status, code });
  }

  /** A file citizens may send; `announceSize: false` leaves file_size out of the media info. */
  addMedia(id: string, data: Uint8Array, mime: string, opts: { announceSize?: boolean } = {}): void {
    this.media.set(id, { data, mime, announceSize: opts.announceSize ?? true });
  }

  /** Messages sent since the last call. */
  takeSent(): SentMessage[] {
    const fresh = this.sent.slice(this.seen);
    this.seen = this.sent.length;
    return fresh;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private failure(c: Context, f: Failure) {
    const headers: Record<string, string> = f.retryAfterSec ? { 'retry-after': String(f.retryAfterSec) } : {};
    const error = {
      message: `fake failure ${f.code ?? f.status}`,
      type: 'OAuthException',
      code: f.code ?? 0,
    };
    return c.json({ error }, f.status as 500, headers);
  }

  private async upload(c: Context, phoneNumberId: string): Promise<Response> {
    const failure = this.uploadFailures.shift();
    if (failure) return this.failure(c, failure);
    const form = await c.req.raw.formData();
    const file = form.get('file');
    if (!(file instanceof File)) return c.json({ error: { message: 'file is required', code: 100 } }, 400);
    const data = new Uint8Array(await file.arrayBuffer());
    const text = (key: string) => {
      const v = form.get(key);
      return typeof v === 'string' ? v : null;
    };
    const id = `media.out.${++this.counter}`;
    this.uploads.push({
      phoneNumberId,
      id,
      messagingProduct: text('messaging_product'),
      type: text('type'),
      filename: file.name,
      size: data.byteLength,
      head: Buffer.from(data.slice(0, 5)).toString('latin1'),
    });
    return c.json({ id });
  }

  private async route(c: Context): Promise<Response> {
    if (c.req.header('authorization') !== `Bearer ${this.token}`) {
      return c.json({ error: { message: 'Invalid OAuth access token', code: 190 } }, 401);
    }
    const path = new URL(c.req.url).pathname;
    const send = new RegExp(`^/${this.version}/([0-9]+)/messages$`).exec(path);
    if (send && c.req.method === 'POST') {
      const failure = this.failures[0];
      if (failure && (failure.after ?? 0) > 0) failure.after = (failure.after ?? 0) - 1;
      else if (failure) return this.failure(c, this.failures.shift()!);
      const body = await c.req.json();
      const wamid = `wamid.out.${++this.counter}`;
      this.sent.push({ phoneNumberId: send[1]!, wamid, body });
      return c.json({
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: wamid }],
      });
    }
    const upload = new RegExp(`^/${this.version}/([0-9]+)/media$`).exec(path);
    if (upload && c.req.method === 'POST') return this.upload(c, upload[1]!);
    const info = new RegExp(`^/${this.version}/([A-Za-z0-9_.-]+)$`).exec(path);
    if (info && c.req.method === 'GET') {
      const id = info[1]!;
      this.mediaRequests.push(`info:${id}`);
      const failure = this.mediaFailures.shift();
      if (failure) return this.failure(c, failure);
      const m = this.media.get(id);
      if (!m) return c.json({ error: { message: 'Unsupported get request', code: 100 } }, 400);
      return c.json({
        messaging_product: 'whatsapp',
        url: `${this.origin}/files/${id}?ext=1`,
        mime_type: m.mime,
        sha256: 'x',
        ...(m.announceSize ? { file_size: String(m.data.byteLength) } : {}),
        id,
      });
    }
    const file = /^\/files\/([A-Za-z0-9_.-]+)$/.exec(path);
    if (file && c.req.method === 'GET') {
      const m = this.media.get(file[1]!);
      this.mediaRequests.push(`file:${file[1]}`);
      if (!m) return c.text('gone', 404);
      return c.body(new Uint8Array(m.data), 200, { 'content-type': m.mime });
    }
    return c.text('not found', 404);
  }
}
