// How sure the story's category is: a confident guess, its close runners-up, a story that names its problem.
import type { CategoryId } from '../domain/categories.js';
import type { CategorySuggestion } from './classify.js';
import { suggestCategories } from './suggest-categories.js';

/** Category scores are points of evidence: 2 is a confident guess; a runner-up within 60 % of it is close. */
const CONFIDENT = 2;
const CLOSE = 0.6;

/** The story's confident category, with up to two close runners-up (the story may be about either); else null. */
export function confidentCategory(
  story: string,
): { top: CategorySuggestion; alternatives: CategoryId[] } | null {
  const [top, ...rest] = suggestCategories(story);
  if (top && top.score >= CONFIDENT) {
    const alternatives = rest
      .filter((s) => s.category !== 'lainnya' && s.score >= CONFIDENT && s.score >= top.score * CLOSE)
      .slice(0, 2)
      .map((s) => s.category);
    return { top, alternatives };
  }
  return null;
}

/** A story of at least this many words may name its problem. */
const STORY_READY_WORDS = 6;
/** Enough words, and a confident category other than "lainnya": the story already says what the problem is. */
export function namesProblem(story: string): boolean {
  if (story.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < STORY_READY_WORDS) return false;
  const [top] = suggestCategories(story);
  return !!top && top.score >= CONFIDENT && top.category !== 'lainnya';
}
