// Finds offices a citizen names in the story: "RSUD Ulin", "dukcapil Banjarbaru", "Polsek Gambut", "PDAM Bandarmasih".
import { KABKOTA, KECAMATAN } from '../data/regions-data.js';
import { storyText } from './details.js';

type Phrase<T> = { words: readonly string[]; value: T };
/** Phrases by their first word, longest first, so the most specific name wins. */
type PhraseTable<T> = ReadonlyMap<string, readonly Phrase<T>[]>;

export type NameIndex = {
  readonly aliases: PhraseTable<string>;
  readonly kinds: PhraseTable<string>;
};

/** The agency of a kind serving a kecamatan or kab/kota, as the directory resolves it. */
export type KindResolver = (
  kind: string,
  kabkotaCode: string,
  kecamatanCode: string | null,
) => string | undefined;

export type NamedAgency = { agencyId: string; words: string };

const toWords = (text: string): string[] => storyText(text).trim().split(' ').filter(Boolean);

function table<T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> {
  const out = new Map<string, Phrase<T>[]>();
  for (const [text, value] of entries) {
    const words = toWords(text);
    const first = words[0];
    if (first === undefined) continue;
    const list = out.get(first) ?? [];
    list.push({ words, value });
    out.set(first, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

/** Kab/kota names as citizens write them; a name several share ("banjar") counts only for the one it is short for. */
const PLACES: PhraseTable<string> = (() => {
  const codes = new Map<string, Set<string>>();
  for (const k of KABKOTA) {
    for (const text of [k.name, k.shortName, k.capital, ...k.aliases.map((a) => a.text)]) {
      const key = toWords(text).join(' ');
      codes.set(key, (codes.get(key) ?? new Set()).add(k.code));
    }
  }
  const short = new Map(KABKOTA.map((k) => [toWords(k.shortName).join(' '), k.code]));
  return table(
    [...codes].flatMap(([text, set]): [string, string][] => {
      const only = set.size === 1 ? [...set][0] : short.get(text);
      return only === undefined ? [] : [[text, only]];
    }),
  );
})();

const KECAMATAN_NAMES: PhraseTable<string[]> = (() => {
  const codes = new Map<string, string[]>();
  for (const k of KECAMATAN) {
    const key = toWords(k.name).join(' ');
    codes.set(key, [...(codes.get(key) ?? []), k.code]);
  }
  return table(codes);
})();

/** Words that may stand between an office's name and its place: "dinas kesehatan kota banjarmasin". */
const FILLERS = new Set(['kota', 'kabupaten', 'di', 'wilayah', 'cabang', 'kantor', 'kecamatan']);
const POLSEK = new Set(['polsek', 'mapolsek', 'kapolsek']);

export function buildNameIndex(
  agencies: readonly { id: string; aliases: readonly string[] }[],
  kinds: Readonly<Record<string, readonly string[]>>,
): NameIndex {
  return {
    aliases: table(agencies.flatMap((a) => a.aliases.map((alias) => [alias, a.id] as const))),
    kinds: table(Object.entries(kinds).flatMap(([kind, words]) => words.map((w) => [w, kind] as const))),
  };
}

function matchAt<T>(tokens: readonly string[], at: number, phrases: PhraseTable<T>): Phrase<T>[] {
  const list = phrases.get(tokens[at] ?? '') ?? [];
  return list.filter((p) => p.words.every((w, i) => tokens[at + i] === w));
}

/** A place right after `at`, allowing up to two filler words before it. */
function placeAfter<T>(
  tokens: readonly string[],
  at: number,
  phrases: PhraseTable<T>,
): { value: T; end: number } | null {
  for (let j = at, skipped = 0; j < tokens.length && skipped <= 2; j++, skipped++) {
    const [best] = matchAt(tokens, j, phrases);
    if (best) return { value: best.value, end: j + best.words.length };
    if (!FILLERS.has(tokens[j] ?? '')) return null;
  }
  return null;
}

/** "Polsek Gambut" → the Polres policing that kecamatan; "Polsek Banjarbaru Barat" → the Polres of the kab/kota. */
function polsek(tokens: readonly string[], at: number, resolve: KindResolver, hint: string | null) {
  const kec = placeAfter(tokens, at + 1, KECAMATAN_NAMES);
  if (kec) {
    const codes = kec.value.length === 1 ? kec.value : kec.value.filter((c) => c.startsWith(`${hint}.`));
    const [code] = codes;
    if (codes.length === 1 && code !== undefined) {
      return { agencyId: resolve('polres', code.slice(0, 5), code), end: kec.end };
    }
  }
  const place = placeAfter(tokens, at + 1, PLACES);
  return place ? { agencyId: resolve('polres', place.value, null), end: place.end } : null;
}

/**
 * Offices named in the story (as given by storyText), in the order they appear. `hint` is the complaint's
 * kab/kota, used only to choose between kecamatan that share a name.
 */
export function findNamed(
  index: NameIndex,
  text: string,
  resolve: KindResolver,
  hint: string | null,
): NamedAgency[] {
  const tokens = text.trim().split(' ');
  const found: NamedAgency[] = [];
  const add = (agencyId: string | undefined, from: number, to: number) => {
    if (agencyId !== undefined) found.push({ agencyId, words: tokens.slice(from, to).join(' ') });
  };
  for (let i = 0; i < tokens.length; i++) {
    const [alias] = matchAt(tokens, i, index.aliases);
    if (alias) {
      add(alias.value, i, i + alias.words.length);
      i += alias.words.length - 1;
      continue;
    }
    if (POLSEK.has(tokens[i] ?? '')) {
      const hit = polsek(tokens, i, resolve, hint);
      if (hit) add(hit.agencyId, i, hit.end);
      continue;
    }
    for (const kind of matchAt(tokens, i, index.kinds)) {
      const place = placeAfter(tokens, i + kind.words.length, PLACES);
      if (place) {
        add(resolve(kind.value, place.value, null), i, place.end);
        i = place.end - 1;
        break;
      }
    }
  }
  return found;
}
