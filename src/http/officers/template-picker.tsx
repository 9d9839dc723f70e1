// The response templates next to a ticket's status and reply forms: each a plain link that reloads the page with the
// form's text pre-filled (nothing is sent by choosing one). Data in, HTML out.
import type { TicketStatus } from '../../domain/complaint.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

export type TemplateLink = { href: string; title: string; status: TicketStatus | null };

/** What the ticket page offers and pre-fills: the links per form and the chosen template's text. */
export type TemplateOffer = {
  statusLinks: TemplateLink[];
  /** Back to every fitting template when the status list is narrowed to a chosen status; null otherwise. */
  statusAll: string | null;
  replyLinks: TemplateLink[];
  /** The status the status form starts on (the chosen template's, or the one chosen before). */
  statusChoice: TicketStatus | null;
  statusText: string;
  replyText: string;
};

export function TemplatePicker(props: { lang: Lang; links: readonly TemplateLink[]; all?: string | null }) {
  const { lang, links } = props;
  if (links.length === 0 && !props.all) return null;
  return (
    <details class="filters">
      <summary>{t(lang, 'officer.templates.use', { count: links.length })}</summary>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.title}</a>{' '}
            <small>
              {`· ${l.status ? t(lang, `officer.status.${l.status}`) : t(lang, 'officer.templates.any_status')}`}
            </small>
          </li>
        ))}
        {props.all ? (
          <li>
            <a href={props.all}>{t(lang, 'officer.templates.show_all')}</a>
          </li>
        ) : null}
      </ul>
      <small>{t(lang, 'officer.templates.use_hint')}</small>
    </details>
  );
}
