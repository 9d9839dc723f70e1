// The Open311 server's services (GET services, GET services/{code}): one per Aduan category, named in the caller's
// language, each taking two optional attributes: the kab/kota (when the pin or address cannot tell it) and how the
// reporter's identity is kept.
import { CATEGORY_LEXICON } from '../../data/category-lexicon.js';
import type { CategoryId } from '../../domain/categories.js';
import { IDENTITY_ATTRIBUTE, KABKOTA_ATTRIBUTE, SERVICE_CODES } from '../../domain/open311-mapping.js';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { regionChoiceList } from '../../understand/region-lookup.js';

/** Keywords: the words that name a category's service or office outright in the bot's lexicon (weight 5 and up). */
const KEYWORDS = 6;

function keywords(category: CategoryId): string {
  return Object.entries(CATEGORY_LEXICON[category] ?? {})
    .filter(([, weight]) => weight >= 5)
    .map(([word]) => word)
    .slice(0, KEYWORDS)
    .join(', ');
}

export function serviceList(lang: Lang) {
  return SERVICE_CODES.map((code) => ({
    service_code: code,
    service_name: t(lang, `category.${code}`),
    description: t(lang, 'georeport.service.description', { name: t(lang, `category.${code}`) }),
    metadata: true,
    type: 'realtime',
    keywords: keywords(code),
    group: t(lang, 'georeport.service.group'),
  }));
}

export function serviceDefinition(code: CategoryId, lang: Lang) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: KABKOTA_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: t(lang, 'georeport.attribute.kabkota.datatype'),
        order: 1,
        description: t(lang, 'georeport.attribute.kabkota'),
        values: regionChoiceList().map((r) => ({ key: r.code, name: r.label })),
      },
      {
        variable: true,
        code: IDENTITY_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: t(lang, 'georeport.attribute.identitas.datatype'),
        order: 2,
        description: t(lang, 'georeport.attribute.identitas'),
        values: (['rahasia', 'biasa', 'anonim'] as const).map((mode) => ({
          key: mode,
          name: t(lang, `georeport.identity.${mode}`),
        })),
      },
    ],
  };
}
