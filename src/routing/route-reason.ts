// A routing decision's reason in words, in the reader's language, from the facts stored with the ticket.
import type { Lang } from '../domain/reply.js';
import type { RouteWhy } from '../domain/route-why.js';
import { hasKey, t } from '../i18n/locales.js';
import { kabkotaByCode } from '../understand/region-lookup.js';

function where(kabkota: string | null) {
  const kab = kabkota === null ? undefined : kabkotaByCode(kabkota);
  return kab
    ? { key: 'routing.where.kabkota', vars: { kabkota: kab.name } }
    : { key: 'routing.where.unknown' };
}

/** One sentence for officers: why this agency. */
export function routeReason(lang: Lang, why: RouteWhy): string {
  switch (why.kind) {
    case 'text':
      return why.text;
    case 'escalation':
    case 'deadline':
      return t(lang, `routing.reason.${why.kind}`, { agency: why.agency });
    case 'coordinator':
    case 'ombudsman':
      return t(lang, `routing.reason.${why.kind}`, {
        category: why.category,
        where: where(why.kabkota),
        agency: why.agency,
        rule: why.rule,
      });
    case 'rule': {
      const label =
        why.detail && hasKey(lang, `routing.detail.${why.detail}`) ? `routing.detail.${why.detail}` : null;
      const detail =
        why.detail === null
          ? ''
          : t(lang, 'routing.detail', {
              label: label ? { key: label } : why.detail,
              words: why.words ?? '',
            });
      return t(lang, 'routing.reason.rule', {
        category: why.category,
        where: where(why.kabkota),
        detail,
        agency: why.agency,
        rule: why.rule,
      });
    }
  }
}
