// Request bodies read within a limit: off node's own request under @hono/node-server, through hono elsewhere.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { readRawBody } from '../../src/http/raw-body.js';

const LIMIT = 64;

function app(): Hono {
  const a = new Hono();
  a.post('/in', async (c) => {
    const body = await readRawBody(c, LIMIT);
    return body.kind === 'ok' ? c.text(body.text) : c.text('too large', 413);
  });
  return a;
}

/** POSTs chunks over a real socket (chunked when `length` is not given); status and body of the answer. */
function post(port: number, chunks: Buffer[], length?: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/in',
        method: 'POST',
        headers: length === undefined ? {} : { 'content-length': String(length) },
      },
      (res) => {
        const got: Buffer[] = [];
        res.on('data', (b: Buffer) => got.push(b));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(got).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('readRawBody', () => {
  let server: ServerType | null = null;
  afterEach(async () => {
    const s = server;
    server = null;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  });

  const listen = () =>
    new Promise<number>((ok) => {
      server = serve({ fetch: app().fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        ok(info.port),
      );
    });

  it('reads a body off the node request, a character split across chunks included', async () => {
    const port = await listen();
    const whole = Buffer.from('{"text":"jalan rusak 🚧"}');
    const cut = whole.length - 2; // inside the emoji's four bytes
    const res = await post(port, [whole.subarray(0, cut), whole.subarray(cut)]);
    expect(res).toEqual({ status: 200, text: '{"text":"jalan rusak 🚧"}' });
  });

  it('refuses a body over the limit, whether it says its length or not', async () => {
    const port = await listen();
    const big = Buffer.alloc(LIMIT + 1, 'a');
    expect((await post(port, [big], big.length)).status).toBe(413);
    expect((await post(port, [big.subarray(0, 40), big.subarray(40)])).status).toBe(413);
    // The connection's next request is still served.
    expect((await post(port, [Buffer.from('ok')])).text).toBe('ok');
    expect((await post(port, [Buffer.alloc(LIMIT, 'b')])).status).toBe(200);
  });

  it('reads through hono when there is no node request (app.request)', async () => {
    const a = app();
    const ok = await a.request('/in', { method: 'POST', body: 'halo' });
    expect(await ok.text()).toBe('halo');
    const big = await a.request('/in', { method: 'POST', body: 'x'.repeat(LIMIT + 1) });
    expect(big.status).toBe(413);
  });
});
