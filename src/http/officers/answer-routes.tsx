// The ticket page's answers to the citizen: the status change and the reply, each with up to three files
// (multipart/form-data; checked by their bytes), then a redirect with the `?done=` flash.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type CheckedUpload, type FileProblem, checkUploads } from '../../officers/answer-files.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import type { FileStore } from '../../storage/file-store.js';
import type { SignedIn } from './officer-session.js';
import { MessagePage } from './views.js';

export type AnswerRoutesDeps = { actions: TicketActions; files: Pick<FileStore, 'limits'> };

const TicketNumber = z.string().regex(/^ADU-\d{4}-[A-Z0-9]{4}$/);
const StatusForm = z.object({
  status: TicketStatus,
  message: z.string().max(2000).optional(),
  reason: z.string().max(500).optional(),
});
const ReplyForm = z.object({ text: z.string().max(10_000) });

/** The flash words of a refused file (`?done=`), besides the actions' own. */
export const FILE_FLASHES: readonly FileProblem[] = ['too_many_files', 'file_type', 'file_too_large'];

type Env = { Variables: { me: SignedIn; lang: Lang } };

/** The form's text fields and its chosen files (`files`, each checked); a refusal names the problem. */
async function readForm(
  c: Context<Env>,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; files: CheckedUpload[] } | { problem: FileProblem }> {
  const form = await c.req.formData();
  const fields: Record<string, string> = {};
  form.forEach((value, key) => {
    if (typeof value === 'string') fields[key] = value;
  });
  const uploads = await Promise.all(
    form
      .getAll('files')
      .filter((v): v is File => typeof v !== 'string')
      .map(async (f) => ({ name: f.name, type: f.type, data: new Uint8Array(await f.arrayBuffer()) })),
  );
  const checked = checkUploads(uploads, maxBytes);
  return checked.ok ? { fields, files: checked.files } : { problem: checked.problem };
}

/** Mounted at /petugas/tiket (after the session and CSRF checks of the workspace). */
export function answerRoutes(deps: AnswerRoutesDeps): Hono<Env> {
  const app = new Hono<Env>();
  const notFound = (c: Context<Env>) => {
    const lang = c.get('lang');
    return c.html(<MessagePage lang={lang} title="404" text={t(lang, 'officer.not_found')} />, 404);
  };
  const back = (c: Context<Env>, number: string, done: string) =>
    c.redirect(`/petugas/tiket/${number}?done=${done}`, 303);

  /** The ticket's number when this account may answer on it; otherwise the response (a 404, or read only). */
  const gate = (c: Context<Env>): string | Response | Promise<Response> => {
    const number = TicketNumber.safeParse(c.req.param('number'));
    const problem = number.success ? deps.actions.answerable(c.get('me').officer, number.data) : 'not_found';
    if (!number.success || problem === 'not_found') return notFound(c);
    return problem ? back(c, number.data, problem) : number.data;
  };

  app.post('/:number/status', async (c) => {
    const number = gate(c);
    if (typeof number !== 'string') return number;
    const read = await readForm(c, deps.files.limits.maxBytes);
    if ('problem' in read) return back(c, number, read.problem);
    const form = StatusForm.safeParse(read.fields);
    if (!form.success) return back(c, number, 'not_allowed');
    const say = { message: form.data.message ?? null, reason: form.data.reason ?? null };
    const result = deps.actions.changeStatus(c.get('me').officer, number, form.data.status, say, read.files);
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return back(c, number, result.ok ? 'ok' : result.problem);
  });

  app.post('/:number/balas', async (c) => {
    const number = gate(c);
    if (typeof number !== 'string') return number;
    const read = await readForm(c, deps.files.limits.maxBytes);
    if ('problem' in read) return back(c, number, read.problem);
    const text = ReplyForm.safeParse(read.fields);
    const result = deps.actions.write(
      c.get('me').officer,
      number,
      'reply',
      text.success ? text.data.text : '',
      read.files,
    );
    if (!result.ok && result.problem === 'not_found') return notFound(c);
    return back(c, number, result.ok ? 'replied' : result.problem);
  });

  return app;
}
