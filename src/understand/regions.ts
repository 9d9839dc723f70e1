// Finds which Kalsel kab/kota (and kecamatan/desa) a free-text message names: aliases, prefixes, typos and ambiguous names.
import { type Mention, findMentions, firmPart } from './region-mentions.js';
import { type Item, type KabScore, asRival, distinctIds, scoreKab } from './region-scores.js';
import { type Token, tokenize } from './region-tokens.js';

export type RegionMatch = {
  kabkotaCode: string;
  kecamatanCode?: string;
  desaCode?: string;
  /** The words that matched, as written in the message (several places joined by ", "). */
  matched: string;
  /** Strength of the evidence, 0..1: 0.75 is one exact unambiguous name, 1 a consistent kab/kota + kecamatan pair. */
  score: number;
};

export type AmbiguityReason = 'banjar' | 'simpang_empat' | 'alalak' | 'common_word' | 'multiple';

export type RegionResult =
  | { kind: 'found'; match: RegionMatch }
  | { kind: 'ambiguous'; candidates: RegionMatch[]; reason: AmbiguityReason }
  | { kind: 'none' };

/** Names whose ambiguity has its own reason, keyed by the compact name. */
const REASON_BY_KEY: ReadonlyMap<string, AmbiguityReason> = new Map([
  ['banjar', 'banjar'],
  ['alalak', 'alalak'],
  ['simpangempat', 'simpang_empat'],
]);

/** The kecamatan and desa the items of one kab/kota point to, when they agree. */
function details(items: readonly Item[]): { kecamatanCode?: string; desaCode?: string } {
  const explicit = new Map<string, number>();
  const implied = new Set<string>();
  const desas = new Map<string, string>(); // desa → kecamatan
  for (const it of items) {
    const kecs = new Set(
      it.picks.flatMap((p) => (p.target.level === 'desa' ? [] : (p.target.kecamatanCode ?? []))),
    );
    const namesKab = it.picks.some((p) => p.target.level === 'kabkota');
    if (kecs.size > 0) {
      for (const k of kecs) {
        if (namesKab) implied.add(k);
        else explicit.set(k, (explicit.get(k) ?? 0) + it.weight);
      }
      continue;
    }
    const ds = it.picks.filter((p) => p.target.level === 'desa');
    const desaKecs = new Set(ds.map((p) => p.target.kecamatanCode ?? ''));
    const only = ds[0]?.target;
    if (ds.length === 1 && only?.desaCode && only.kecamatanCode) desas.set(only.desaCode, only.kecamatanCode);
    if (desaKecs.size === 1) {
      const k = [...desaKecs][0] ?? '';
      explicit.set(k, (explicit.get(k) ?? 0) + it.weight);
    }
  }
  let kecamatanCode: string | undefined;
  const ranked = [...explicit].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 0 && (ranked.length === 1 || (ranked[0]?.[1] ?? 0) > (ranked[1]?.[1] ?? 0))) {
    kecamatanCode = ranked[0]?.[0];
  } else if (ranked.length === 0 && implied.size === 1) {
    kecamatanCode = [...implied][0];
  }
  const desaCodes = [...desas].filter(([, kec]) => kec === kecamatanCode).map(([d]) => d);
  return {
    ...(kecamatanCode === undefined ? {} : { kecamatanCode }),
    ...(desaCodes.length === 1 && desaCodes[0] ? { desaCode: desaCodes[0] } : {}),
  };
}

function toMatch(s: KabScore, text: string, tokens: readonly Token[]): RegionMatch {
  const spans = [...s.items].sort((a, b) => a.mention.start - b.mention.start);
  const seen = new Set<string>();
  const matched: string[] = [];
  for (const it of spans) {
    const from = tokens[it.mention.start]?.start ?? 0;
    const to = tokens[it.mention.end - 1]?.end ?? from;
    const piece = text.slice(from, to);
    if (!seen.has(piece.toLowerCase())) matched.push(piece);
    seen.add(piece.toLowerCase());
  }
  return {
    kabkotaCode: s.kabkotaCode,
    ...details(s.items),
    matched: matched.join(', '),
    score: Math.round(Math.min(1, s.score / 6 + 0.25) * 100) / 100,
  };
}

function reasonFor(candidates: readonly KabScore[]): AmbiguityReason {
  const codes = new Set(candidates.map((c) => c.kabkotaCode));
  const items = candidates.flatMap((c) => c.items.filter((it) => it.use !== 'refine'));
  for (const it of items) {
    const reason = REASON_BY_KEY.get(it.mention.key);
    const spread = [...it.mention.kabs].filter((k) => codes.has(k)).length;
    if (reason && spread >= 2) return reason;
  }
  return items.every((it) => it.use === 'weak') ? 'common_word' : 'multiple';
}

/** Scores every kab/kota the mentions point to and picks the leader, or says why it cannot. */
function resolve(mentions: readonly Mention[], text: string, tokens: readonly Token[]): RegionResult {
  const kabCodes = new Set(mentions.flatMap((m) => m.picks.map((p) => p.target.kabkotaCode)));
  const scores = [...kabCodes]
    .map((code) => scoreKab(mentions, code))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.decisive - a.decisive ||
        (a.items[0]?.mention.start ?? 0) - (b.items[0]?.mention.start ?? 0) ||
        a.kabkotaCode.localeCompare(b.kabkotaCode),
    );
  const leader = scores[0];
  if (!leader) return { kind: 'none' };
  const rivals = scores
    .slice(1)
    .map((s) => asRival(s, leader))
    .filter((s) => s.score > 0);
  const ambiguous = (list: readonly KabScore[]): RegionResult => ({
    kind: 'ambiguous',
    candidates: list.map((s) => toMatch(s, text, tokens)),
    reason: reasonFor(list),
  });

  const tied = rivals.filter((r) => r.score >= leader.score);
  if (tied.length > 0) return ambiguous([leader, ...tied]);
  if (leader.decisive === 0 && distinctIds(leader) < 2) return ambiguous([leader, ...rivals]);
  const contenders = rivals.filter((r) => r.decisive >= 2 && leader.score - r.score < 3);
  if (contenders.length > 0) return ambiguous([leader, ...contenders]);
  return { kind: 'found', match: toMatch(leader, text, tokens) };
}

/**
 * Finds the kab/kota (and, when named, kecamatan and desa) that a message names anywhere in it.
 * Each kab/kota scores the heaviest non-overlapping reading of the names found (a name counted once):
 * strong names 3, typos and bare desa names 2, weak names 1, and names that only refine (shared desa
 * names) 1 when something else already points there. The leader wins unless another kab/kota ties it,
 * it rests on weak names alone, or another kab/kota is named outright and the leader is not clearly
 * ahead (a consistent kab/kota + kecamatan pair is).
 *
 * Destinations ("dirujuk ke bjm"), former places ("alamat lama di Batola") and fallback landmarks (street
 * names, Jl. A. Yani kilometres) are read first without: they decide when the rest names nothing, or
 * settle an ambiguity in favour of one of its candidates.
 */
export function findRegion(text: string): RegionResult {
  const tokens = tokenize(text);
  const mentions = findMentions(tokens);
  const firm = mentions.flatMap(firmPart);
  const first = resolve(firm, text, tokens);
  if (first.kind === 'found' || (firm.length === mentions.length && firm.every((m, k) => m === mentions[k])))
    return first;
  const all = resolve(mentions, text, tokens);
  if (first.kind === 'none') return all;
  const settles =
    all.kind === 'found' && first.candidates.some((c) => c.kabkotaCode === all.match.kabkotaCode);
  return settles ? all : first;
}
