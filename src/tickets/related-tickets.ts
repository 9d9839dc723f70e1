// Links a new ticket to similar recent tickets from other citizens (same category and kab/kota), for officers.
import type { AreaTicket, Tickets } from '../storage/tickets.js';
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
 * The content words of the stories compared lately, per database (its `Tickets`) and ticket id, oldest first. An
 * area's newest tickets are the candidates of every filing there, so their stories are neither read nor tokenized
 * again: reading and parsing 50 complaints was ~0.4 ms of each filing, tokenizing them ~0.14 ms. A story changes only
 * when its ticket is erased, which the candidate's row says: an erased ticket's words are dropped and never kept. The
 * number guards against an id used again after a rolled-back filing.
 */
const WORDS_KEPT = 1024;
type Known = { number: string; words: ReadonlySet<string> };
const knownByDb = new WeakMap<Tickets, Map<number, Known>>();

function wordsOf(tickets: Tickets, t: AreaTicket): ReadonlySet<string> | null {
  let known = knownByDb.get(tickets);
  if (!known) {
    known = new Map();
    knownByDb.set(tickets, known);
  }
  const kept = known.get(t.id);
  if (kept && kept.number === t.number && !t.erased) return kept.words;
  if (kept) known.delete(t.id);
  const story = tickets.storyOf(t.id);
  if (story === null) return null;
  const words = storyWords(story);
  if (t.erased) return words;
  known.set(t.id, { number: t.number, words });
  if (known.size > WORDS_KEPT) {
    const oldest = known.keys().next();
    if (!oldest.done) known.delete(oldest.value);
  }
  return words;
}

/** Returns the linked ticket ids, strongest first. Runs inside the submit's transaction. */
export function linkRelated(tickets: Tickets, t: NewTicket): number[] {
  const words = storyWords(t.story);
  const scored = tickets
    .recentInArea(t.category, t.kabkotaCode, t.now - RELATED_WINDOW_MS, t.conversationId, RELATED_CANDIDATES)
    .flatMap((other) => {
      const theirs = wordsOf(tickets, other);
      return theirs === null
        ? []
        : [{ id: other.id, score: Math.round(storySimilarity(words, theirs) * 100) / 100 }];
    })
    .filter((o) => o.score >= RELATED_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, MAX_RELATED_LINKS);
  for (const o of scored) tickets.link(t.ticketId, o.id, o.score, 'same_area_category_story', t.now);
  return scored.map((o) => o.id);
}
