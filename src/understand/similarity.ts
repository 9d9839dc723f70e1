// How alike two complaint stories are: word-set overlap after normalization, without the words every story shares.
import { normalize } from './normalize.js';

/** Function words and complaint boilerplate: they make any two complaints look alike. */
const COMMON = new Set(
  `yang dan di ke dari ini itu ada tidak sudah belum saya kami kita kamu anda dengan untuk pada juga karena
  atau tapi tetapi jadi akan bisa mau sangat sekali lagi masih hanya sampai oleh dalam adalah jika kalau
  pak bu bapak ibu mohon tolong minta lapor melaporkan laporan pengaduan aduan keluhan mengeluh terima kasih
  sudah hari bulan tahun kemarin tadi sekarang waktu jam mas mbak min admin the a to is of`.split(/\s+/),
);

export function storyWords(story: string): Set<string> {
  const words = normalize(story)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length >= 3 && !COMMON.has(w));
  return new Set(words);
}

/** Jaccard similarity of the two stories' word sets, 0…1; 0 when either has no content word. */
export function storySimilarity(a: string | ReadonlySet<string>, b: string | ReadonlySet<string>): number {
  const x = typeof a === 'string' ? storyWords(a) : a;
  const y = typeof b === 'string' ? storyWords(b) : b;
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** The same citizen filing the same story again: most of the shorter story's words recur. */
export function sameStory(a: string, b: string): boolean {
  const x = storyWords(a);
  const y = storyWords(b);
  if (x.size === 0 || y.size === 0) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / Math.min(x.size, y.size) >= 0.6 || storySimilarity(x, y) >= 0.45;
}

/** Two citizens' complaints about the same thing in the same place (same category and area checked by the caller). */
export const RELATED_THRESHOLD = 0.2;
