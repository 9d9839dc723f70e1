// The response templates' pages as views: the list (filtered by agency) and the form to write or delete one, with
// its placeholders explained. Data in, HTML out; the routes decide who sees what.
import type { TicketStatus } from '../../domain/complaint.js';
import { type ResponseTemplate, TEMPLATE_PLACEHOLDERS } from '../../domain/response-template.js';
import { witaDate } from '../../domain/wita.js';
import { formatDate, t } from '../../i18n/locales.js';
import { MAX_OFFICER_TEXT } from '../../officers/ticket-actions.js';
import { Layout } from './layout.js';
import type { Frame } from './views.js';

/** The agency filter's value for the every-agency templates. */
export const EVERY_AGENCY = 'umum';

/** The longest title of a template. */
export const MAX_TEMPLATE_TITLE = 80;

type AgencyChoice = { id: string; name: string };

const statusLabel = (frame: Frame, s: TicketStatus | null) =>
  s ? t(frame.lang, `officer.status.${s}`) : t(frame.lang, 'officer.templates.any_status');

export function TemplateListPage(props: {
  frame: Frame;
  templates: { template: ResponseTemplate; editable: boolean }[];
  /** The filter's choices: the agencies the account reaches. */
  agencies: AgencyChoice[];
  filter: string;
  mayCreate: boolean;
  flash: { ok: boolean; text: string } | null;
  agencyName: (id: string | null) => string;
}) {
  const { frame } = props;
  const { lang } = frame;
  return (
    <Layout lang={lang} title={t(lang, 'officer.templates.title')} officer={frame.officer}>
      <h1>{t(lang, 'officer.templates.title')}</h1>
      {props.flash ? (
        <p class={props.flash.ok ? 'note' : 'note error'} aria-live="polite">
          {props.flash.text}
        </p>
      ) : null}
      <p>{t(lang, 'officer.templates.intro')}</p>
      {props.mayCreate ? (
        <p>
          <a href="/petugas/templat/baru">{t(lang, 'officer.templates.new')}</a>
        </p>
      ) : null}
      <form method="get" action="/petugas/templat" class="search">
        <select name="agency" aria-label={t(lang, 'officer.templates.field.agency')}>
          <option value="">{t(lang, 'officer.templates.filter_all')}</option>
          <option value={EVERY_AGENCY} selected={props.filter === EVERY_AGENCY}>
            {t(lang, 'officer.templates.every_agency')}
          </option>
          {props.agencies.map((a) => (
            <option value={a.id} selected={props.filter === a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button class="primary" type="submit">
          {t(lang, 'officer.templates.filter_submit')}
        </button>
      </form>
      {props.templates.length === 0 ? <p class="card">{t(lang, 'officer.templates.empty')}</p> : null}
      {props.templates.map(({ template: tpl, editable }) => (
        <section class="card">
          <h2>{tpl.title}</h2>
          <dl>
            <dt>{t(lang, 'officer.templates.field.agency')}</dt>
            <dd>{props.agencyName(tpl.agencyId)}</dd>
            <dt>{t(lang, 'officer.templates.field.status')}</dt>
            <dd>{statusLabel(frame, tpl.status)}</dd>
            <dt>{t(lang, 'officer.templates.field.body')}</dt>
            <dd>{tpl.body}</dd>
          </dl>
          <p>
            <small>
              {t(lang, 'officer.templates.updated', {
                date: formatDate(lang, witaDate(tpl.updatedAt), 'day'),
                name: tpl.updatedBy?.name ?? t(lang, 'officer.templates.system'),
              })}
            </small>
            {editable ? (
              <>
                {' · '}
                <a href={`/petugas/templat/${tpl.id}`}>{t(lang, 'officer.templates.edit')}</a>
              </>
            ) : null}
          </p>
        </section>
      ))}
    </Layout>
  );
}

/** What the form shows: a template's values (or what was typed), and the problems found in them. */
export type TemplateFormValues = { title: string; agency: string; status: string; body: string };

export function TemplateFormPage(props: {
  frame: Frame;
  /** The template being changed; null for a new one. */
  id: number | null;
  values: TemplateFormValues;
  agencies: AgencyChoice[];
  /** Whether "every agency" is a choice (admins, and coordinators that reach every agency). */
  everyAgency: boolean;
  statuses: readonly TicketStatus[];
  problems: string[];
  flash: string | null;
}) {
  const { frame, values } = props;
  const { lang } = frame;
  const title = t(lang, props.id === null ? 'officer.templates.new' : 'officer.templates.edit');
  const action = props.id === null ? '/petugas/templat/baru' : `/petugas/templat/${props.id}`;
  return (
    <Layout lang={lang} title={title} officer={frame.officer}>
      <p>
        <a href="/petugas/templat">{t(lang, 'officer.templates.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.flash ? <p class="note error">{props.flash}</p> : null}
      {props.problems.length > 0 ? (
        <div class="note error" role="alert">
          <ul>
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} class="card">
        <input type="hidden" name="csrf" value={frame.officer.csrf} />
        <label for="tpl-title">{t(lang, 'officer.templates.field.title')}</label>
        <input id="tpl-title" name="title" required maxlength={MAX_TEMPLATE_TITLE} value={values.title} />
        <label for="tpl-agency">{t(lang, 'officer.templates.field.agency')}</label>
        <select id="tpl-agency" name="agency">
          {props.everyAgency ? <option value="">{t(lang, 'officer.templates.every_agency')}</option> : null}
          {props.agencies.map((a) => (
            <option value={a.id} selected={values.agency === a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="tpl-status">{t(lang, 'officer.templates.field.status')}</label>
        <select id="tpl-status" name="status">
          <option value="">{t(lang, 'officer.templates.any_status')}</option>
          {props.statuses.map((s) => (
            <option value={s} selected={values.status === s}>
              {statusLabel(frame, s)}
            </option>
          ))}
        </select>
        <label for="tpl-body">{t(lang, 'officer.templates.field.body')}</label>
        <textarea id="tpl-body" name="body" rows={7} required maxlength={MAX_OFFICER_TEXT}>
          {values.body}
        </textarea>
        <button class="primary" type="submit">
          {t(lang, 'officer.templates.save')}
        </button>
      </form>
      <section class="card">
        <h2>{t(lang, 'officer.templates.placeholders')}</h2>
        <dl>
          {TEMPLATE_PLACEHOLDERS.map((p) => (
            <>
              <dt>
                <code>{`{${p}}`}</code>
              </dt>
              <dd>{t(lang, `officer.templates.ph.${p}`)}</dd>
            </>
          ))}
        </dl>
        <p>
          <small>{t(lang, 'officer.templates.ph.never')}</small>
        </p>
      </section>
      {props.id === null ? null : (
        <form method="post" action={`/petugas/templat/${props.id}/hapus`} class="card">
          <input type="hidden" name="csrf" value={frame.officer.csrf} />
          <label class="check">
            <input type="checkbox" name="confirm" value="1" required style="width:auto" />{' '}
            {t(lang, 'officer.templates.delete_confirm')}
          </label>
          <button class="primary" type="submit">
            {t(lang, 'officer.templates.delete')}
          </button>
        </form>
      )}
    </Layout>
  );
}
