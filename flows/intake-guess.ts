// Answers to the guess ("Dari cerita Anda, saya menangkap: … Benar begitu?"): a yes, a restated fact, a new value
// for one fact, a date, a bare "bukan", or an offered alternative category — each read as the citizen meant it.
import { type CategoryId, USUAL_AGENCY, findAgencyMention } from '../src/domain/categories.js';
import { findIncidentDate } from '../src/understand/dates.js';
import { findRegion } from '../src/understand/regions.js';
import { suggestCategories } from '../src/understand/suggest-categories.js';
import { leadingYesNo, parseYesNo } from '../src/understand/yes-no.js';
import type { Draft, Field } from './intake-context.js';
import { guessQuestion } from './intake-questions.js';
import { pickShown } from './intake-shown.js';

export type GuessRead =
  /** The guess stands, with any fact the answer added or changed. */
  | { kind: 'confirmed'; draft: Draft }
  /** "bukan" and nothing else: ask which part is wrong. */
  | { kind: 'which' }
  | { kind: 'unclear' };

/** Category scores are points of evidence: 2 is a confident guess. */
const CONFIDENT = 2;
const SHORT_ANSWER_WORDS = 4;

/** The agency, when it only follows the category or the route: it must follow them when they change. */
export function derivedAgency(d: Draft): boolean {
  return (
    d.agency === null ||
    (d.category !== null && d.agency === USUAL_AGENCY[d.category]) ||
    (d.route !== null && d.agency === d.route.agencyName)
  );
}

type Facts = {
  region?: { kabkotaCode: string; kecamatanCode: string | null };
  category?: CategoryId;
  agency?: string;
  incidentDate?: NonNullable<Draft['incidentDate']>;
};

/** Facts an answer states: a kab/kota, a category, an office, a date. */
function factsIn(text: string, now: number, onPurpose: boolean): Facts {
  const facts: Facts = {};
  const region = findRegion(text);
  if (region.kind === 'found')
    facts.region = {
      kabkotaCode: region.match.kabkotaCode,
      kecamatanCode: region.match.kecamatanCode ?? null,
    };
  const [top] = suggestCategories(text);
  if (onPurpose && top && top.score >= CONFIDENT && top.category !== 'lainnya') facts.category = top.category;
  const agency = findAgencyMention(text);
  if (agency) facts.agency = agency;
  const date = onPurpose ? findIncidentDate(text, new Date(now)) : null;
  if (date?.ok) facts.incidentDate = { ...date.value, tooOld: date.tooOld };
  return facts;
}

/** Every guessed fact becomes the citizen's: confirmed. */
export function confirmGuess(d: Draft): Draft {
  return { ...d, answered: [...new Set([...d.answered, ...d.guessed])], guessed: [] };
}

/** Puts stated facts into the draft: a changed region or category also frees the office that followed it. */
function applyFacts(d: Draft, facts: Facts, overwrite: boolean): { draft: Draft; changed: Field[] } {
  let draft = d;
  const changed: Field[] = [];
  const freeAgency = derivedAgency(d);
  const set = (field: Field, has: boolean, patch: Partial<Draft>) => {
    if (has && !overwrite) return;
    draft = { ...draft, ...patch };
    changed.push(field);
  };
  if (facts.region && facts.region.kabkotaCode !== d.kabkotaCode)
    set('region', d.kabkotaCode !== null, {
      kabkotaCode: facts.region.kabkotaCode,
      kecamatanCode: facts.region.kecamatanCode,
      regionCandidates: [],
    });
  if (facts.category && facts.category !== d.category)
    set('category', d.category !== null, {
      category: facts.category,
      categoryReasons: [],
      categoryAlternatives: [],
    });
  if (facts.agency && facts.agency !== d.agency && !(d.route && facts.agency === d.route.agencyName))
    set('agency', d.agency !== null && !derivedAgency(d), { agency: facts.agency });
  if (facts.incidentDate && facts.incidentDate.date !== d.incidentDate?.date)
    set('incident_date', d.incidentDate !== null, { incidentDate: facts.incidentDate });
  if (
    (changed.includes('region') || changed.includes('category')) &&
    !changed.includes('agency') &&
    freeAgency
  )
    draft = { ...draft, agency: draft.category ? USUAL_AGENCY[draft.category] : null };
  if (changed.length > 0) draft = { ...draft, route: null };
  return { draft, changed };
}

/** Reads an answer to the guess. */
export function readGuessAnswer(d: Draft, text: string, now: number): GuessRead {
  const shown = pickShown(guessQuestion(d), text);
  if (shown === 'yes') return { kind: 'confirmed', draft: confirmGuess(d) };
  if (shown === 'no') return { kind: 'which' };
  if (shown) return { kind: 'confirmed', draft: pickAlternative(d, shown) };
  const whole = parseYesNo(text);
  if (whole === 'yes') return { kind: 'confirmed', draft: confirmGuess(d) };
  if (whole === 'no') return { kind: 'which' };
  const lead = leadingYesNo(text);
  // Story words name a category or a time in passing ("blangko habis", "sudah 3 bulan kada masuk"): only a short
  // answer, or one after "ya"/"bukan", names them on purpose. A place or an office is an answer wherever it stands.
  const facts = factsIn(text, now, lead !== null || text.trim().split(/\s+/).length <= SHORT_ANSWER_WORDS);
  // After a plain yes, stated facts only add what the guess lacked; after "bukan", nothing, or "ya, tapi …" a
  // different value corrects that fact.
  const contrast = /\b(tapi|tp|tetapi|namun|cuma|hanya)\b/i.test(text);
  const { draft, changed } = applyFacts(d, facts, lead !== 'yes' || contrast);
  if (changed.length > 0 || lead === 'yes' || Object.keys(facts).length > 0) {
    const answered = [...new Set([...draft.answered, ...draft.guessed, ...changed])];
    return { kind: 'confirmed', draft: { ...draft, answered, guessed: [] } };
  }
  if (lead === 'no') return { kind: 'which' };
  return { kind: 'unclear' };
}

/** One of the offered runner-up categories instead of the guessed one: the rest of the guess stands. */
export function pickAlternative(d: Draft, category: string): Draft {
  const picked = d.categoryAlternatives.find((c) => c === category);
  if (!picked) return confirmGuess(d);
  const agency = derivedAgency(d) ? USUAL_AGENCY[picked] : d.agency;
  return confirmGuess({
    ...d,
    category: picked,
    categoryReasons: [],
    categoryAlternatives: [],
    agency,
    route: null,
  });
}

/** Clears the part the citizen said is wrong (to be asked again) and confirms the rest. */
export function dropGuessedPart(d: Draft, part: string): Draft {
  const all = part === 'all';
  const g = new Set(all ? d.guessed : d.guessed.filter((f) => f === part));
  const freeAgency = derivedAgency(d) && (g.has('category') || g.has('region'));
  const cleared: Draft = {
    ...d,
    category: g.has('category') ? null : d.category,
    categoryReasons: g.has('category') ? [] : d.categoryReasons,
    categoryAlternatives: [],
    agency: g.has('agency') || freeAgency ? null : d.agency,
    kabkotaCode: g.has('region') ? null : d.kabkotaCode,
    kecamatanCode: g.has('region') ? null : d.kecamatanCode,
    incidentDate: g.has('incident_date') ? null : d.incidentDate,
    address: g.has('location') ? null : d.address,
    expectation: g.has('expectation') ? null : d.expectation,
    priorReport: g.has('prior_report') ? null : d.priorReport,
    priorResult: g.has('prior_report') ? null : d.priorResult,
    route: null,
    guessed: d.guessed.filter((f) => g.has(f)),
  };
  // The rest was not said to be wrong: it stands. A freed office follows the new answers unless asked for.
  const kept = d.guessed.filter((f) => !g.has(f) && !(f === 'agency' && freeAgency));
  return {
    ...cleared,
    answered: [
      ...new Set([
        ...cleared.answered.filter((f) => !g.has(f) && !(f === 'prior_result' && g.has('prior_report'))),
        ...kept,
        ...(freeAgency ? ['agency' as const] : []),
      ]),
    ],
    guessed: [],
  };
}
