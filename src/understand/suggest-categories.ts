// Suggests complaint categories for a story: the classifier built once from our lexicon and seed stories.
import { CATEGORY_LEXICON, NEUTRAL_WORDS } from '../data/category-lexicon.js';
import { SEED_CORPUS } from '../data/classifier-seed.js';
import { CATEGORY_IDS } from '../domain/categories.js';
import { type CategorySuggestion, buildClassifier } from './classify.js';

const CLASSIFIER = buildClassifier({
  categories: CATEGORY_IDS,
  lexicon: CATEGORY_LEXICON,
  seed: SEED_CORPUS,
  neutral: NEUTRAL_WORDS,
});

/**
 * Ranks categories for a story, the best first, each with the words and phrases that decided it.
 * Empty when nothing in the story points anywhere. A score is points of evidence: a top score of 2 or
 * more is a confident guess (one word that names the service, or two good hints).
 */
export function suggestCategories(story: string): CategorySuggestion[] {
  return CLASSIFIER.suggest(story);
}
