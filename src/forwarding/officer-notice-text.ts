// The words of an officer's notification: short, in Indonesian, with the ticket number, category, kab/kota, what
// happened and a link to the ticket's page when the server has a public address; never anything of the reporter.
import type { NoticeKind } from '../domain/officer-notice.js';
import { t } from '../i18n/locales.js';
import type { NoticeFacts } from '../storage/officer-notices.js';
import { kabkotaByCode } from '../understand/region-lookup.js';
import { categoryLabel } from './officer-text.js';

export type NoticeText = { subject: string; text: string };

/** An account's notice, or the one line an agency's group gets (`group`). Accounts have no language yet: Indonesian. */
export function noticeText(
  kind: NoticeKind,
  facts: NoticeFacts,
  opts: { baseUrl: string | null; agencyName: string | null; group: boolean },
): NoticeText {
  const vars = {
    ticket: facts.number,
    category: categoryLabel(facts.category),
    kabkota: (facts.kabkotaCode && kabkotaByCode(facts.kabkotaCode)?.name) || '–',
    agency: opts.agencyName ?? '–',
  };
  const link = opts.baseUrl ? `${opts.baseUrl.replace(/\/+$/, '')}/petugas/tiket/${facts.number}` : null;
  if (opts.group) {
    const line = t('id', 'notice.group.overdue', vars);
    return { subject: line, text: link ? `${line}\n${link}` : line };
  }
  const what = t('id', `notice.${kind}`, vars);
  const lines = [what, t('id', 'notice.about', vars)];
  if (link) lines.push(t('id', 'notice.link', { link }));
  lines.push(t('id', 'notice.settings'));
  return { subject: t('id', 'notice.subject', { ...vars, what }), text: lines.join('\n') };
}
