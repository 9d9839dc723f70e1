// GET /files/:id behind signed, expiring links: a ticket's attachment as a download, never rendered in the browser.
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { detectExtension } from 'nodemailer/lib/mime-funcs';
import type { Clock } from '../clock.js';
import { assertLinkSecret, verifyAttachmentSignature } from '../forwarding/signed-links.js';
import type { AttachmentRecord, Attachments } from '../storage/attachments.js';
import type { FileStore } from '../storage/file-store.js';

export type TicketFiles = {
  files: Pick<FileStore, 'pathOf'>;
  attachments: Pick<Attachments, 'findOfTicket'>;
};

export type FileLinksDeps = TicketFiles & {
  /** The secret the links were signed with (LINK_SECRET). */
  secret: string;
  clock: Clock;
};

/** A ticket's attachment and its bytes; null for an unknown id, a draft's file or a file gone from disk. */
export async function readTicketFile(
  deps: TicketFiles,
  id: string,
): Promise<{ record: AttachmentRecord; data: Buffer } | null> {
  const record = deps.attachments.findOfTicket(id);
  if (!record) return null;
  try {
    return { record, data: await readFile(deps.files.pathOf(record.sha256)) };
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return null;
    throw err;
  }
}

/** An ASCII name for old clients and the exact name (RFC 5987) for the rest. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\w.\- ]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** Mounted at the root: the links are `${PUBLIC_BASE_URL}/files/<id>?exp=…&sig=…`. */
export function fileLinks(deps: FileLinksDeps): Hono {
  assertLinkSecret(deps.secret);
  const app = new Hono();
  app.get('/files/:id', async (c) => {
    const id = c.req.param('id');
    const verdict = verifyAttachmentSignature(
      deps.secret,
      id,
      c.req.query('exp'),
      c.req.query('sig'),
      deps.clock.now(),
    );
    if (verdict === 'bad') return c.json({ error: 'forbidden' }, 403);
    if (verdict === 'expired') return c.json({ error: 'expired' }, 410);
    const file = await readTicketFile(deps, id);
    if (!file) return c.json({ error: 'not_found' }, 404);
    const name = file.record.filename ?? `lampiran-${id}.${detectExtension(file.record.mime)}`;
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.record.mime,
      'Content-Length': String(file.data.byteLength),
      'Content-Disposition': contentDisposition(name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Referrer-Policy': 'no-referrer',
    });
  });
  return app;
}
