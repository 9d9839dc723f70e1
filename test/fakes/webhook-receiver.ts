// A fake agency webhook receiver on 127.0.0.1: checks signatures, stores one ticket per idempotency key, misbehaves on request.
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { verifySignature } from '../../src/forwarding/signature.js';

/** How the receiver answers the next request (once each, in order); then it stores and answers 200. */
export type Behaviour =
  /** Answers this status without storing; 429/503 may carry Retry-After. */
  | { status: number; retryAfterSec?: number; body?: string }
  /** Stores the ticket, then answers 200 only after `delayMs`: the sender has timed out by then. */
  | { slowMs: number };

export type Arrival = {
  key: string | null;
  /** X-Aduan-Delivery. */
  attempt: number | null;
  signatureOk: boolean;
  userAgent: string | null;
  contentType: string | null;
  /** What it answered; 'stored' and 'repeat' are 200s. */
  answer: 'stored' | 'repeat' | 'refused' | number;
};

export class FakeWebhookReceiver {
  /** Every request that reached the receiver, in order. */
  readonly arrivals: Arrival[] = [];
  /** The dedup view: idempotency key → the body first stored under it. */
  readonly stored = new Map<string, unknown>();
  /** Keys that arrived again after they were stored (answered 200 and dropped). */
  readonly repeats: string[] = [];
  private readonly script: Behaviour[] = [];
  private server: ServerType | null = null;
  private port = 0;

  private constructor(
    private readonly secret: string,
    private readonly now: () => number,
    private readonly app: Hono,
  ) {}

  /** `now` is the receiver's clock in ms (the test's ManualClock: signatures are checked against it). */
  static async start(opts: { secret: string; now: () => number }): Promise<FakeWebhookReceiver> {
    const app = new Hono();
    const fake = new FakeWebhookReceiver(opts.secret, opts.now, app);
    app.post('/hook', (c) => fake.receive(c.req.raw));
    await fake.up();
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** The next requests are answered like this, one behaviour each. */
  answer(...behaviours: Behaviour[]): void {
    this.script.push(...behaviours);
  }

  /** Stops listening (connections refused) until `up()`. */
  down(): Promise<void> {
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  }

  /** Listens again, on the same port once it had one. */
  up(): Promise<void> {
    return new Promise((resolve) => {
      this.server = serve(
        { fetch: this.app.fetch, port: this.port, hostname: '127.0.0.1' },
        (info: AddressInfo) => {
          this.port = info.port;
          resolve();
        },
      );
    });
  }

  close(): Promise<void> {
    return this.down();
  }

  private async receive(req: Request): Promise<Response> {
    const raw = await req.text();
    const key = req.headers.get('idempotency-key');
    const attempt = req.headers.get('x-aduan-delivery');
    const signatureOk = verifySignature(
      this.secret,
      req.headers.get('x-aduan-signature'),
      raw,
      this.now() / 1000,
    );
    const arrival: Arrival = {
      key,
      attempt: attempt === null ? null : Number(attempt),
      signatureOk,
      userAgent: req.headers.get('user-agent'),
      contentType: req.headers.get('content-type'),
      answer: 'refused',
    };
    this.arrivals.push(arrival);
    if (!signatureOk || key === null) return Response.json({ error: 'bad signature' }, { status: 401 });
    const next = this.script.shift();
    if (next && 'status' in next) {
      arrival.answer = next.status;
      const headers =
        next.retryAfterSec === undefined ? undefined : { 'Retry-After': String(next.retryAfterSec) };
      return new Response(next.body ?? `failure ${next.status}`, { status: next.status, headers });
    }
    const repeat = this.stored.has(key);
    arrival.answer = repeat ? 'repeat' : 'stored';
    if (repeat) this.repeats.push(key);
    else this.stored.set(key, JSON.parse(raw));
    const id = `AG-${[...this.stored.keys()].indexOf(key) + 1}`;
    if (next) await sleep(next.slowMs);
    return Response.json({ id, duplicate: repeat });
  }
}
