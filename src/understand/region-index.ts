// The index of every Kalsel place name (kab/kota, kecamatan, desa, places, landmarks) and how much each counts.
import { DESA, KABKOTA, KECAMATAN, PLACES } from '../data/regions-data.js';
import { A_YANI_KABKOTA, LANDMARKS, type Landmark } from './region-landmarks.js';
import { nameWords } from './region-tokens.js';
import {
  CHAT_WORDS,
  COMMON_NAMES,
  DISTINCTIVE_KECAMATAN,
  GENERIC_WORDS,
  PREFIXES,
  type Prefix,
  WEAK_KECAMATAN,
} from './region-words.js';

type Level = 'kabkota' | 'kecamatan' | 'desa' | 'place';

/** How a name counts: strong decides alone (3), distinct is a bare desa name (2), weak and refine count 1. */
export type Use = 'strong' | 'distinct' | 'weak' | 'refine' | 'none';

export const WEIGHT: Readonly<Record<Use, number>> = { strong: 3, distinct: 2, weak: 1, refine: 1, none: 0 };

export type Target = {
  readonly level: Level;
  readonly kabkotaCode: string;
  readonly kecamatanCode?: string;
  readonly desaCode?: string;
  /** Use without a prefix word. */
  readonly plain: Use;
  /** Prefix words that name this target's level, and the use after one of them. */
  readonly prefixes: ReadonlySet<Prefix>;
  readonly prefixed: Use;
  /** Counts only when nothing else in the message names a kab/kota. */
  readonly fallback?: boolean;
  /** Counts only when every word is written in title case. */
  readonly titled?: boolean;
  /** Use without a prefix when every word is written in title case (a unique village name of ordinary words). */
  readonly titledUse?: Use;
};

const NO_PREFIX: ReadonlySet<Prefix> = new Set();
const INDEX = new Map<string, Target[]>();
/** Every name, compacted ("banjarmasin", "sungaitabuk"), and what it may name. */
export const NAME_INDEX: ReadonlyMap<string, readonly Target[]> = INDEX;

function addTarget(key: string, target: Target): void {
  const list = INDEX.get(key) ?? [];
  const same = list.findIndex(
    (t) =>
      t.level === target.level &&
      t.kabkotaCode === target.kabkotaCode &&
      t.kecamatanCode === target.kecamatanCode &&
      t.desaCode === target.desaCode,
  );
  if (same < 0) list.push(target);
  else if (WEIGHT[target.plain] > WEIGHT[list[same]?.plain ?? 'none']) list[same] = target;
  INDEX.set(key, list);
}

const compact = (name: string): string => nameWords(name).join('');
const isGeneric = (ws: readonly string[]): boolean => ws.every((w) => GENERIC_WORDS.has(w));

for (const kab of KABKOTA) {
  const capital = compact(kab.capital);
  for (const alias of [{ text: kab.name, strength: 'strong' as const }, ...kab.aliases]) {
    const key = compact(alias.text);
    const prefixes = new Set<Prefix>([kab.type === 'kota' ? 'kota' : 'kab']);
    if (key === capital) prefixes.add('kota');
    addTarget(key, {
      level: 'kabkota',
      kabkotaCode: kab.code,
      plain: alias.strength,
      prefixes,
      prefixed: 'strong',
    });
  }
}

const KEC_PREFIX: ReadonlySet<Prefix> = new Set(['kec']);
for (const kec of KECAMATAN) {
  const ws = nameWords(kec.name);
  const key = ws.join('');
  const plain =
    WEAK_KECAMATAN.has(key) || (isGeneric(ws) && !DISTINCTIVE_KECAMATAN.has(key)) ? 'weak' : 'strong';
  addTarget(key, {
    level: 'kecamatan',
    kabkotaCode: kec.kabkotaCode,
    kecamatanCode: kec.code,
    plain,
    prefixes: KEC_PREFIX,
    prefixed: 'strong',
  });
}

for (const place of PLACES) {
  addTarget(compact(place.text), {
    level: 'place',
    kabkotaCode: place.kabkotaCode,
    ...(place.kecamatanCode === undefined ? {} : { kecamatanCode: place.kecamatanCode }),
    plain: place.strength,
    prefixes: NO_PREFIX,
    prefixed: 'none',
  });
}

/** kab/kota of every strong bare kab/kota, kecamatan or place name, before desa names join the index. */
const STRONG_NAME_KAB = new Map<string, ReadonlySet<string>>();
for (const [key, targets] of INDEX) {
  const kabs = new Set(targets.filter((t) => t.plain === 'strong').map((t) => t.kabkotaCode));
  if (kabs.size > 0) STRONG_NAME_KAB.set(key, kabs);
}

const desaKeyCount = new Map<string, number>();
for (const d of DESA) {
  const key = compact(d.name);
  desaKeyCount.set(key, (desaKeyCount.get(key) ?? 0) + 1);
}

/** True when a part of the name is a strong name of another kab/kota ("Kandangan Baru" in Tanah Laut). */
function containsOtherPlace(ws: readonly string[], kabkotaCode: string): boolean {
  for (let i = 0; i < ws.length; i++) {
    for (let j = i + 1; j <= ws.length; j++) {
      if (j - i === ws.length) continue;
      const kabs = STRONG_NAME_KAB.get(ws.slice(i, j).join(''));
      if (kabs && !kabs.has(kabkotaCode)) return true;
    }
  }
  return false;
}

/** Words that make one village of a family ("Pantai Hambawang Barat", "… Timur"). */
const FAMILY_SUFFIX = new Set([
  'barat',
  'timur',
  'utara',
  'selatan',
  'tengah',
  'hulu',
  'hilir',
  'ulu',
  'ilir',
  'i',
  'ii',
  'iii',
]);

/** A village name's stem → the kab/kota whose villages carry it with a suffix ("Pantai Hambawang" → HST). */
const STEM_KABS = new Map<string, Set<string>>();
for (const d of DESA) {
  const ws = nameWords(d.name);
  if (ws.length < 2 || !FAMILY_SUFFIX.has(ws.at(-1) ?? '')) continue;
  const stem = ws.slice(0, -1).join('');
  const kabs = STEM_KABS.get(stem) ?? new Set<string>();
  kabs.add(d.kecamatanCode.slice(0, 5));
  STEM_KABS.set(stem, kabs);
}

function plainDesaUse(ws: readonly string[], key: string, kabkotaCode: string): Use {
  const single = ws.length === 1;
  const word = ws[0] ?? '';
  if (single && (GENERIC_WORDS.has(word) || COMMON_NAMES.has(word) || word.length < 5)) return 'none';
  if (INDEX.has(key) || (desaKeyCount.get(key) ?? 0) > 1) return 'refine';
  // "Pantai Hambawang" is a village in Barito Kuala, and "Pantai Hambawang Barat/Timur" are in HST: unsure alone.
  if ([...(STEM_KABS.get(key) ?? [])].some((k) => k !== kabkotaCode)) return 'refine';
  if (!single && (isGeneric(ws) || containsOtherPlace(ws, kabkotaCode))) return 'refine';
  return 'distinct';
}

/** "Sungai Malang", "Kebun Bunga": a name of ordinary words, unique in Kalsel, is that village when written as a name. */
function titledDesaUse(ws: readonly string[], key: string, kabkotaCode: string): Use | undefined {
  if (ws.length < 2 || !isGeneric(ws) || containsOtherPlace(ws, kabkotaCode)) return undefined;
  if (INDEX.has(key) || (desaKeyCount.get(key) ?? 0) > 1) return undefined;
  if ([...(STEM_KABS.get(key) ?? [])].some((k) => k !== kabkotaCode)) return undefined;
  return 'distinct';
}

const DESA_PREFIX: ReadonlySet<Prefix> = new Set(['desa']);
for (const d of DESA) {
  const ws = nameWords(d.name);
  const key = ws.join('');
  const kabkotaCode = d.kecamatanCode.slice(0, 5);
  const word = ws.length === 1 ? (ws[0] ?? '') : '';
  addTarget(key, {
    level: 'desa',
    kabkotaCode,
    kecamatanCode: d.kecamatanCode,
    desaCode: d.code,
    plain: plainDesaUse(ws, key, kabkotaCode),
    ...(titledDesaUse(ws, key, kabkotaCode) === undefined ? {} : { titledUse: 'distinct' as const }),
    prefixes: DESA_PREFIX,
    prefixed: GENERIC_WORDS.has(word) || COMMON_NAMES.has(word) ? 'refine' : 'strong',
  });
}

const STREET_FORMS = ['Jalan', 'Jl', 'Jln'];
/** Hospitals named after a person are written with the person's titles too: "RSUD H. Badaruddin", "RSUD dr. H. …". */
const PERSON_NAMED = /^(RSUD|RSD|RS) (.+)$/;
const TITLES = ['H', 'Dr', 'Dr H', 'Hj', 'Drs H', 'Ir H'];
const landmarkNames = (l: Landmark): string[] => {
  if (l.street) return STREET_FORMS.map((s) => `${s} ${l.text}`);
  const person = PERSON_NAMED.exec(l.text);
  return person ? [l.text, ...TITLES.map((t) => `${person[1]} ${t} ${person[2]}`)] : [l.text];
};

/** Landmarks join last: a desa named like one ("Kuin Besar") keeps its own reading. */
for (const l of LANDMARKS) {
  for (const name of landmarkNames(l)) {
    addTarget(compact(name), {
      level: 'place',
      kabkotaCode: l.kabkotaCode,
      ...(l.kecamatanCode === undefined ? {} : { kecamatanCode: l.kecamatanCode }),
      plain: l.strength === 'strong' ? 'strong' : 'distinct',
      prefixes: NO_PREFIX,
      prefixed: 'none',
      fallback: l.strength === 'fallback',
      titled: l.titled === true,
    });
  }
}

/** Jl. A. Yani kilometre readings, one per kab/kota (not in the index: read by `aYaniMention`). */
export const A_YANI_TARGETS: ReadonlyMap<string, Target> = new Map(
  A_YANI_KABKOTA.map((code) => [
    code,
    {
      level: 'place',
      kabkotaCode: code,
      plain: 'distinct',
      prefixes: NO_PREFIX,
      prefixed: 'none',
      fallback: true,
    },
  ]),
);

/** Every name and alias the index knows, as written. */
const ALL_NAMES: readonly string[] = [
  ...KABKOTA.flatMap((k) => [k.name, ...k.aliases.map((a) => a.text)]),
  ...PLACES.map((p) => p.text),
  ...LANDMARKS.flatMap(landmarkNames),
  ...KECAMATAN.map((k) => k.name),
  ...DESA.map((d) => d.name),
];
export const maxKeyLength = Math.max(...[...INDEX.keys()].map((k) => k.length));
export const maxKeyWords = Math.max(...ALL_NAMES.map((n) => nameWords(n).length));

/** Every word of every name, folded. */
export const NAME_WORDS: ReadonlySet<string> = new Set(ALL_NAMES.flatMap(nameWords));
/** Frequent chat words that are in no place name: a name never spans them, so lookups stop there. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...CHAT_WORDS, ...PREFIXES.keys()].filter((w) => !NAME_WORDS.has(w)),
);
