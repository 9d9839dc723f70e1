// A ticket's files for officers (mounted under /petugas/tiket behind the session): only through the ticket's scope,
// each opening audited; pictures shown in the page, other files downloaded, never sniffed or cached.
import { readFile } from 'node:fs/promises';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { scopeOf } from '../../officers/policy.js';
import type { Directory } from '../../routing/directory.js';
import type { FileStore } from '../../storage/file-store.js';
import type { Store } from '../../storage/store.js';
import type { SignedIn } from './officer-session.js';
import { INLINE_TYPES } from './officer-view-data.js';
import { MessagePage } from './views.js';

export type AttachmentDeps = {
  store: Store;
  files: Pick<FileStore, 'pathOf'>;
  directory: Directory;
  clock: Clock;
};

type Env = { Variables: { me: SignedIn; lang: Lang } };

const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);

export function attachmentRoutes(deps: AttachmentDeps): Hono<Env> {
  const { store, directory, clock } = deps;
  const app = new Hono<Env>();
  const notFound = (c: Context<Env>) => {
    const lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };

  app.get('/:number/lampiran/:id', async (c) => {
    const me = c.get('me');
    const number = TicketNumber.safeParse(c.req.param('number'));
    const ticket = number.success
      ? store.ticketInbox.forOfficer(number.data, scopeOf(me.officer, directory))
      : null;
    const record = ticket ? store.attachments.inTicket(ticket.id, c.req.param('id')) : null;
    if (!ticket || !record) return notFound(c);
    let data: Buffer;
    try {
      data = await readFile(deps.files.pathOf(record.sha256));
    } catch {
      return notFound(c);
    }
    store.audit.record({
      at: clock.now(),
      actor: `officer:${me.officer.id}`,
      type: 'officer.viewed_attachment',
      ticketId: ticket.id,
      data: { attachment: record.id },
    });
    const inline = INLINE_TYPES.has(record.mime);
    const name = (record.filename ?? `lampiran-${record.id}`).replace(/[^\w.\- ]/g, '_');
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': record.mime,
      'Content-Length': String(data.byteLength),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
      'Referrer-Policy': 'no-referrer',
    });
  });

  return app;
}
