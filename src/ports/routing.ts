// What the runtime and the ticket desk need from routing: where a complaint goes and by which destinations (the
// directory stays behind). The query and decision are defined here once.
import type { CategoryId } from '../domain/categories.js';
import type { StageDays } from '../domain/deadline.js';
import type { DeliveryMethodName } from '../domain/destination.js';
import type { Lang } from '../domain/reply.js';
import type { RouteWhy } from '../domain/route-why.js';

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
  /** Why this agency, as data: put into words when shown (`explain`). */
  why: RouteWhy;
  /** The story's words that decided the rule's detail (normalized); empty for a plain rule. */
  details: string[];
  fallback: boolean;
  /** Agencies that get a copy: the Ombudsman when the citizen asks to escalate. */
  also: { agencyId: string; agencyName: string; why: RouteWhy }[];
  /** The citizen already complained to the agency, it was not solved, and has not asked to escalate. */
  offerEscalation: boolean;
};

export type RoutingPort = {
  route(q: RouteQuery): RouteDecision;
  /** A decision's reason in words, in a reader's language. */
  explain(why: RouteWhy, lang: Lang): string;
  /** The name a citizen knows an agency by ("Disdukcapil Kota Banjarmasin"). */
  shortName(agencyId: string): string | null;
  /** The pemda's complaint coordinator for a kab/kota: it holds tickets no one at their agency receives yet. */
  coordinator(kabkotaCode: string | null): { agencyId: string; name: string } | null;
  /** The agency's destinations besides the built-in inbox. */
  destinations(agencyId: string): { id: string; method: DeliveryMethodName }[];
  /** The agency's own stage days for a category (the agencies file); the settings fill in what it does not give. */
  stageDays(agencyId: string, category: CategoryId): Partial<StageDays>;
};
