// Links a new ticket to similar recent tickets from other citizens (same category and kab/kota), for officers.
import type { Tickets } from '../storage/tickets.js';
import { RELATED_THRESHOLD, storySimilarity, storyWords } from '../understand/similarity.js';

const DAY_MS = 24 * 3600_000;
/** Similar complaints from other citizens are linked when filed within this window. */
export const RELATED_WINDOW_MS = 30 * DAY_MS;
/**
 * The newest tickets of the area compared, and the strongest links kept. A cluster (a flood, a broken bridge) stays
 * connected through its recent members, and a submit's step does a bounded amount of work however busy the area is:
 * comparing 200 stories costs ~7 ms of the service's one thread (34 µs a story), 50 stories under 2 ms.
 */
export const RELATED_CANDIDATES = 50;
export const MAX_RELATED_LINKS = 10;

export type NewTicket = {
  ticketId: number;
  story: string;
  category: string;
  kabkotaCode: string;
  /** The chat that filed it (its own tickets are not "other citizens'"); null for an Open311 request. */
  conversationId: number | null;
  now: number;
};

/**
 * The content words of the stories compared lately, by story text, oldest first. An area's newest tickets are the
 * candidates of every filing there, so their words are found here instead of tokenized again: 50 stories were
 * ~0.14 ms of each filing (a CPU profile of 1,300 filings in groups of ten).
 */
const WORDS_KEPT = 1024;
const wordsByStory = new Map<string, ReadonlySet<string>>();

function wordsOf(story: string): ReadonlySet<string> {
  const kept = wordsByStory.get(story);
  if (kept) return kept;
  const words = storyWords(story);
  wordsByStory.set(story, words);
  if (wordsByStory.size > WORDS_KEPT) {
    const oldest = wordsByStory.keys().next();
    if (!oldest.done) wordsByStory.delete(oldest.value);
  }
  return words;
}

/** Returns the linked ticket ids, strongest first. Runs inside the submit's transaction. */
export function linkRelated(tickets: Tickets, t: NewTicket): number[] {
  const words = storyWords(t.story);
  const scored = tickets
    .recentInArea(t.category, t.kabkotaCode, t.now - RELATED_WINDOW_MS, t.conversationId, RELATED_CANDIDATES)
    .map((other) => ({
      id: other.id,
      score: Math.round(storySimilarity(words, wordsOf(other.story)) * 100) / 100,
    }))
    .filter((o) => o.score >= RELATED_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, MAX_RELATED_LINKS);
  for (const o of scored) tickets.link(t.ticketId, o.id, o.score, 'same_area_category_story', t.now);
  return scored.map((o) => o.id);
}
