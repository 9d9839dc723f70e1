// Fetches a file a citizen sent: getFile, then the file URL on the API root, refusing files over the size limit.
import { type Telegram, TelegramError } from 'telegraf';
import type { ChannelNotice, InboundMedia } from '../../conversation/inbound.js';
import { redactToken } from '../../platforms/telegram/send-errors.js';
import type { FileRef } from './normalize-update.js';

export type DownloadResult = { ok: true; media: InboundMedia } | { ok: false; reason: 'too_large' };

export type DownloadOptions = {
  maxBytes: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export async function downloadMedia(
  telegram: Telegram,
  ref: FileRef,
  opts: DownloadOptions,
): Promise<DownloadResult> {
  if (ref.size !== undefined && ref.size > opts.maxBytes) return { ok: false, reason: 'too_large' };
  let file: Awaited<ReturnType<Telegram['getFile']>>;
  try {
    file = await telegram.getFile(ref.fileId);
  } catch (err) {
    // The cloud Bot API serves files up to 20 MB: bigger ones are refused here.
    if (err instanceof TelegramError && err.code === 400 && /too big/i.test(err.description)) {
      return { ok: false, reason: 'too_large' };
    }
    throw err;
  }
  if (file.file_size !== undefined && file.file_size > opts.maxBytes)
    return { ok: false, reason: 'too_large' };
  if (file.file_path === undefined) throw new Error(`telegram gave no file_path for ${ref.kind}`);
  // `${apiRoot}/file/bot${token}/${file_path}`
  const url = await telegram.getFileLink(file);
  const data = await fetchLimited(url, opts);
  if (data === null) return { ok: false, reason: 'too_large' };
  return {
    ok: true,
    media: {
      kind: ref.kind,
      mime: sniffImageMime(data) ?? ref.mime,
      ...(ref.filename !== undefined ? { filename: ref.filename } : {}),
      data,
    },
  };
}

/** The body, or null as soon as it passes `maxBytes`. */
async function fetchLimited(url: URL, opts: DownloadOptions): Promise<Uint8Array<ArrayBuffer> | null> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
  } catch (err) {
    throw new Error(redactToken(`file download failed: ${err instanceof Error ? err.message : String(err)}`));
  }
  if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > opts.maxBytes) {
    await res.body.cancel();
    return null;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > opts.maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.byteLength;
  }
  return data;
}

/** Downloads the files; too large ones are refused with a notice (queued with the message), the rest goes on. */
export async function downloadAll(
  telegram: Telegram,
  files: FileRef[],
  opts: DownloadOptions,
): Promise<{ media: InboundMedia[]; notices: ChannelNotice[] }> {
  const media: InboundMedia[] = [];
  let tooLarge = false;
  for (const file of files) {
    const result = await downloadMedia(telegram, file, opts);
    if (result.ok) media.push(result.media);
    else tooLarge = true;
  }
  if (!tooLarge) return { media, notices: [] };
  const max = Math.round(opts.maxBytes / (1024 * 1024));
  return { media, notices: [{ key: 'channel.file_too_large', vars: { max } }] };
}

/** The real type of an image from its first bytes (a sticker's thumbnail may be WebP or JPEG). */
export function sniffImageMime(data: Uint8Array): string | null {
  const b = (i: number) => data[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...data.subarray(from, to));
  if (data.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (data.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  return null;
}
