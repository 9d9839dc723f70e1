// What the runtime and the ticket desk need from routing: where a complaint goes and by which destinations (the
// directory stays behind). The query and decision are defined here once.
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
  /** The rule's id, or cadangan-koordinator / cadangan-ombudsman for the fallbacks. */
  rule: string;
  /** One Indonesian sentence for officers: why this agency. */
  reason: string;
  /** The story's words that decided the rule's detail (normalized); empty for a plain rule. */
  details: string[];
  fallback: boolean;
  /** Agencies that get a copy: the Ombudsman when the citizen asks to escalate. */
  also: { agencyId: string; agencyName: string; reason: string }[];
  /** The citizen already complained to the agency, it was not solved, and has not asked to escalate. */
  offerEscalation: boolean;
};

export type RoutingPort = {
  route(q: RouteQuery): RouteDecision;
  /** The name a citizen knows an agency by ("Disdukcapil Kota Banjarmasin"). */
  shortName(agencyId: string): string | null;
  /** The pemda's complaint coordinator for a kab/kota: it holds tickets no one at their agency receives yet. */
  coordinator(kabkotaCode: string | null): { agencyId: string; name: string } | null;
  /** The agency's destinations besides the built-in inbox. */
  destinations(agencyId: string): { id: string; method: DeliveryMethodName }[];
};
