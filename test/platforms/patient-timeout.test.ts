// The timeout the WhatsApp Cloud client and the forwarders give their requests: it aborts a request nobody answers,
// and not one whose answer arrived while the event loop was held up past the timeout (the timer runs first).
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientTimeout } from '../../src/platforms/patient-timeout.js';

describe('patientTimeout', () => {
  let server: Server;
  let url: string;
  /** What the server does with a request: answer (and then hold the event loop), or never answer. */
  let mode: 'answer' | 'answer-then-stall' | 'silent';
  /** The client's timeout, and how long the server then holds the event loop: three timeouts. */
  const TIMEOUT_MS = 500;

  beforeEach(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (mode === 'silent') return;
        res.writeHead(200, { 'content-type': 'application/json' });
        // The server runs in this process: holding its loop holds the client's too, as a paused process would.
        res.end(JSON.stringify({ messages: [{ id: 'wamid.1' }] }), () => {
          if (mode !== 'answer-then-stall') return;
          const until = Date.now() + 3 * TIMEOUT_MS;
          while (Date.now() < until) {}
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads an answer that came while the event loop was held up for three timeouts', async () => {
    // fetch's first call in a process loads undici: on a busy machine that alone outlasted a short timeout.
    mode = 'answer';
    await (await fetch(url, { method: 'POST', body: '{}' })).json();
    mode = 'answer-then-stall';
    const res = await fetch(url, { method: 'POST', body: '{}', signal: patientTimeout(TIMEOUT_MS) });
    expect(await res.json()).toEqual({ messages: [{ id: 'wamid.1' }] });
  });

  it('aborts a request that gets no answer, as a timeout', async () => {
    mode = 'silent';
    const err = await fetch(url, { method: 'POST', body: '{}', signal: patientTimeout(100) }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ name: 'TimeoutError' });
  });
});
