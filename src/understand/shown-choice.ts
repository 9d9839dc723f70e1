// Picks an offered option the way it was shown: its label typed back (any case, punctuation or emoji, one typo,
// the part before a bracket, the other locale's label), its number, or its id. The whole reply must be the pick.
import { levenshtein } from './choice.js';
import { tokens } from './normalize.js';

/** One offered option: the id that comes back from a button, and every label it was or could be shown with. */
export type ShownOption<T extends string = string> = { id: T; labels: string[] };

/** Polite words at either end of a pick that change nothing: "Rahasia pak", "Kirim dong min". */
const POLITE = new Set([
  'pak',
  'bu',
  'kak',
  'min',
  'admin',
  'mas',
  'mbak',
  'bang',
  'dong',
  'deh',
  'lah',
  'nah',
  'please',
  'pls',
  'terima-kasih',
  'makasih',
  'saja',
  'aja',
  'haja',
  'ja',
  'ai',
  'ya',
]);

/** Words around a number that say nothing about which one: "pilih nomor 2 saja". */
const NUMBER_WORDS = new Set([
  ...POLITE,
  'pilih',
  'pilihan',
  'opsi',
  'nomor',
  'no',
  'angka',
  'yang',
  'saya',
  'ulun',
  'mau',
  'saja',
  'aja',
  'haja',
  'ja',
  'yg',
]);

/** The reply, then the reply with polite words taken off either end, longest first: "Ya pak" → "Ya pak", "Ya". */
function trims(ws: string[]): string[][] {
  const out: string[][] = [];
  for (let start = 0; start === 0 || POLITE.has(ws[start - 1] ?? ''); start++) {
    for (let end = ws.length; end > start && (end === ws.length || POLITE.has(ws[end] ?? '')); end--)
      out.push(ws.slice(start, end));
    if (start >= ws.length) break;
  }
  return out.sort((a, b) => b.length - a.length);
}

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['satu', 1],
  ['dua', 2],
  ['tiga', 3],
  ['empat', 4],
  ['lima', 5],
  ['pertama', 1],
  ['kedua', 2],
  ['ketiga', 3],
  ['keempat', 4],
  ['kelima', 5],
]);

/** Emoji, skin tones, flags and joiners: never part of a label's words (digits, which are emoji components too, are). */
const isEmoji = (w: string) =>
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0F|\u200D|\u20E3)+$/u.test(w);

/** The words of a reply or label, without emoji and without a leading list number ("2. Rahasia"). */
function words(text: string): string[] {
  const stripped = text.replace(/^\s*\d{1,2}\s*[.)]\s+(?=\D)/u, '');
  return tokens(stripped).filter((w) => !isEmoji(w) && w !== '-');
}

function sameWords(typed: string[], label: string[]): boolean {
  if (typed.length !== label.length || typed.length === 0) return false;
  return typed.every((w, i) => {
    const l = label[i] ?? '';
    if (w === l) return true;
    return l.length >= 5 && Math.abs(w.length - l.length) <= 1 && levenshtein(w, l) <= 1;
  });
}

/** Every form a label can be typed in: whole, and the part before a bracket or a colon ("Kependudukan"). */
function labelForms(label: string): string[][] {
  const forms = [words(label)];
  const head = label.split(/[(:]/)[0] ?? '';
  if (head.trim() && head.trim() !== label.trim()) forms.push(words(head));
  return forms.filter((f) => f.length > 0);
}

/** The number a reply names alone ("2", "no. 2", "nomor dua", "ke-2"), if it names one and nothing else. */
export function shownNumber(text: string): number | null {
  const ws = words(text.replace(/[.)]+\s*$/, '')).filter((w) => !NUMBER_WORDS.has(w));
  if (ws.length !== 1) return null;
  const w = ws[0] ?? '';
  const digits = /^(?:ke-?)?([0-9]{1,2})$/.exec(w);
  if (digits) return Number(digits[1]);
  return ORDINALS.get(w) ?? null;
}

/** The option the whole reply picks, or null. */
export function matchShown<T extends string>(
  text: string,
  options: readonly ShownOption<T>[],
  /** False where the choices are shown as words and numbers mean something else (the summary's rows). */
  numbers = true,
): T | null {
  if (options.length === 0) return null;
  const typed = words(text);
  if (typed.length === 0) return null;
  const raw = text.trim().toLowerCase();
  for (const o of options) if (o.id.toLowerCase() === raw) return o.id;
  for (const candidate of trims(typed)) {
    const hits = options.filter((o) =>
      o.labels.some((l) => labelForms(l).some((f) => sameWords(candidate, f))),
    );
    const ids = new Set(hits.map((h) => h.id));
    if (ids.size === 1) return hits[0]?.id ?? null;
  }
  const n = numbers ? shownNumber(text) : null;
  return n !== null && n >= 1 && n <= options.length ? (options[n - 1]?.id ?? null) : null;
}
