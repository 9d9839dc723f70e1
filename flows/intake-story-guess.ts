// Facts the story already gives (category, agency, region, place, date, …), guessed for the citizen to confirm.
import { USUAL_AGENCY, findAgencyMention } from '../src/domain/categories.js';
import { findAddress } from '../src/understand/address.js';
import { confidentCategory } from '../src/understand/category-guess.js';
import { findIncidentDate } from '../src/understand/dates.js';
import { findEarlierReport } from '../src/understand/earlier-report.js';
import { findExpectation } from '../src/understand/expectation.js';
import { findRegion } from '../src/understand/regions.js';
import type { Draft } from './intake-context.js';

/** Facts the story already gives: suggested to the citizen in one confirmation question. */
export function guessFromStory(d: Draft, now: number): Draft {
  const story = d.story.join('\n');
  const guessed = [...d.guessed];
  let draft = d;
  if (!draft.category) {
    const guess = confidentCategory(story);
    if (guess) {
      draft = {
        ...draft,
        category: guess.top.category,
        categoryReasons: guess.top.reasons,
        categoryAlternatives: guess.alternatives,
      };
      guessed.push('category');
    }
  }
  if (!draft.agency && !draft.answered.includes('agency')) {
    const agency = findAgencyFromStory(story, draft);
    if (agency) {
      draft = { ...draft, agency };
      guessed.push('agency');
    }
  }
  if (!draft.kabkotaCode) {
    const region = findRegion(story);
    if (region.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: region.match.kabkotaCode,
        kecamatanCode: region.match.kecamatanCode ?? null,
      };
      guessed.push('region');
    } else if (region.kind === 'ambiguous') {
      draft = { ...draft, regionCandidates: [...new Set(region.candidates.map((c) => c.kabkotaCode))] };
    }
  }
  if (!draft.address && !draft.location && !draft.answered.includes('location')) {
    const address = findAddress(story);
    if (address) {
      draft = { ...draft, address };
      guessed.push('location');
    }
  }
  if (draft.priorReport === null) {
    const earlier = findEarlierReport(story);
    if (earlier) {
      // What came of it, in the citizen's own words, answers the next question too.
      const told = earlier.done && earlier.result !== null;
      draft = {
        ...draft,
        priorReport: earlier.done,
        priorResult: earlier.result,
        answered: told ? [...new Set([...draft.answered, 'prior_result' as const])] : draft.answered,
      };
      guessed.push('prior_report');
    }
  }
  if (!draft.expectation) {
    const expectation = findExpectation(story);
    if (expectation) {
      draft = { ...draft, expectation };
      guessed.push('expectation');
    }
  }
  if (!draft.incidentDate) {
    const date = findIncidentDate(story, new Date(now));
    if (date?.ok) {
      draft = { ...draft, incidentDate: { ...date.value, tooOld: date.tooOld } };
      guessed.push('incident_date');
    }
  }
  return { ...draft, guessed };
}

/** The agency the story names, else the one usually responsible for the guessed category. */
function findAgencyFromStory(story: string, d: Draft): string | null {
  return findAgencyMention(story) ?? (d.category ? USUAL_AGENCY[d.category] : null);
}
