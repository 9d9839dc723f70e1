// The category classifier engine: a hand-weighted phrase lexicon plus word evidence learned at load from a seed corpus.
import type { CategoryId } from '../domain/categories.js';
import { normalize } from './normalize.js';

/** The most a category may score without one phrase of the hand-written lexicon: just under a confident guess. */
const MODEL_ONLY_CAP = 1.9;

export type CategorySuggestion = { category: CategoryId; score: number; reasons: string[] };

/**
 * Per category, phrases (matched as whole normalized words, longest first) and their weight in points.
 * A negative weight is counter-evidence: "pbb" says a story about a certificate is about the tax.
 */
export type Lexicon = Partial<Record<CategoryId, Readonly<Record<string, number>>>>;

/** Per category, short example stories written by us; the classifier learns word evidence from them. */
export type SeedCorpus = Partial<Record<CategoryId, readonly string[]>>;

export type ClassifierOptions = {
  categories: readonly CategoryId[];
  lexicon: Lexicon;
  seed: SeedCorpus;
  /** Words that say nothing about the category (function words, greetings, time words). */
  neutral: ReadonlySet<string>;
  /** Points per unit of learned log-evidence (a word seen only in one category's seeds gives about 2 units). */
  learnedWeight?: number;
  /** Additive smoothing of the seed document frequencies. */
  smoothing?: number;
  /** Suggestions scoring below this are dropped. */
  minScore?: number;
  /** At most this many reasons per suggestion, the heaviest first. */
  maxReasons?: number;
};

export type Classifier = { suggest(story: string): CategorySuggestion[] };

type Entry = {
  id: number;
  words: readonly string[];
  label: string;
  weights: readonly (readonly [number, number])[];
};

type Feature = { id: number; label: string; weights: readonly (readonly [number, number])[] };

const SPLIT = /[^\p{L}\p{N}]+/u;

/** Words of a normalized text, without empty strings. */
function rawWords(text: string): string[] {
  return normalize(text)
    .split(SPLIT)
    .filter((w) => w !== '');
}

/** Builds a classifier; the learned part is trained here, once (tens of milliseconds, mostly normalizing the seeds). */
export function buildClassifier(options: ClassifierOptions): Classifier {
  const { categories, lexicon, seed, neutral } = options;
  const learnedWeight = options.learnedWeight ?? 0.5;
  const smoothing = options.smoothing ?? 0.1;
  const minScore = options.minScore ?? 0.5;
  const maxReasons = options.maxReasons ?? 5;
  const index = new Map<CategoryId, number>(categories.map((c, i) => [c, i]));

  // ---- lexicon: phrase → weights per category, grouped by first word, longest phrase first
  const byPhrase = new Map<string, { words: string[]; label: string; weights: Map<number, number> }>();
  categories.forEach((category, c) => {
    for (const [phrase, weight] of Object.entries(lexicon[category] ?? {})) {
      const words = rawWords(phrase);
      const key = words.join(' ');
      if (key === '') continue;
      const slot = byPhrase.get(key) ?? { words, label: phrase, weights: new Map<number, number>() };
      const before = slot.weights.get(c);
      slot.weights.set(c, before === undefined ? weight : Math.max(before, weight));
      byPhrase.set(key, slot);
    }
  });
  const entries: Entry[] = [...byPhrase.values()].map(({ words, label, weights }, id) => ({
    id,
    words,
    label,
    weights: [...weights.entries()],
  }));
  const byFirstWord = new Map<string, Entry[]>();
  for (const e of entries) {
    const first = e.words[0] ?? '';
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), e]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  // ---- vocabulary used to strip "-nya" only where the bare word is known
  const known = new Set<string>(entries.flatMap((e) => e.words));
  const seedDocs: [number, string[]][] = [];
  categories.forEach((category, c) => {
    for (const story of seed[category] ?? []) {
      const words = rawWords(story);
      for (const w of words) known.add(w);
      seedDocs.push([c, words]);
    }
  });
  const canonical = (w: string): string => {
    if (known.has(w) || w.length < 7 || !w.endsWith('nya')) return w;
    const bare = w.slice(0, -3);
    return known.has(bare) ? bare : w;
  };
  const contentWords = (words: readonly string[]): (string | null)[] =>
    words.map((w) => {
      const word = canonical(w);
      return neutral.has(word) || /^\d/.test(word) ? null : word;
    });

  // ---- learned evidence: log of a word's (or word pair's) document frequency in one category's seeds
  // over its average across categories, kept where positive
  const n = categories.length;
  const docsPer = new Float64Array(n);
  const df = new Map<string, Map<number, number>>();
  for (const [c, words] of seedDocs) {
    docsPer[c] = (docsPer[c] ?? 0) + 1;
    for (const f of new Set(featuresOf(contentWords(words)))) {
      const counts = df.get(f) ?? new Map<number, number>();
      counts.set(c, (counts.get(c) ?? 0) + 1);
      df.set(f, counts);
    }
  }
  const floor = Array.from(docsPer, (d) => smoothing / (d + 2 * smoothing));
  const floorSum = floor.reduce((a, b) => a + b, 0);
  const unigrams = new Map<string, Feature>();
  const bigrams = new Map<string, Map<string, Feature>>();
  let featureId = 0;
  for (const [f, counts] of df) {
    // Only the categories that saw the feature differ from the smoothed floor.
    const p = new Map<number, number>();
    let sum = floorSum;
    for (const [c, k] of counts) {
      const pc = (k + smoothing) / ((docsPer[c] ?? 0) + 2 * smoothing);
      p.set(c, pc);
      sum += pc - (floor[c] ?? 0);
    }
    const mean = sum / n;
    const weights: [number, number][] = [];
    for (const [c, pc] of p) {
      const evidence = Math.log(pc / mean);
      if (evidence > 0) weights.push([c, evidence * learnedWeight]);
    }
    if (weights.length === 0) continue;
    const feature = { id: featureId++, label: f, weights };
    const [a, b] = f.split(' ');
    if (a === undefined) continue;
    if (b === undefined) unigrams.set(a, feature);
    else {
      const inner = bigrams.get(a) ?? new Map<string, Feature>();
      inner.set(b, feature);
      bigrams.set(a, inner);
    }
  }

  // ---- per-call scratch, reused: "seen" stamps avoid counting a phrase or feature twice
  const entrySeen = new Uint32Array(entries.length);
  const featureSeen = new Uint32Array(featureId);
  const scores = new Float64Array(n);
  const lexical = new Uint8Array(n);
  let stamp = 0;

  function suggest(story: string): CategorySuggestion[] {
    stamp++;
    scores.fill(0);
    lexical.fill(0);
    const hits: { c: number; label: string; points: number }[] = [];
    const add = (weights: Entry['weights'], label: string) => {
      for (const [c, points] of weights) {
        scores[c] = (scores[c] ?? 0) + points;
        hits.push({ c, label, points });
      }
    };

    const words = rawWords(story).map(canonical);
    for (let i = 0; i < words.length; ) {
      let step = 1;
      for (const e of byFirstWord.get(words[i] ?? '') ?? []) {
        if (!matchesAt(words, i, e.words)) continue;
        if (entrySeen[e.id] !== stamp) {
          entrySeen[e.id] = stamp;
          add(e.weights, e.label);
          for (const [c, points] of e.weights) if (points > 0) lexical[c] = 1;
        }
        step = e.words.length;
        break;
      }
      i += step;
    }

    const content = contentWords(words);
    for (let i = 0; i < content.length; i++) {
      const w = content[i];
      if (!w) continue;
      const one = unigrams.get(w);
      if (one && featureSeen[one.id] !== stamp) {
        featureSeen[one.id] = stamp;
        add(one.weights, one.label);
      }
      const next = content[i + 1];
      const two = next ? bigrams.get(w)?.get(next) : undefined;
      if (two && featureSeen[two.id] !== stamp) {
        featureSeen[two.id] = stamp;
        add(two.weights, two.label);
      }
    }

    const out: CategorySuggestion[] = [];
    scores.forEach((raw, c) => {
      const category = categories[c];
      // Words learned from the seed alone ("tambahan", "petugas") never make a confident guess (2 points).
      const score = lexical[c] ? raw : Math.min(raw, MODEL_ONLY_CAP);
      if (score < minScore || !category) return;
      out.push({ category, score: Math.round(score * 10) / 10, reasons: reasonsFor(hits, c, maxReasons) });
    });
    return out.sort(
      (a, b) => b.score - a.score || (index.get(a.category) ?? 0) - (index.get(b.category) ?? 0),
    );
  }

  return { suggest };
}

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/** Unigrams, and pairs of adjacent content words. */
function featuresOf(content: readonly (string | null)[]): string[] {
  const out: string[] = [];
  content.forEach((w, i) => {
    if (!w) return;
    out.push(w);
    const next = content[i + 1];
    if (next) out.push(`${w} ${next}`);
  });
  return out;
}

/** The phrases and words that gave category `c` its points, heaviest first, each once. */
function reasonsFor(
  hits: readonly { c: number; label: string; points: number }[],
  c: number,
  max: number,
): string[] {
  const points = new Map<string, number>();
  for (const h of hits) if (h.c === c) points.set(h.label, (points.get(h.label) ?? 0) + h.points);
  return [...points.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([label]) => label);
}
