// The place names a message mentions: each span of words that may name a place, and how much it counts.
import { afterOffice, isFallbackPlace, notAPlace, wordBefore } from './region-context.js';
import {
  A_YANI_TARGETS,
  NAME_INDEX,
  NAME_WORDS,
  STOP_WORDS,
  type Target,
  type Use,
  WEIGHT,
  maxKeyLength,
  maxKeyWords,
} from './region-index.js';
import { aYaniKabkota } from './region-landmarks.js';
import type { Token } from './region-tokens.js';
import { MIN_TYPO_LENGTH, typoAllowed, typoKeys } from './region-typos.js';
import {
  A_YANI_FIRST,
  DESTINATIONS,
  HOMECOMING,
  LOCATIVES,
  PLACE_AFTER_LOCATIVE,
  PLACE_AFTER_OFFICE,
  PREFIXES,
  type Prefix,
  ROUTE_ENDS,
  STREET_WORDS,
  WORD_LIKE_CAPITALS,
} from './region-words.js';

export type Pick = { readonly target: Target; readonly use: Use; readonly weight: number };

export type Mention = {
  readonly start: number; // token index, the prefix word included
  readonly end: number; // exclusive
  readonly key: string;
  readonly picks: readonly Pick[];
  /** kab/kota codes this mention may decide (its non-refine picks). */
  readonly kabs: ReadonlySet<string>;
  /** A destination or former place: counts only when the rest of the message decides nothing. */
  readonly fallback: boolean;
};

/** Weak kab/kota, kecamatan and area names read as places because of their context. */
const promotable = (t: Target): boolean => t.plain === 'weak' && t.level !== 'desa';

function picksFor(
  targets: readonly Target[],
  key: string,
  prefix: Prefix | undefined,
  typo: boolean,
  promote: boolean,
  titled = false,
): Pick[] {
  const out: Pick[] = [];
  for (const target of targets) {
    const use =
      prefix !== undefined
        ? target.prefixes.has(prefix)
          ? target.prefixed
          : 'none'
        : promote && promotable(target)
          ? 'strong'
          : titled && target.titledUse !== undefined
            ? target.titledUse
            : target.plain;
    if (use === 'none') continue;
    if (typo && (use !== 'strong' || !typoAllowed(target, key))) continue;
    out.push({ target, use, weight: WEIGHT[use] - (typo ? 1 : 0) });
  }
  return out;
}

function mention(
  tokens: readonly Token[],
  start: number,
  end: number,
  key: string,
  targets: readonly Target[],
  typo: boolean,
  trip = false,
): Mention | undefined {
  const prefix = PREFIXES.get(wordBefore(tokens, start));
  let picks = prefix === undefined ? [] : picksFor(targets, key, prefix, typo, false);
  let from = start - 1;
  if (picks.length === 0) {
    from = start;
    if (notAPlace(key, tokens, start, end)) return undefined;
    const promote =
      trip ||
      (PLACE_AFTER_LOCATIVE.has(key) && LOCATIVES.has(wordBefore(tokens, start))) ||
      (PLACE_AFTER_OFFICE.has(key) && afterOffice(tokens, start));
    const titled = tokens.slice(start, end).every((t) => t.titled);
    picks = picksFor(targets, key, undefined, typo, promote, titled);
    if (STREET_WORDS.has(wordBefore(tokens, start))) {
      picks = picks.filter((p) => p.use === 'strong' || p.use === 'distinct');
    }
  }
  if (picks.some((p) => p.target.titled) && !tokens.slice(start, end).every((t) => t.titled)) {
    picks = picks.filter((p) => !p.target.titled);
  }
  if (picks.length === 0) return undefined;
  const kabs = new Set(picks.filter((p) => p.use !== 'refine').map((p) => p.target.kabkotaCode));
  return { start: from, end, key, picks, kabs, fallback: isFallbackPlace(tokens, from) };
}

const GLUED_PREPOSITIONS = ['di', 'ke'];
const KM = /^km(\d+)$/;

/** "Jl. A. Yani km 3,5": the kab/kota of that kilometre, as a fallback reading. */
function aYaniMention(tokens: readonly Token[], i: number): Mention | undefined {
  const word = tokens[i]?.word;
  let start = i;
  if (word === 'yani' && A_YANI_FIRST.has(wordBefore(tokens, i))) start = i - 1;
  else if (word !== 'ayani') return undefined;
  if (STREET_WORDS.has(wordBefore(tokens, start))) start--;
  const next = tokens[i + 1]?.word ?? '';
  const glued = KM.exec(next)?.[1];
  const km = glued ?? (next === 'km' || next === 'kilometer' ? tokens[i + 2]?.word : undefined);
  if (km === undefined || !/^\d+$/.test(km)) return undefined;
  const target = A_YANI_TARGETS.get(aYaniKabkota(Number(km)) ?? '');
  if (!target) return undefined;
  return mention(tokens, start, i + (glued === undefined ? 3 : 2), `ayanikm${km}`, [target], false);
}

const heaviest = (m: Mention): number => Math.max(...m.picks.map((p) => p.weight));

/**
 * Drops a name that lies inside a longer name read elsewhere ("tanjung" in "Tanjung Dewa", "pemurus" in
 * "Pemurus Dalam"), unless the longer one only refines and the shorter one is heavier ("Kandangan Baru").
 */
function withoutContained(mentions: readonly Mention[]): Mention[] {
  const byStart = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = byStart.get(m.start);
    if (list) list.push(m);
    else byStart.set(m.start, [m]);
  }
  return mentions.filter((m) => {
    for (let s = m.start; s >= m.start - maxKeyWords - 1; s--) {
      for (const o of byStart.get(s) ?? []) {
        const longer = o.end >= m.end && o.end - o.start > m.end - m.start;
        if (longer && (heaviest(o) >= 2 || heaviest(o) >= heaviest(m))) return false;
      }
    }
    return true;
  });
}

/** Rereads "tanjung"/"rantau" as towns when they are one end of a trip whose other end is a kab/kota. */
function withTrips(tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const ends = new Set(mentions.filter((m) => ROUTE_ENDS.has(wordBefore(tokens, m.start))));
  const townEnds = [...ends].filter((m) =>
    m.picks.some((p) => p.target.level === 'kabkota' && p.use === 'strong'),
  );
  return mentions.map((m) => {
    const bareWeak = tokens[m.start]?.word === m.key && m.picks.every((p) => p.use !== 'strong');
    const homecoming = HOMECOMING.has(wordBefore(tokens, m.start - 1)); // "pulang dari rantau"
    if (
      !bareWeak ||
      homecoming ||
      !WORD_LIKE_CAPITALS.has(m.key) ||
      !ends.has(m) ||
      !townEnds.some((o) => o !== m)
    )
      return m;
    return mention(tokens, m.start, m.end, m.key, NAME_INDEX.get(m.key) ?? [], false, true) ?? m;
  });
}

export function findMentions(tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  const typoMemo = new Map<string, string[]>();
  const typos = (key: string): string[] => {
    const known = typoMemo.get(key);
    if (known) return known;
    const found = typoKeys(key);
    typoMemo.set(key, found);
    return found;
  };
  const push = (m: Mention | undefined): void => {
    if (m) out.push(m);
  };
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let unknownWord = false; // a typo leaves at least one word that is in no name
    for (let j = i; j < tokens.length && j - i < maxKeyWords && (j === i || tokens[j]?.joined); j++) {
      const word = tokens[j]?.word ?? '';
      if (STOP_WORDS.has(word)) break;
      key += word;
      unknownWord ||= !NAME_WORDS.has(word);
      if (key.length > maxKeyLength + 1) break;
      const exact = NAME_INDEX.get(key);
      if (exact) {
        push(mention(tokens, i, j + 1, key, exact, false));
        continue;
      }
      if (unknownWord && j - i < 3 && key.length >= MIN_TYPO_LENGTH - 1) {
        for (const typo of typos(key))
          push(mention(tokens, i, j + 1, typo, NAME_INDEX.get(typo) ?? [], true));
      }
    }
    const word = tokens[i]?.word ?? '';
    if (!NAME_INDEX.has(word) && GLUED_PREPOSITIONS.includes(word.slice(0, 2))) {
      const rest = word.slice(2);
      const strongOnly = (NAME_INDEX.get(rest) ?? []).filter((t) => t.plain === 'strong');
      const glued = strongOnly.length > 0 ? mention(tokens, i, i + 1, rest, strongOnly, false) : undefined;
      if (glued) out.push({ ...glued, fallback: glued.fallback || DESTINATIONS.has(word.slice(0, 2)) });
    }
    push(aYaniMention(tokens, i));
  }
  return withTrips(tokens, withoutContained(out));
}

/** The mention without its fallback readings (street names and the like), if anything is left. */
export function firmPart(m: Mention): Mention[] {
  if (m.fallback) return [];
  if (!m.picks.some((p) => p.target.fallback)) return [m];
  const picks = m.picks.filter((p) => !p.target.fallback);
  if (picks.length === 0) return [];
  const kabs = new Set(picks.filter((p) => p.use !== 'refine').map((p) => p.target.kabkotaCode));
  return [{ ...m, picks, kabs }];
}
