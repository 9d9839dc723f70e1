// The web chat's downloads of officers' files: only a file sent to this cookie's own chat, as an attachment.
import { readFile } from 'node:fs/promises';
import { type Context, Hono } from 'hono';
import type { OutboundFile } from '../../domain/reply.js';
import type { FileStore } from '../../storage/file-store.js';
import type { Store } from '../../storage/store.js';

export type ChatFilesDeps = {
  store: Pick<Store, 'conversations' | 'answerFiles'>;
  files: Pick<FileStore, 'pathOf'>;
  /** The chat the request's cookie names, or null. */
  chatOf: (c: Context) => string | null;
};

/** Where the page downloads a file of one of its messages (under the API's /api/chat mount). */
export const chatFileUrl = (id: string): string => `/api/chat/files/${encodeURIComponent(id)}`;

/** What the page shows of a file: its name, type and size. */
export const chatFile = (f: OutboundFile) => ({ name: f.name, mime: f.mime, size: f.size });

/** An ASCII name for old browsers and the exact one (RFC 5987) for the rest. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\w.\- ]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function chatFileRoutes(deps: ChatFilesDeps): Hono {
  const app = new Hono();
  app.get('/files/:id', async (c) => {
    const chatId = deps.chatOf(c);
    const conv = chatId ? deps.store.conversations.find('web', chatId) : null;
    const file = conv ? deps.store.answerFiles.inChat(c.req.param('id'), conv.id) : null;
    if (!file) return c.json({ error: 'not_found' }, 404);
    let data: Buffer;
    try {
      data = await readFile(deps.files.pathOf(file.sha256));
    } catch {
      return c.json({ error: 'not_found' }, 404);
    }
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': file.mime,
      'Content-Length': String(data.byteLength),
      'Content-Disposition': disposition(file.filename ?? `lampiran-${file.id}`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Referrer-Policy': 'no-referrer',
    });
  });
  return app;
}
