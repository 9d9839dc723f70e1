// A fake Open311 GeoReport v2 endpoint on 127.0.0.1: POST requests.json, form fields recorded, errors on request.
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';

export type Open311Request = {
  form: Record<string, string>;
  key: string | null;
  contentType: string | null;
};

type Failure = { status: number; errors?: { code: number; description: string }[] };

export class FakeOpen311Server {
  /** Every POST to requests.json, in order. */
  readonly requests: Open311Request[] = [];
  private readonly failures: Failure[] = [];
  /** Idempotency key → service_request_id: a repeated key gets the same request back. */
  private readonly byKey = new Map<string, string>();

  private constructor(
    private readonly server: ServerType,
    readonly endpoint: string,
    private readonly opts: { apiKey?: string; answer: 'id' | 'token' },
  ) {}

  /** `endpoint` is the GeoReport base URL (…/open311/v2); `answer: 'token'` answers with a token, not an id. */
  static start(opts: { apiKey?: string; answer?: 'id' | 'token' } = {}): Promise<FakeOpen311Server> {
    const app = new Hono();
    let fake: FakeOpen311Server | null = null;
    app.post('/open311/v2/requests.json', (c) => (fake ? fake.receive(c.req.raw) : c.text('starting', 503)));
    return new Promise((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        fake = new FakeOpen311Server(server, `http://127.0.0.1:${info.port}/open311/v2`, {
          apiKey: opts.apiKey,
          answer: opts.answer ?? 'id',
        });
        resolve(fake);
      });
    });
  }

  /** The next request is answered with this status and GeoReport errors array (once). */
  failNext(status: number, errors?: { code: number; description: string }[]): void {
    this.failures.push({ status, errors });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async receive(req: Request): Promise<Response> {
    const form = Object.fromEntries(new URLSearchParams(await req.text()));
    const key = req.headers.get('idempotency-key');
    this.requests.push({ form, key, contentType: req.headers.get('content-type') });
    const failure = this.failures.shift();
    if (failure) return Response.json(failure.errors ?? [], { status: failure.status });
    if (this.opts.apiKey !== undefined && form.api_key !== this.opts.apiKey) {
      return Response.json([{ code: 403, description: 'Invalid api_key' }], { status: 403 });
    }
    if (!form.service_code || !(form.address_string || (form.lat && form.long))) {
      return Response.json([{ code: 400, description: 'service_code and a location are required' }], {
        status: 400,
      });
    }
    const id = (key && this.byKey.get(key)) ?? `SR-${this.byKey.size + 1}`;
    if (key) this.byKey.set(key, id);
    const answer = this.opts.answer === 'token' ? { token: `tok-${id}` } : { service_request_id: id };
    return Response.json([{ ...answer, service_notice: 'diterima' }], { status: 201 });
  }
}
