// POST /api/v1/tickets/{number}/status and /replies: an answer to the citizen, as JSON or as multipart/form-data
// with up to three files (`files`), checked like the ticket page's (type by the bytes, size, count). Scope first
// (404), then the account (409), then the files (422); the body is capped before it is read (413).
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TicketStatus } from '../../domain/complaint.js';
import type { Officer } from '../../domain/officer.js';
import { type CheckedUpload, MAX_ANSWER_FILES, checkUploads } from '../../officers/answer-files.js';
import type { TicketActions } from '../../officers/ticket-actions.js';
import type { FileStore } from '../../storage/file-store.js';
import { ErrorBody, NumberParam, StatusBody, TextBody } from './api-schemas.js';

const FileField = z.instanceof(File).openapi({ type: 'string', format: 'binary' });
const Files = z
  .union([FileField, z.array(FileField)])
  .optional()
  .openapi({
    description: `up to ${MAX_ANSWER_FILES} files (repeat the field): PDF, JPEG, PNG, WebP or Word, by their bytes`,
  });
const StatusForm = StatusBody.extend({ files: Files }).openapi('StatusChangeWithFiles');
const ReplyForm = TextBody.extend({ files: Files }).openapi('TextWithFiles');

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const answers = {
  401: json(ErrorBody, 'no token, or a wrong one'),
  404: json(ErrorBody, 'no such ticket, or not one the caller may see'),
  409: json(ErrorBody, 'not allowed from the current status, or the account only watches'),
  413: json(ErrorBody, 'the body is larger than the files allowed (`file_too_large`)'),
  422: json(
    ErrorBody,
    'the body is not valid, a reason is missing, or a file is refused (`too_many_files`, `file_type`, ' +
      '`file_too_large`, `no_chat`: the citizen has no chat to send it to)',
  ),
};

type Env = { Variables: { officer: Officer } };
type Failure<S extends 404 | 409 | 413 | 422> = Response &
  TypedResponse<{ error: { code: string; message: string } }, S, 'json'>;
type Fail = <S extends 404 | 409 | 413 | 422>(
  c: Context,
  status: S,
  code: string,
  key?: string,
) => Failure<S>;

export type AnswerApiDeps = { actions: TicketActions; files: Pick<FileStore, 'limits'> };

const isMultipart = (c: Context) => /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');

/** The chosen files of a multipart body, with their bytes. */
async function uploadsOf(files: File | File[] | undefined) {
  const list = files === undefined ? [] : Array.isArray(files) ? files : [files];
  return Promise.all(
    list.map(async (f) => ({ name: f.name, type: f.type, data: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** Adds the two answering operations to the API (behind its bearer token). */
export function answerApi(app: OpenAPIHono<Env>, deps: AnswerApiDeps, fail: Fail): void {
  const maxBytes = deps.files.limits.maxBytes;
  const middleware = bodyLimit({
    maxSize: MAX_ANSWER_FILES * maxBytes + 1024 * 1024,
    onError: (c) => fail(c, 413, 'file_too_large'),
  });
  const body = <J extends z.ZodType, F extends z.ZodType>(jsonSchema: J, formSchema: F) => ({
    content: {
      'application/json': { schema: jsonSchema },
      'multipart/form-data': { schema: formSchema },
    },
  });

  /** 404 outside the scope, 409 when the account only watches, then the files (422); the checked files. */
  const gate = async (
    c: Context<Env>,
    number: string,
    files: File | File[] | undefined,
  ): Promise<CheckedUpload[] | Failure<404> | Failure<409> | Failure<422>> => {
    const problem = deps.actions.answerable(c.get('officer'), number);
    if (problem === 'not_found') return fail(c, 404, problem);
    if (problem) return fail(c, 409, problem);
    const checked = checkUploads(await uploadsOf(files), maxBytes);
    return checked.ok ? checked.files : fail(c, 422, checked.problem);
  };
  const problem = (c: Context, p: string) =>
    p === 'not_found'
      ? fail(c, 404, p)
      : p === 'read_only' || p === 'not_allowed'
        ? fail(c, 409, p)
        : fail(c, 422, p);

  const statusRoute = createRoute({
    method: 'post',
    path: '/v1/tickets/{number}/status',
    security: [{ bearer: [] }],
    middleware,
    request: { params: NumberParam, body: body(StatusBody, StatusForm) },
    responses: {
      200: json(z.object({ number: z.string(), status: TicketStatus }), 'changed; the citizen was told'),
      ...answers,
    },
  });
  app.openapi(statusRoute, async (c) => {
    const { number } = c.req.valid('param');
    // Without a content type neither body was read: parsed here, so an empty request is a 422 too.
    const fields = StatusForm.safeParse(isMultipart(c) ? c.req.valid('form') : c.req.valid('json'));
    if (!fields.success) return fail(c, 422, 'invalid_request', 'body_missing');
    const files = await gate(c, number, fields.data.files);
    if (!Array.isArray(files)) return files;
    const say = { message: fields.data.message ?? null, reason: fields.data.reason ?? null };
    const r = deps.actions.changeStatus(c.get('officer'), number, fields.data.status, say, files);
    return r.ok ? c.json({ number, status: fields.data.status }, 200) : problem(c, r.problem);
  });

  const replyRoute = createRoute({
    method: 'post',
    path: '/v1/tickets/{number}/replies',
    security: [{ bearer: [] }],
    middleware,
    request: { params: NumberParam, body: body(TextBody, ReplyForm) },
    responses: { 201: json(z.object({ number: z.string() }), 'sent to the citizen'), ...answers },
  });
  app.openapi(replyRoute, async (c) => {
    const { number } = c.req.valid('param');
    const fields = ReplyForm.safeParse(isMultipart(c) ? c.req.valid('form') : c.req.valid('json'));
    if (!fields.success) return fail(c, 422, 'invalid_request', 'body_missing');
    const files = await gate(c, number, fields.data.files);
    if (!Array.isArray(files)) return files;
    const r = deps.actions.write(c.get('officer'), number, 'reply', fields.data.text, files);
    return r.ok ? c.json({ number }, 201) : problem(c, r.problem);
  });
}
