// Where the draft goes: the query the runtime's router answers (with a `routed` event), and the route taken back.
import type { Effect } from './effects.js';
import type { Draft, IntakeContext } from './intake-context.js';
import type { RouteInfo } from './intake-events.js';
import { derivedAgency } from './intake-guess.js';

/** The effect asking the runtime's router where the draft goes (answered by a `routed` event). */
export function routeEffect(ctx: IntakeContext): Effect {
  const d = ctx.draft;
  return {
    type: 'route',
    query: {
      category: d.category ?? 'lainnya',
      kabkotaCode: d.kabkotaCode,
      kecamatanCode: d.kecamatanCode,
      story: d.story.join('\n'),
      priorReport: { done: d.priorReport === true, result: d.priorResult },
      escalate: d.escalate === true && d.identityMode !== 'anonim',
    },
  };
}

/**
 * The route decided; an office that only followed the category or region takes the routed office's name, unless
 * no rule took it (a coordinator or Ombudsman passing it on is not the office complained of).
 */
export function withRoute(d: Draft, route: RouteInfo): Draft {
  return { ...d, route, agency: derivedAgency(d) && !route.fallback ? route.agencyName : d.agency };
}
