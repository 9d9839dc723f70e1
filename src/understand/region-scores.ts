// How strongly the mentions point to each kab/kota: the heaviest non-overlapping reading, names counted once.
import type { Use } from './region-index.js';
import type { Mention, Pick } from './region-mentions.js';

export type Item = {
  readonly mention: Mention;
  readonly picks: readonly Pick[]; // the mention's picks in this kab/kota
  readonly weight: number;
  readonly use: Use;
  /** Identity of what the item names, so repeated names count once. */
  readonly id: string;
};

export type KabScore = {
  readonly kabkotaCode: string;
  readonly items: readonly Item[];
  readonly score: number;
  readonly decisive: number;
};

function itemFor(m: Mention, kabkotaCode: string): Item | undefined {
  const picks = m.picks.filter((p) => p.target.kabkotaCode === kabkotaCode);
  let best: Pick | undefined;
  for (const p of picks) {
    if (!best || p.weight > best.weight || (p.weight === best.weight && p.target.level === 'kabkota'))
      best = p;
  }
  if (!best) return undefined;
  const t = best.target;
  const id = `${t.level}:${t.desaCode ?? t.kecamatanCode ?? t.kabkotaCode}`;
  return { mention: m, picks, weight: best.weight, use: best.use, id };
}

/** Heaviest set of non-overlapping items (weighted interval scheduling); ties go to longer spans. */
function bestSelection(items: readonly Item[]): Item[] {
  const sorted = [...items].sort((a, b) => a.mention.end - b.mention.end);
  const value = (it: Item): number => it.weight * 1000 + (it.mention.end - it.mention.start);
  const best: number[] = [0]; // best[k]: best total using the first k items
  const previous: number[] = []; // last item compatible with item k, or -1
  sorted.forEach((it, k) => {
    let lo = 0; // binary search: the first item ending after this one starts
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.mention.end ?? 0) <= it.mention.start) lo = mid + 1;
      else hi = mid;
    }
    const p = lo - 1;
    previous.push(p);
    best.push(Math.max(best[k] ?? 0, value(it) + (best[p + 1] ?? 0)));
  });
  const chosen: Item[] = [];
  let k = sorted.length - 1;
  while (k >= 0) {
    const it = sorted[k];
    if (it && (best[k + 1] ?? 0) !== (best[k] ?? 0)) {
      chosen.push(it);
      k = previous[k] ?? -1;
    } else k--;
  }
  return chosen.reverse();
}

function scoreOf(items: readonly Item[], kabkotaCode: string): KabScore {
  const byId = new Map<string, Item>();
  for (const it of items) {
    const seen = byId.get(it.id);
    if (!seen || it.weight > seen.weight) byId.set(it.id, it);
  }
  let score = 0;
  let decisive = 0;
  for (const it of byId.values()) {
    score += it.weight;
    const decides = (it.use === 'strong' || it.use === 'distinct') && it.mention.kabs.size === 1;
    if (decides) decisive += it.weight;
  }
  return { kabkotaCode, items, score, decisive };
}

export function scoreKab(mentions: readonly Mention[], kabkotaCode: string): KabScore {
  const items = mentions.flatMap((m) => itemFor(m, kabkotaCode) ?? []);
  const chosen = bestSelection(items);
  if (!chosen.some((it) => it.use !== 'refine')) return { kabkotaCode, items: [], score: 0, decisive: 0 };
  return scoreOf(chosen, kabkotaCode);
}

const sameSpan = (a: Mention, b: Mention): boolean => a.start === b.start && a.end === b.end;

/** A rival's support, without the words the leader read as a different (longer or shifted) name. */
export function asRival(rival: KabScore, leader: KabScore): KabScore {
  const readAs = new Map<number, Mention>(); // token → the leader's mention covering it
  for (const l of leader.items)
    for (let t = l.mention.start; t < l.mention.end; t++) readAs.set(t, l.mention);
  const conflicts = (m: Mention): boolean => {
    for (let t = m.start; t < m.end; t++) {
      const l = readAs.get(t);
      if (l && !sameSpan(l, m)) return true;
    }
    return false;
  };
  const kept = rival.items.filter((it) => !conflicts(it.mention));
  if (!kept.some((it) => it.use !== 'refine'))
    return { kabkotaCode: rival.kabkotaCode, items: [], score: 0, decisive: 0 };
  return scoreOf(kept, rival.kabkotaCode);
}

export function distinctIds(s: KabScore): number {
  return new Set(s.items.filter((it) => it.use !== 'refine').map((it) => it.id)).size;
}
