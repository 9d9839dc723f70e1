// Reads a request body as text within a byte limit, straight from node's IncomingMessage when hono runs on
// @hono/node-server (no WHATWG Request or stream is built: the Telegram webhook's hot path), else through hono.
import { Readable } from 'node:stream';
import type { Context } from 'hono';

export type RawBody = { kind: 'ok'; text: string } | { kind: 'too_large' };

/** The node request behind this context, when there is one whose body nobody has started reading. */
function nodeIncoming(c: Context): Readable | null {
  const env: unknown = c.env;
  if (!env || typeof env !== 'object' || !('incoming' in env)) return null;
  const incoming: unknown = env.incoming;
  return incoming instanceof Readable && incoming.readableDidRead === false ? incoming : null;
}

function readStream(stream: Readable, maxBytes: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.off('data', onData);
        // The rest is read and dropped, so the connection stays usable for the 413.
        stream.resume();
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => {
      if (size <= maxBytes) resolve({ kind: 'ok', text: Buffer.concat(chunks, size).toString('utf8') });
    });
    stream.once('error', reject);
  });
}

export async function readRawBody(c: Context, maxBytes: number): Promise<RawBody> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) return { kind: 'too_large' };
  const incoming = nodeIncoming(c);
  if (incoming) return readStream(incoming, maxBytes);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > maxBytes) return { kind: 'too_large' };
  return { kind: 'ok', text: new TextDecoder().decode(bytes) };
}
