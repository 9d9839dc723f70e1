// What the runtime needs from routing: where a complaint goes and by which destinations (the directory stays behind).
import type { CategoryId } from '../domain/categories.js';
import type { DeliveryMethodName } from '../domain/destination.js';

export type RouteQuery = {
  category: CategoryId;
  kabkotaCode: string | null;
  kecamatanCode: string | null;
  story: string;
  priorReport: { done: boolean; result: string | null };
  escalate: boolean;
};

export type RouteDecision = {
  agencyId: string;
  agencyName: string;
  rule: string;
  /** One sentence for officers: why this agency. */
  reason: string;
  details: string[];
  fallback: boolean;
  /** Also notified (Ombudsman Kalsel on escalation). */
  also: { agencyId: string; agencyName: string; reason: string }[];
  offerEscalation: boolean;
};

export type RoutingPort = {
  route(q: RouteQuery): RouteDecision;
  /** The name a citizen knows an agency by ("Disdukcapil Kota Banjarmasin"). */
  shortName(agencyId: string): string | null;
  /** The agency's destinations besides the built-in inbox. */
  destinations(agencyId: string): { id: string; method: DeliveryMethodName }[];
};
