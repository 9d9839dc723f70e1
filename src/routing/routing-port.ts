// The runtime's routing port over a directory: the rules decide the agency, the directory lists its destinations.
import type { RoutingPort } from '../ports/routing.js';
import type { Directory } from './directory.js';
import { routeReason } from './route-reason.js';
import { route } from './route.js';

export function routingPort(dir: Directory): RoutingPort {
  return {
    route: (q) => route(dir, q),
    explain: (why, lang) => routeReason(lang, why),
    shortName: (agencyId) => dir.agency(agencyId)?.shortName ?? null,
    coordinator: (code) => {
      const a = code ? dir.coordinator(code) : undefined;
      return a ? { agencyId: a.id, name: a.shortName } : null;
    },
    destinations: (agencyId) =>
      (dir.agency(agencyId)?.destinations ?? []).map((d) => ({ id: d.id, method: d.method })),
    stageDays: (agencyId, category) => dir.stageDays(agencyId, category),
  };
}
