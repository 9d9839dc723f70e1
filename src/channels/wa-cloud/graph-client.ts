// The Graph API calls the channel makes: send a message, upload an officer's file, download a citizen's media.
import { z } from 'zod';
import { patientTimeout } from '../../platforms/patient-timeout.js';
import { GraphError, graphErrorFrom } from './graph-errors.js';
import type { GraphMessage } from './graph-payloads.js';

export type GraphClientOptions = {
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per request; a timeout counts as a network failure (retryable). */
  timeoutMs?: number;
};

const SendResponse = z.object({ messages: z.array(z.object({ id: z.string() })).min(1) });
const UploadResponse = z.object({ id: z.string().min(1) });
const MediaInfo = z.object({
  url: z.url(),
  mime_type: z.string().max(200).optional(),
  file_size: z.coerce.number().optional(),
});

export type Downloaded =
  | { ok: true; data: Uint8Array<ArrayBuffer>; mime: string }
  | { ok: false; reason: 'too_large' };

export class GraphClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly opts: GraphClientOptions) {
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  private async call(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await this.fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${this.opts.accessToken}`, ...init.headers },
        signal: patientTimeout(this.timeoutMs),
      });
    } catch (err) {
      const reason = err instanceof Error ? err.name : 'error';
      throw new GraphError(`${what}: network ${reason}`, 0, null);
    }
  }

  /** POST /<phone-number-id>/messages; returns the wamid of the sent message. */
  async send(message: GraphMessage): Promise<string> {
    const what = 'send message';
    const res = await this.call(
      `${this.opts.graphUrl}/${encodeURIComponent(this.opts.phoneNumberId)}/messages`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) },
      what,
    );
    if (!res.ok) throw await graphErrorFrom(res, what);
    const body = SendResponse.safeParse(await res.json().catch(() => null));
    if (!body.success) throw new GraphError(`${what}: unexpected response`, res.status, null);
    return body.data.messages[0]!.id;
  }

  /** POST /<phone-number-id>/media (multipart: messaging_product, file, type); returns the media id to send. */
  async upload(data: Uint8Array, mime: string, filename: string): Promise<string> {
    const what = 'upload media';
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', mime);
    form.append('file', new Blob([new Uint8Array(data)], { type: mime }), filename);
    const res = await this.call(
      `${this.opts.graphUrl}/${encodeURIComponent(this.opts.phoneNumberId)}/media`,
      { method: 'POST', body: form },
      what,
    );
    if (!res.ok) throw await graphErrorFrom(res, what);
    const body = UploadResponse.safeParse(await res.json().catch(() => null));
    if (!body.success) throw new GraphError(`${what}: unexpected response`, res.status, null);
    return body.data.id;
  }

  /**
   * GET /<media-id> for a short-lived URL, then the file itself with the same bearer token. Stops reading at
   * `maxBytes` (announced size or actual bytes) and reports the file as too large.
   */
  async download(mediaId: string, maxBytes: number): Promise<Downloaded> {
    const info = await this.call(`${this.opts.graphUrl}/${encodeURIComponent(mediaId)}`, {}, 'media info');
    if (!info.ok) throw await graphErrorFrom(info, 'media info');
    const parsed = MediaInfo.safeParse(await info.json().catch(() => null));
    if (!parsed.success) throw new GraphError('media info: unexpected response', info.status, null);
    if ((parsed.data.file_size ?? 0) > maxBytes) return { ok: false, reason: 'too_large' };

    const file = await this.call(parsed.data.url, {}, 'media download');
    if (!file.ok) throw await graphErrorFrom(file, 'media download');
    if (Number(file.headers.get('content-length') ?? 0) > maxBytes) {
      await file.body?.cancel();
      return { ok: false, reason: 'too_large' };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = file.body?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => {});
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(next.value);
    }
    const data = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      data.set(c, at);
      at += c.byteLength;
    }
    const mime = parsed.data.mime_type ?? file.headers.get('content-type') ?? 'application/octet-stream';
    return { ok: true, data, mime };
  }
}
