// Reads the form of maladministration a story describes (pungli, undue delay, refusal, rudeness…) from our phrase lists.
import type { MaladministrationForm } from '../domain/maladministration.js';
import { PHRASES } from './maladministration-phrases.js';
import { normalize } from './normalize.js';

export type MaladministrationFinding = { form: MaladministrationForm; reasons: string[] };

type Entry = { words: readonly string[]; label: string; weights: readonly (readonly [number, number])[] };

const SPLIT = /[^\p{L}\p{N}]+/u;
const words = (text: string) =>
  normalize(text)
    .split(SPLIT)
    .filter((w) => w !== '');

const FORMS = PHRASES.map(([form]) => form);
const DECISIVE = 4;

/** Phrases grouped by first word, longest first; a phrase in two forms gives points to both. */
const BY_FIRST_WORD: ReadonlyMap<string, readonly Entry[]> = (() => {
  const byKey = new Map<string, { words: string[]; label: string; weights: [number, number][] }>();
  PHRASES.forEach(([, phrases], f) => {
    for (const [phrase, weight] of Object.entries(phrases)) {
      const w = words(phrase);
      const key = w.join(' ');
      const slot = byKey.get(key) ?? { words: w, label: phrase, weights: [] };
      slot.weights.push([f, weight]);
      byKey.set(key, slot);
    }
  });
  const out = new Map<string, Entry[]>();
  for (const e of byKey.values()) {
    const first = e.words[0] ?? '';
    out.set(first, [...(out.get(first) ?? []), e]);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
})();

const SPAN_START: ReadonlySet<string> = new Set(['sudah', 'sejak', 'selama', 'hampir', 'lebih']);
const SPAN_COUNT = /^(\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|ampat|anam)$/;
const SPAN_UNIT: ReadonlyMap<string, number> = new Map([
  ['minggu', 1],
  ['bulan', 3],
  ['tahun', 4],
]);

/** "sudah 3 bulan", "sejak dua tahun": the longest such waiting time in the story, as points for undue delay. */
function waitingTime(w: readonly string[]): { points: number; label: string } | null {
  let best: { points: number; label: string } | null = null;
  for (let i = 0; i + 2 < w.length; i++) {
    if (!SPAN_START.has(w[i] ?? '') || !SPAN_COUNT.test(w[i + 1] ?? '')) continue;
    const points = SPAN_UNIT.get(w[i + 2] ?? '');
    if (points !== undefined && points > (best?.points ?? 0))
      best = { points, label: w.slice(i, i + 3).join(' ') };
  }
  return best;
}

/**
 * The first form, in the order of PHRASES, with decisive evidence (4 points or more); else the form
 * with the most points (at least 2). Null when none: with the phrases that gave the points.
 */
export function findMaladministration(text: string): MaladministrationFinding | null {
  const w = words(text);
  const points = new Array<number>(FORMS.length).fill(0);
  const reasons: string[][] = FORMS.map(() => []);
  for (let i = 0; i < w.length; ) {
    let step = 1;
    for (const e of BY_FIRST_WORD.get(w[i] ?? '') ?? []) {
      if (!e.words.every((word, k) => w[i + k] === word)) continue;
      for (const [f, weight] of e.weights) {
        if (reasons[f]?.includes(e.label)) continue;
        points[f] = (points[f] ?? 0) + weight;
        reasons[f]?.push(e.label);
      }
      step = e.words.length;
      break;
    }
    i += step;
  }
  const waiting = waitingTime(w);
  const delay = FORMS.indexOf('penundaan_berlarut');
  if (waiting) {
    points[delay] = (points[delay] ?? 0) + waiting.points;
    reasons[delay]?.push(waiting.label);
  }
  let best = points.findIndex((p) => p >= DECISIVE);
  if (best < 0) {
    points.forEach((p, f) => {
      if (p >= 2 && (best < 0 || p > (points[best] ?? 0))) best = f;
    });
  }
  const form = FORMS[best];
  return form ? { form, reasons: reasons[best] ?? [] } : null;
}
