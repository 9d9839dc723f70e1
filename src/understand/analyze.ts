// Reads a whole complaint story at once: category with candidates and reasons, maladministration, region, agency and date.
import { type CategoryId, findAgencyMention } from '../domain/categories.js';
import { type IncidentDate, findIncidentDate } from './dates.js';
import { type MaladministrationFinding, findMaladministration } from './maladministration.js';
import { findRegion } from './regions.js';
import { suggestCategories } from './suggest-categories.js';

export type Analysis = {
  /** The best category, or null when nothing in the story points at one. */
  category: CategoryId | null;
  /** Up to three categories, the best first. */
  candidates: { category: CategoryId; score: number }[];
  /** The words and phrases that decided the best category. */
  reasons: string[];
  maladministration: MaladministrationFinding | null;
  /** Kemendagri codes ("63.71", "63.71.02"); null when no place is named or the name is ambiguous. */
  kabkotaCode: string | null;
  kecamatanCode: string | null;
  /** An agency named in the story, as written. */
  agencyMention: string | null;
  /** When it happened, if the story says; tooOld: more than two years ago (Ombudsman's limit). */
  incidentDate: (IncidentDate & { tooOld: boolean }) | null;
};

/** Turns an analysis into the agency to forward to; the routing directory plugs in here. */
export type AgencyResolver = (a: Analysis, story: string) => string | null;

/** The default resolver: the agency the story names, if any. */
export const mentionedAgency: AgencyResolver = (a) => a.agencyMention;

export function analyzeStory(text: string, now: Date = new Date()): Analysis {
  const suggestions = suggestCategories(text);
  const region = findRegion(text);
  const found = region.kind === 'found' ? region.match : null;
  const date = findIncidentDate(text, now);
  return {
    category: suggestions[0]?.category ?? null,
    candidates: suggestions.slice(0, 3).map(({ category, score }) => ({ category, score })),
    reasons: suggestions[0]?.reasons ?? [],
    maladministration: findMaladministration(text),
    kabkotaCode: found?.kabkotaCode ?? null,
    kecamatanCode: found?.kecamatanCode ?? null,
    agencyMention: findAgencyMention(text),
    incidentDate: date?.ok ? { ...date.value, tooOld: date.tooOld } : null,
  };
}
