// The response templates' pages under /petugas/templat: everyone signed in reads the templates it may use; admins and
// coordinators create, change and delete those of the agencies they reach (CSRF-checked by the workspace, audited).
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import {
  type ResponseTemplate,
  type TemplateDraft,
  unknownPlaceholders,
} from '../../domain/response-template.js';
import { t } from '../../i18n/locales.js';
import {
  editableAgencies,
  editsTemplates,
  mayEditTemplate,
  reachesTemplate,
  templateReach,
} from '../../officers/template-access.js';
import { TemplateEdits } from '../../officers/template-edits.js';
import { MAX_OFFICER_TEXT } from '../../officers/ticket-actions.js';
import type { Directory } from '../../routing/directory.js';
import type { Store } from '../../storage/store.js';
import { TRANSITIONS } from '../../tickets/transitions.js';
import type { SignedIn } from './officer-session.js';
import {
  EVERY_AGENCY,
  MAX_TEMPLATE_TITLE,
  TemplateFormPage,
  type TemplateFormValues,
  TemplateListPage,
} from './template-views.js';
import { type Frame, MessagePage } from './views.js';

type Env = { Variables: { me: SignedIn; lang: Lang } };

/** The statuses a template may suit: those an officer's move leads to. */
const TEMPLATE_STATUSES = TicketStatus.options.filter((s) =>
  Object.values(TRANSITIONS).some((to) => to.includes(s)),
);

const TemplateForm = z.object({
  title: z.string().trim().min(1).max(MAX_TEMPLATE_TITLE),
  agency: z.string().max(100),
  status: z.union([z.literal(''), TicketStatus.refine((s) => TEMPLATE_STATUSES.includes(s))]),
  // A browser sends a textarea's line breaks as CRLF: counted as one character, as the officer sees them.
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1).max(MAX_OFFICER_TEXT)),
});
const DeleteForm = z.object({ confirm: z.literal('1') });
const TemplateId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const FLASH = new Set(['saved', 'deleted', 'not_allowed']);

/** `frame`: the workspace's own page frame (language, account, navigation) for this request. */
export function templatePages(deps: {
  store: Store;
  directory: Directory;
  clock: Clock;
  frame: (c: Context, me: SignedIn) => Frame;
}): Hono<Env> {
  const { store, directory } = deps;
  const edits = new TemplateEdits(deps);
  const app = new Hono<Env>();
  const frame = (c: Context<Env>) => deps.frame(c, c.get('me'));
  const agencyName = (lang: Lang) => (id: string | null) =>
    id === null ? t(lang, 'officer.templates.every_agency') : (directory.agency(id)?.shortName ?? id);
  const message = (c: Context<Env>, title: string, key: string, status: 403 | 404) =>
    c.html(<MessagePage lang={c.get('lang')} title={title} text={t(c.get('lang'), key)} />, status);
  const notFound = (c: Context<Env>) => message(c, '404', 'officer.templates.not_found', 404);
  const forbidden = (c: Context<Env>) => message(c, '403', 'officer.templates.forbidden', 403);

  app.get('/', (c) => {
    const me = c.get('me');
    const lang = c.get('lang');
    const filter = z
      .string()
      .max(100)
      .catch('')
      .parse(c.req.query('agency') ?? '');
    const reach = templateReach(me.officer, directory);
    const rows = store.responseTemplates
      .reachable(reach)
      .filter((tpl) => filter === '' || tpl.agencyId === (filter === EVERY_AGENCY ? null : filter));
    const done = c.req.query('done') ?? '';
    return c.html(
      <TemplateListPage
        frame={frame(c)}
        templates={rows.map((template) => ({
          template,
          editable: mayEditTemplate(me.officer, template.agencyId, directory),
        }))}
        agencies={directory
          .all()
          .filter((a) => reach === null || reach.includes(a.id))
          .map((a) => ({ id: a.id, name: a.shortName }))}
        filter={filter}
        mayCreate={editsTemplates(me.officer, directory)}
        flash={
          FLASH.has(done) ? { ok: done !== 'not_allowed', text: t(lang, `officer.templates.${done}`) } : null
        }
        agencyName={agencyName(lang)}
      />,
    );
  });

  const form = (
    c: Context<Env>,
    id: number | null,
    values: TemplateFormValues,
    problems: string[],
    status: 200 | 422 = 200,
  ) => {
    const me = c.get('me');
    const lang = c.get('lang');
    const done = c.req.query('done');
    return c.html(
      <TemplateFormPage
        frame={frame(c)}
        id={id}
        values={values}
        agencies={editableAgencies(me.officer, directory).map((a) => ({ id: a.id, name: a.shortName }))}
        everyAgency={mayEditTemplate(me.officer, null, directory)}
        statuses={TEMPLATE_STATUSES}
        problems={problems}
        flash={done === 'confirm' ? t(lang, 'officer.templates.confirm') : null}
      />,
      status,
    );
  };
  const valuesOf = (tpl: ResponseTemplate): TemplateFormValues => ({
    title: tpl.title,
    agency: tpl.agencyId ?? '',
    status: tpl.status ?? '',
    body: tpl.body,
  });

  /** The posted form as a draft, or what the form shows again with its problems (422). */
  const posted = async (
    c: Context<Env>,
  ): Promise<{ draft: TemplateDraft } | { values: TemplateFormValues; problems: string[] }> => {
    const lang = c.get('lang');
    const raw = await c.req.parseBody();
    const text = (k: string) => {
      const v = raw[k];
      return typeof v === 'string' ? v : '';
    };
    const values = {
      title: text('title'),
      agency: text('agency'),
      status: text('status'),
      body: text('body'),
    };
    const parsed = TemplateForm.safeParse(values);
    const problems = parsed.success
      ? []
      : [...new Set(parsed.error.issues.map((i) => t(lang, `officer.templates.error.${String(i.path[0])}`)))];
    const unknown = unknownPlaceholders(values.body);
    if (unknown.length > 0)
      problems.push(
        t(lang, 'officer.templates.error.placeholders', { names: unknown.map((p) => `{${p}}`).join(', ') }),
      );
    if (!parsed.success || problems.length > 0) return { values, problems };
    const d = parsed.data;
    return {
      draft: { title: d.title, body: d.body, agencyId: d.agency || null, status: d.status || null },
    };
  };

  const save = async (c: Context<Env>, id: number | null) => {
    const input = await posted(c);
    if ('problems' in input) return form(c, id, input.values, input.problems, 422);
    const result = edits.save(c.get('me').officer, id, input.draft);
    if (result.ok) return c.redirect('/petugas/templat?done=saved', 303);
    if (result.problem === 'not_found') return notFound(c);
    if (result.problem === 'unknown_agency') {
      const problems = [t(c.get('lang'), 'officer.templates.error.agency')];
      const values = { ...input.draft, agency: input.draft.agencyId ?? '', status: input.draft.status ?? '' };
      return form(c, id, values, problems, 422);
    }
    return c.redirect('/petugas/templat?done=not_allowed', 303);
  };

  app.get('/baru', (c) => {
    const me = c.get('me');
    if (!editsTemplates(me.officer, directory)) return forbidden(c);
    const agency = c.req.query('agency') ?? '';
    const preset = mayEditTemplate(me.officer, agency || null, directory) ? agency : '';
    return form(c, null, { title: '', agency: preset, status: '', body: '' }, []);
  });
  app.post('/baru', (c) => save(c, null));

  app.get('/:id', (c) => {
    const me = c.get('me');
    const id = TemplateId.safeParse(c.req.param('id'));
    const tpl = id.success ? store.responseTemplates.get(id.data) : null;
    if (!tpl || !reachesTemplate(me.officer, tpl.agencyId, directory)) return notFound(c);
    if (!mayEditTemplate(me.officer, tpl.agencyId, directory)) return forbidden(c);
    return form(c, tpl.id, valuesOf(tpl), []);
  });
  app.post('/:id', (c) => {
    const id = TemplateId.safeParse(c.req.param('id'));
    return id.success ? save(c, id.data) : notFound(c);
  });

  app.post('/:id/hapus', async (c) => {
    const id = TemplateId.safeParse(c.req.param('id'));
    if (!id.success) return notFound(c);
    if (!DeleteForm.safeParse(await c.req.parseBody()).success)
      return c.redirect(`/petugas/templat/${id.data}?done=confirm`, 303);
    const result = edits.remove(c.get('me').officer, id.data);
    if (result.ok) return c.redirect('/petugas/templat?done=deleted', 303);
    return result.problem === 'not_found'
      ? notFound(c)
      : c.redirect('/petugas/templat?done=not_allowed', 303);
  });

  return app;
}
