// `npm run analyze`'s agency: the directory's routing for the analysed story; null when only a fallback would take it.
import type { AgencyResolver } from '../understand/analyze.js';
import type { Directory } from './directory.js';
import { route } from './route.js';

export function routedAgency(dir: Directory): AgencyResolver {
  return (a, story) => {
    if (!a.category) return a.agencyMention;
    const d = route(dir, {
      category: a.category,
      kabkotaCode: a.kabkotaCode,
      kecamatanCode: a.kecamatanCode,
      story,
      priorReport: { done: false, result: null },
      escalate: false,
    });
    return d.fallback ? null : d.agencyId;
  };
}
