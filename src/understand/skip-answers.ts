// Answers that give nothing to an optional question: a skip, "don't know", "nothing (yet)".
import { normalize } from './normalize.js';

/** Words that skip an optional question. */
const SKIP_WORDS = [
  'lewati',
  'skip',
  'tidak ada',
  'tidak',
  'nggak',
  'gak',
  'ga',
  'ndak',
  'kada',
  'kadada',
  'no',
  'tidak tahu',
  'gak tau',
  'tidak tau',
  'ga tau',
];

export function isSkip(text: string): boolean {
  const t = normalize(text)
    .replace(/[^\p{L}\s]/gu, '')
    .trim();
  return SKIP_WORDS.includes(t) || /^(lewat|lewati|skip|tidak (ada|tahu|tau|punya))\b/.test(t);
}

/** Whole answers that say "don't know", as choice words. */
export const UNKNOWN_WORDS = ['entah', "don't know", 'dont know', 'unknown'];

/** "tidak tahu", "gak tau", "kada tahu", "entah": the citizen does not know. */
export function isUnknown(text: string): boolean {
  return /^(saya |sy |ulun |aku )?(tidak|belum|kurang) (tahu|tau|paham|yakin)\b|^entah\b|^(dont|don't) know\b/.test(
    normalize(text),
  );
}

/** "tidak ada", "gk punya", "nanti aja", "ga usah", "fotonya nyusul": nothing to give now for an optional question. */
export function isNone(text: string): boolean {
  const t = normalize(text);
  return (
    /^((saya|aku|sy) )?(tidak|belum) (ada|punya|usah|perlu|mau|bisa|hafal|ingat|bawa)\b|^nanti\b|^kosong\b|^none\b|^no\b/.test(
      t,
    ) || /\b(nyusul|menyusul|nanti|belakangan|later)\b/.test(t)
  );
}
