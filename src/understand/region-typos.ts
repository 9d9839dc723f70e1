// Misspelt place names: which indexed names a word is one edit away from ("banjarmsin" → banjarmasin).
import { NAME_INDEX, type Target } from './region-index.js';
import { NOT_TYPOS } from './region-words.js';

/** Typo lookup (one deletion either side, verified with optimal string alignment distance ≤ 1). */
export const MIN_TYPO_LENGTH = 6;
const MIN_DESA_TYPO_LENGTH = 8;
const TYPO_INDEX = new Map<string, string[]>();

export const typoAllowed = (target: Target, key: string): boolean =>
  key.length >= (target.level === 'desa' ? MIN_DESA_TYPO_LENGTH : MIN_TYPO_LENGTH);

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

for (const [key, targets] of NAME_INDEX) {
  if (!targets.some((t) => (t.plain === 'strong' || t.prefixed === 'strong') && typoAllowed(t, key)))
    continue;
  for (const variant of [key, ...deletions(key)]) {
    const list = TYPO_INDEX.get(variant) ?? [];
    if (!list.includes(key)) list.push(key);
    TYPO_INDEX.set(variant, list);
  }
}

/** Optimal string alignment distance, stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  if (a.length === b.length) {
    if (restA === restB) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Typo lookups of words seen recently: the same words recur from message to message. */
const TYPO_CACHE = new Map<string, string[]>();
const TYPO_CACHE_SIZE = 4096;

export function typoKeys(query: string): string[] {
  const cached = TYPO_CACHE.get(query);
  if (cached) return cached;
  const found = typoKeysUncached(query);
  if (TYPO_CACHE.size >= TYPO_CACHE_SIZE) TYPO_CACHE.delete(TYPO_CACHE.keys().next().value ?? '');
  TYPO_CACHE.set(query, found);
  return found;
}

function typoKeysUncached(query: string): string[] {
  if (NOT_TYPOS.has(query)) return [];
  const found = new Set<string>();
  for (const variant of [query, ...deletions(query)]) {
    for (const key of TYPO_INDEX.get(variant) ?? []) {
      if (key !== query && key[0] === query[0] && withinOneEdit(query, key)) found.add(key);
    }
  }
  return [...found];
}
